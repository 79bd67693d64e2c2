using System.Security.Claims;
using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Features.Connections;

public static class ConnectionEndpoints
{
    public static RouteGroupBuilder MapConnectionEndpoints(this IEndpointRouteBuilder app)
    {
        var invitations = app.MapGroup("/api/v1/invitations").WithTags("Network").RequireAuthorization();
        invitations.MapPost("/", async (SendInvitation.Request request, EntregentDb db, NetworkGraph network, IOptions<NetworkOptions> options,
                TimeProvider time, ClaimsPrincipal user, HttpResponse response, CancellationToken cancellationToken) =>
        {
            var outcome = await SendInvitation.ExecuteAsync(db, network, options, time, user.RequiredMemberId(), request, cancellationToken);
            response.SetRetryAfter(outcome.Failure);
            // A new invitation is created (201); one crossing theirs answers with their invitation, now accepted (200).
            return !outcome.Succeeded ? (IResult)outcome.Failure!.ToProblem()
                : outcome.Value!.Status == InvitationStatus.Pending ? TypedResults.Created($"/api/v1/invitations/{outcome.Value.Id}", outcome.Value)
                : TypedResults.Ok(outcome.Value);
        })
            .Produces<InvitationView>(StatusCodes.Status201Created).Produces<InvitationView>().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Invite a member to connect {to, note, context, organization}; one crossing theirs connects you at once");
        invitations.MapGet("/", async (string? direction, int? page, EntregentDb db, NetworkGraph network, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await ListInvitations.ExecuteAsync(db, network, user.RequiredMemberId(), direction, page ?? 1, cancellationToken)).ToOk())
            .WithSummary("Pending invitations received (default) or sent, newest first, 50 a page");
        invitations.MapPost("/{id:long}/accept", async (long id, EntregentDb db, NetworkGraph network, IOptions<NetworkOptions> options,
                TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await RespondToInvitation.AcceptAsync(db, network, options, time, user.RequiredMemberId(), id, cancellationToken)).ToOk())
            .WithSummary("Accept an invitation received: you are connected");
        invitations.MapPost("/{id:long}/ignore", async (long id, EntregentDb db, NetworkGraph network, TimeProvider time, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await RespondToInvitation.IgnoreAsync(db, network, time, user.RequiredMemberId(), id, cancellationToken)).ToOk())
            .WithSummary("Ignore an invitation received (the sender is not told)");
        invitations.MapDelete("/{id:long}", async (long id, EntregentDb db, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await RespondToInvitation.WithdrawAsync(db, time, user.RequiredMemberId(), id, cancellationToken)).ToNoContent())
            .WithSummary("Withdraw an invitation you sent");

        var me = app.MapGroup("/api/v1/me").WithTags("Network").RequireAuthorization();
        me.MapGet("/connections", async (int? page, EntregentDb db, NetworkGraph network, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await ListConnections.MineAsync(db, network, user.RequiredMemberId(), page ?? 1, cancellationToken)).ToOk())
            .WithSummary("My connections, newest first, 50 a page");
        me.MapDelete("/connections/{handle}", async (string handle, EntregentDb db, NetworkGraph network, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await ListConnections.RemoveAsync(db, network, user.RequiredMemberId(), handle, cancellationToken)).ToNoContent())
            .WithSummary("Remove a connection");
        me.MapGet("/suggestions", async (int? max, EntregentDb db, NetworkGraph network, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            TypedResults.Ok(await SuggestConnections.ExecuteAsync(db, network, user.RequiredMemberId(), max ?? SuggestConnections.MaxResults, cancellationToken)))
            .WithSummary("People you may know, with the reasons");
        me.MapDelete("/suggestions/{handle}", async (string handle, EntregentDb db, NetworkGraph network, TimeProvider time, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await SuggestConnections.DismissAsync(db, network, time, user.RequiredMemberId(), handle, cancellationToken)).ToNoContent())
            .WithSummary("Dismiss a suggestion for good");
        me.MapGet("/blocks", async (EntregentDb db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            TypedResults.Ok(await BlockMember.ListAsync(db, user.RequiredMemberId(), cancellationToken)))
            .WithSummary("Members I blocked");
        me.MapPut("/blocks/{handle}", async (string handle, EntregentDb db, NetworkGraph network, TimeProvider time, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await BlockMember.BlockAsync(db, network, time, user.RequiredMemberId(), handle, cancellationToken)).ToNoContent())
            .WithSummary("Block a member: removes any connection, invitation and follow; neither sees the other anywhere");
        me.MapDelete("/blocks/{handle}", async (string handle, EntregentDb db, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await BlockMember.UnblockAsync(db, user.RequiredMemberId(), handle, cancellationToken)).ToNoContent())
            .WithSummary("Lift a block");
        me.MapGet("/follows", async (EntregentDb db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            TypedResults.Ok(await FollowTarget.ListAsync(db, user.RequiredMemberId(), cancellationToken)))
            .WithSummary("Members and organisations I follow");
        me.MapPut("/follows/{handleOrSlug}", async (string handleOrSlug, EntregentDb db, NetworkGraph network, TimeProvider time, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await FollowTarget.FollowAsync(db, network, time, user.RequiredMemberId(), handleOrSlug, cancellationToken)).ToOk())
            .WithSummary("Follow a member (handle) or an organisation (slug)");
        me.MapDelete("/follows/{handleOrSlug}", async (string handleOrSlug, EntregentDb db, NetworkGraph network, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await FollowTarget.UnfollowAsync(db, network, user.RequiredMemberId(), handleOrSlug, cancellationToken)).ToNoContent())
            .WithSummary("Stop following");

        var members = app.MapGroup("/api/v1/members").WithTags("Network").RequireAuthorization();
        members.MapGet("/{handle}/connection", async (string handle, EntregentDb db, NetworkGraph network, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await ViewConnection.ExecuteAsync(db, network, user.RequiredMemberId(), handle, cancellationToken)).ToOk())
            .WithSummary("How I am connected to a member: degree, distance, mutual count, up to three shortest paths");
        members.MapGet("/{handle}/mutual", async (string handle, EntregentDb db, NetworkGraph network, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await ViewConnection.MutualAsync(db, network, user.RequiredMemberId(), handle, 200, cancellationToken)).ToOk())
            .WithSummary("The connections I share with a member");
        members.MapGet("/{handle}/connections", async (string handle, int? page, EntregentDb db, NetworkGraph network, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await ListConnections.OfAsync(db, network, user.RequiredMemberId(), handle, page ?? 1, cancellationToken)).ToOk())
            .WithSummary("A member's connections as I may see them (only those we share when they hide their list)");
        return invitations;
    }
}
