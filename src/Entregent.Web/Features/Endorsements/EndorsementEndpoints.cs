using System.Security.Claims;
using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;

namespace Entregent.Web.Features.Endorsements;

public static class EndorsementEndpoints
{
    public static RouteGroupBuilder MapEndorsementEndpoints(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/v1/members").WithTags("Endorsements").RequireAuthorization();
        members.MapGet("/{handle}/skills", async (string handle, EntregentDb db, NetworkGraph network, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await ListSkills.ExecuteAsync(db, network, user.RequiredMemberId(), handle, cancellationToken)).ToOk())
            .WithSummary("A member's skills in their order, with endorsement counts and the endorsers you know first");
        // {skill} is the skill's name as listed, URL-encoded; spellings differing by case or accents are the same skill.
        members.MapPut("/{handle}/skills/{skill}/endorsement", async (string handle, string skill, EntregentDb db, NetworkGraph network,
                TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await EndorseSkill.EndorseAsync(db, network, time, user.RequiredMemberId(), handle, skill, cancellationToken)).ToOk())
            .WithSummary("Endorse a skill a 1st-degree connection lists (idempotent); the skill with its new count");
        members.MapDelete("/{handle}/skills/{skill}/endorsement", async (string handle, string skill, EntregentDb db, NetworkGraph network,
                ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await EndorseSkill.RemoveAsync(db, network, user.RequiredMemberId(), handle, skill, cancellationToken)).ToNoContent())
            .WithSummary("Take an endorsement back (idempotent)");
        return members;
    }
}
