using System.Security.Claims;
using Entregent.Web.Data;
using Entregent.Web.Infrastructure;

namespace Entregent.Web.Features.Organizations;

public static class OrganizationEndpoints
{
    public static RouteGroupBuilder MapOrganizationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organizations").WithTags("Organizations");

        group.MapGet("/{slug}", async (string slug, EntregentDb db, CancellationToken cancellationToken) =>
            (await ViewOrganization.ExecuteAsync(db, slug, cancellationToken)).ToOk())
            .WithSummary("An organisation (a merged-away slug answers with the survivor)");

        group.MapGet("/{slug}/members", async (string slug, string? status, int? page, EntregentDb db, CancellationToken cancellationToken) =>
        {
            if (status is not (null or "current" or "past"))
            {
                return Failure.Invalid("status", "Use current or past.").ToProblem();
            }
            return (await ViewOrganization.MembersAsync(db, slug, status != "past", page ?? 1, cancellationToken)).ToOk();
        }).RequireAuthorization().WithSummary("Current (default) or past members, most recent first, 50 a page");

        group.MapPatch("/{slug}", async (string slug, EditOrganization.Request request, EntregentDb db, ClaimsPrincipal user, TimeProvider time,
            CancellationToken cancellationToken) =>
            (await EditOrganization.ExecuteAsync(db, user.RequiredMemberId(), slug, request, time, cancellationToken)).ToOk())
            .RequireAuthorization().WithSummary("Edit an organisation (administrators)");

        group.MapPost("/{slug}/merge", async (string slug, MergeOrganizations.Request request, EntregentDb db, ClaimsPrincipal user, TimeProvider time,
            CancellationToken cancellationToken) =>
            (await MergeOrganizations.ExecuteAsync(db, user.RequiredMemberId(), slug, request, time, cancellationToken)).ToOk())
            .RequireAuthorization().WithSummary("Merge this organisation into another (administrators)");

        return group;
    }
}
