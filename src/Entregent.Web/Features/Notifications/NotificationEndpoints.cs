using System.Security.Claims;
using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;

namespace Entregent.Web.Features.Notifications;

public static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization();
        group.MapGet("/", async (string? cursor, int? limit, bool? unread, EntregentDb db, NetworkGraph network, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await ListNotifications.ExecuteAsync(db, network, user.RequiredMemberId(), cursor, limit, unread ?? false, cancellationToken)).ToOk())
            .WithSummary("My notifications, newest first, cursor-paged (limit 1–100, default 20); unread=true for the unread ones only");
        group.MapGet("/unread-count", async (EntregentDb db, NetworkGraph network, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            TypedResults.Ok(new UnreadCount(await ListNotifications.UnreadCountAsync(db, network, user.RequiredMemberId(), cancellationToken))))
            .WithSummary("How many of my notifications are unread (as the centre shows them)");
        group.MapPost("/{id:long}/read", async (long id, EntregentDb db, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await ListNotifications.MarkReadAsync(db, time, user.RequiredMemberId(), id, cancellationToken)).ToNoContent())
            .WithSummary("Mark one of my notifications read");
        group.MapPost("/read-all", async (EntregentDb db, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        {
            await ListNotifications.MarkAllReadAsync(db, time, user.RequiredMemberId(), cancellationToken);
            return TypedResults.NoContent();
        }).WithSummary("Mark all my notifications read");

        var me = app.MapGroup("/api/v1/me").WithTags("Notifications").RequireAuthorization();
        me.MapGet("/notification-settings", async (EntregentDb db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            TypedResults.Ok(await NotificationPreferences.GetAsync(db, user.RequiredMemberId(), cancellationToken)))
            .WithSummary("My notification settings: digest frequency, muted kinds, kinds kept out of the digest");
        me.MapPut("/notification-settings", async (NotificationPreferences.Request request, EntregentDb db, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await NotificationPreferences.SetAsync(db, user.RequiredMemberId(), request, cancellationToken)).ToOk())
            .WithSummary("Change my notification settings {digest: off|daily|weekly, mutedKinds, notEmailedKinds}; fields left out keep their value");
        return group;
    }

    public sealed record UnreadCount(int Count);
}
