using System.Globalization;
using System.Security.Claims;
using Entregent.Web.Data;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Imaging;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Entregent.Web.Features.Profiles;

public static class ProfileEndpoints
{
    public static RouteGroupBuilder MapProfileEndpoints(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/v1/members").WithTags("Profiles");
        members.MapGet("/{handle}", async (string handle, EntregentDb db, ProfileCache cache, NetworkGraph network, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await ViewProfile.ExecuteAsync(db, cache, network, handle, user.MemberId(), cancellationToken)).ToOk())
            .WithSummary("A member's profile, as the caller may see it");

        var me = app.MapGroup("/api/v1/me").WithTags("Profiles").RequireAuthorization();
        me.MapGet("/privacy", async (EntregentDb db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await SetPrivacy.GetAsync(db, user.RequiredMemberId(), cancellationToken)).ToOk())
            .WithSummary("My network privacy: hidden connection list, who may open my profile");
        me.MapPut("/privacy", async (SetPrivacy.Request request, EntregentDb db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await SetPrivacy.ExecuteAsync(db, user.RequiredMemberId(), request, cancellationToken)).ToOk())
            .WithSummary("Change my network privacy (fields left out keep their value)");
        me.MapGet("/", async Task<Results<Ok<MyProfileView>, ProblemHttpResult>> (EntregentDb db, ClaimsPrincipal user, HttpResponse response, CancellationToken cancellationToken) =>
        {
            var outcome = await ViewProfile.MineAsync(db, user.RequiredMemberId(), cancellationToken);
            if (outcome.Succeeded)
            {
                response.Headers.ETag = ETag(outcome.Value!.Version);
            }
            return outcome.ToOk();
        }).WithSummary("My own profile, with audiences and the version to send as If-Match");

        me.MapPatch("/", async Task<Results<Ok<MyProfileView>, ProblemHttpResult>> (EditProfile.Request request, EntregentDb db, ClaimsPrincipal user,
            TimeProvider time, HttpRequest http, CancellationToken cancellationToken) =>
        {
            var expected = ParseIfMatch(http.Headers.IfMatch.ToString());
            if (expected is null && !string.IsNullOrEmpty(http.Headers.IfMatch))
            {
                return Failure.Invalid("If-Match", "Send the ETag received from GET /api/v1/me, e.g. \"3\".").ToProblem();
            }
            var outcome = await EditProfile.ExecuteAsync(db, user.RequiredMemberId(), request, expected, time, cancellationToken);
            if (outcome.Succeeded)
            {
                http.HttpContext.Response.Headers.ETag = ETag(outcome.Value!.Version);
            }
            return outcome.ToOk();
        }).WithSummary("Change my profile: omitted fields stay, empty strings clear");

        me.MapPost("/positions", async Task<Results<Created<PositionView>, ProblemHttpResult>> (ManagePositions.Request request, EntregentDb db,
            NetworkGraph network, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var outcome = await ManagePositions.AddAsync(db, network, user.RequiredMemberId(), request, time, cancellationToken);
            return outcome.Succeeded ? TypedResults.Created($"/api/v1/me/positions/{outcome.Value!.Id}", outcome.Value) : outcome.Failure!.ToProblem();
        }).WithSummary("Add a position (an unknown organisation is created)");
        me.MapPut("/positions/{id:long}", async (long id, ManagePositions.Request request, EntregentDb db, NetworkGraph network, ClaimsPrincipal user,
            TimeProvider time, CancellationToken cancellationToken) =>
            (await ManagePositions.UpdateAsync(db, network, user.RequiredMemberId(), id, request, time, cancellationToken)).ToOk())
            .WithSummary("Replace one of my positions");
        me.MapDelete("/positions/{id:long}", async (long id, EntregentDb db, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken) =>
            (await ManagePositions.DeleteAsync(db, user.RequiredMemberId(), id, time, cancellationToken)).ToNoContent())
            .WithSummary("Remove one of my positions");

        me.MapPost("/education", async Task<Results<Created<EducationView>, ProblemHttpResult>> (ManageEducation.Request request, EntregentDb db,
            ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var outcome = await ManageEducation.AddAsync(db, user.RequiredMemberId(), request, time, cancellationToken);
            return outcome.Succeeded ? TypedResults.Created($"/api/v1/me/education/{outcome.Value!.Id}", outcome.Value) : outcome.Failure!.ToProblem();
        }).WithSummary("Add an education entry (an unknown school is created)");
        me.MapPut("/education/{id:long}", async (long id, ManageEducation.Request request, EntregentDb db, ClaimsPrincipal user, TimeProvider time,
            CancellationToken cancellationToken) =>
            (await ManageEducation.UpdateAsync(db, user.RequiredMemberId(), id, request, time, cancellationToken)).ToOk())
            .WithSummary("Replace one of my education entries");
        me.MapDelete("/education/{id:long}", async (long id, EntregentDb db, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken) =>
            (await ManageEducation.DeleteAsync(db, user.RequiredMemberId(), id, time, cancellationToken)).ToNoContent())
            .WithSummary("Remove one of my education entries");

        me.MapPut("/skills", async (SetSkills.Request request, EntregentDb db, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken) =>
            (await SetSkills.ExecuteAsync(db, user.RequiredMemberId(), request, time, cancellationToken)).ToOk())
            .WithSummary("Replace my skills (case and accents do not make a new skill)");

        me.MapPut("/photo", async (HttpRequest http, EntregentDb db, ClaimsPrincipal user, Uploads uploads, TimeProvider time, CancellationToken cancellationToken) =>
            (await SetPhoto.ExecuteAsync(db, user.RequiredMemberId(), await Uploads.ReadAsync(http, cancellationToken), uploads, time, cancellationToken)).ToOk())
            // One Accepts: routing matches the content type against the last one only, so two would refuse multipart with 415.
            .Accepts<IFormFile>("multipart/form-data", "image/jpeg", "image/png", "image/webp")
            .DisableAntiforgery()
            .WithSummary("Set my photo: JPEG, PNG or WebP up to 5 MB, as multipart field 'photo' or a raw image body");
        me.MapDelete("/photo", async (EntregentDb db, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken) =>
            (await SetPhoto.RemoveAsync(db, user.RequiredMemberId(), time, cancellationToken)).ToNoContent())
            .WithSummary("Remove my photo");

        // "Any news of X?": flags, confirmations, reconnect.
        members.MapPost("/{handle}/details-flags", async (string handle, FlagDetails.Request request, EntregentDb db, NetworkGraph network,
                IOptions<NotificationOptions> options, TimeProvider time, ClaimsPrincipal user, HttpResponse response, CancellationToken cancellationToken) =>
        {
            var outcome = await FlagDetails.FlagAsync(db, network, options, time, user.RequiredMemberId(), handle, request, cancellationToken);
            response.SetRetryAfter(outcome.Failure);
            return outcome.Succeeded ? (IResult)TypedResults.Created($"/api/v1/me/details-flags/{outcome.Value!.Id}", outcome.Value) : outcome.Failure!.ToProblem();
        }).RequireAuthorization().Produces<DetailsFlagView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Ask a 1st-degree connection to confirm a section of their profile {section, positionId?, note?} (\"still at Acme?\")");
        me.MapGet("/details-flags", async (EntregentDb db, NetworkGraph network, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            TypedResults.Ok(await FlagDetails.ListMineAsync(db, network, user.RequiredMemberId(), cancellationToken)))
            .WithSummary("The open flags on my profile, with who asked");
        me.MapPost("/details-flags/{id:long}/dismiss", async (long id, EntregentDb db, TimeProvider time, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await FlagDetails.DismissAsync(db, time, user.RequiredMemberId(), id, cancellationToken)).ToNoContent())
            .WithSummary("Dismiss a flag on my profile without changing anything");
        me.MapPost("/sections/{section}/confirmation", async (string section, EntregentDb db, TimeProvider time, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await FlagDetails.ConfirmAsync(db, time, user.RequiredMemberId(), section, cancellationToken)).ToOk())
            .WithSummary("Confirm a section of my profile unchanged (intro, positions, education, skills, contact): its last-confirmed date becomes now");
        me.MapGet("/reconnect", async (EntregentDb db, NetworkGraph network, IOptions<NotificationOptions> options, TimeProvider time,
                ClaimsPrincipal user, CancellationToken cancellationToken) =>
            TypedResults.Ok(await ListReconnect.ExecuteAsync(db, network, options, time, user.RequiredMemberId(), cancellationToken)))
            .WithSummary("Connections quiet for long whose position changed since, newest change first");

        return me;
    }

    private static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    private static int? ParseIfMatch(string header)
    {
        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }
        value = value.Trim('"');
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }
}
