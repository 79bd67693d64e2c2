using System.Security.Claims;
using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Imaging;
using Entregent.Web.Network;

namespace Entregent.Web.Features.Organizations;

public static class OrganizationEndpoints
{
    public static RouteGroupBuilder MapOrganizationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organizations").WithTags("Organizations");

        group.MapGet("/{slug}", async (string slug, EntregentDb db, NetworkGraph network, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await ViewOrganization.ExecuteAsync(db, network, user.MemberId(), slug, cancellationToken)).ToOk())
            .WithSummary("An organisation (a merged-away slug answers with the survivor)");

        group.MapGet("/{slug}/members", async (string slug, string? status, int? page, EntregentDb db, NetworkGraph network, ClaimsPrincipal user,
            CancellationToken cancellationToken) =>
        {
            if (status is not (null or "current" or "past"))
            {
                return Failure.Invalid("status", "Use current or past.").ToProblem();
            }
            return (await ViewOrganization.MembersAsync(db, network, user.MemberId(), slug, status != "past", page ?? 1, cancellationToken)).ToOk();
        }).RequireAuthorization().WithSummary("Current (default) or past members, most recent first, 50 a page");

        group.MapGet("/{slug}/people-you-know", async (string slug, EntregentDb db, NetworkGraph network, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await FindPeopleYouKnow.ExecuteAsync(db, network, user.RequiredMemberId(), slug, cancellationToken)).ToOk())
            .RequireAuthorization()
            .WithSummary("Who do I know at X: my 1st- and 2nd-degree people there now and formerly, with who can introduce me and why");

        group.MapPatch("/{slug}", async (string slug, EditOrganization.Request request, EntregentDb db, NetworkGraph network, ClaimsPrincipal user, TimeProvider time,
            CancellationToken cancellationToken) =>
            (await EditOrganization.ExecuteAsync(db, network, user.RequiredMemberId(), slug, request, time, cancellationToken)).ToOk())
            .RequireAuthorization().WithSummary("Edit an organisation (administrators)");

        group.MapPost("/{slug}/merge", async (string slug, MergeOrganizations.Request request, EntregentDb db, NetworkGraph network, ClaimsPrincipal user, TimeProvider time,
            CancellationToken cancellationToken) =>
            (await MergeOrganizations.ExecuteAsync(db, network, user.RequiredMemberId(), slug, request, time, cancellationToken)).ToOk())
            .RequireAuthorization().WithSummary("Merge this organisation into another (administrators)");

        group.MapPut("/{slug}/logo", async (string slug, HttpRequest http, EntregentDb db, ClaimsPrincipal user, Uploads uploads, TimeProvider time,
            CancellationToken cancellationToken) =>
            (await SetLogo.ExecuteAsync(db, user.RequiredMemberId(), slug, await Uploads.ReadAsync(http, cancellationToken), uploads, time, cancellationToken)).ToOk())
            .Accepts<IFormFile>("multipart/form-data").Accepts<Stream>("image/jpeg", "image/png", "image/webp")
            .DisableAntiforgery()
            .RequireAuthorization().WithSummary("Set an organisation's logo (administrators): JPEG, PNG or WebP up to 5 MB");
        group.MapDelete("/{slug}/logo", async (string slug, EntregentDb db, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken) =>
            (await SetLogo.RemoveAsync(db, user.RequiredMemberId(), slug, time, cancellationToken)).ToNoContent())
            .RequireAuthorization().WithSummary("Remove an organisation's logo (administrators)");

        group.MapGet("/{slug}/verification", async (string slug, EntregentDb db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await VerifyMembers.StatusAsync(db, user.RequiredMemberId(), slug, cancellationToken)).ToOk())
            .RequireAuthorization().WithSummary("Whether I am a verified member of this organisation");
        group.MapPost("/{slug}/verification", async (string slug, EntregentDb db, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await VerifyMembers.RequestAsync(db, time, user.RequiredMemberId(), slug, cancellationToken)).ToOk())
            .RequireAuthorization().WithSummary("Ask to be verified: at once with a confirmed e-mail at the organisation's domain, else an administrator must approve (409)");
        group.MapPut("/{slug}/email-domain", async (string slug, VerifyMembers.DomainRequest request, EntregentDb db, TimeProvider time, ClaimsPrincipal user,
            CancellationToken cancellationToken) =>
            (await VerifyMembers.SetDomainAsync(db, time, user.RequiredMemberId(), slug, request, cancellationToken)).ToOk())
            .RequireAuthorization().WithSummary("Set the e-mail domain whose confirmed addresses verify members {emailDomain} (site administrators)");
        group.MapPut("/{slug}/verified-members/{handle}", async (string slug, string handle, EntregentDb db, NetworkGraph network, TimeProvider time,
            ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await VerifyMembers.ApproveAsync(db, network, time, user.RequiredMemberId(), slug, handle, cancellationToken)).ToOk())
            .RequireAuthorization().WithSummary("Verify a member of this organisation (site administrators)");
        group.MapDelete("/{slug}/verified-members/{handle}", async (string slug, string handle, EntregentDb db, NetworkGraph network, ClaimsPrincipal user,
            CancellationToken cancellationToken) =>
            (await VerifyMembers.RevokeAsync(db, network, user.RequiredMemberId(), slug, handle, cancellationToken)).ToNoContent())
            .RequireAuthorization().WithSummary("Revoke a member's verification (site administrators): internal groups close to them at once");

        return group;
    }
}
