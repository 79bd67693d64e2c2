using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Endorsements;

/// <summary>
/// A member's skills in their order, each with how many members endorsed it and, first, which of those the viewer
/// knows ("Endorsed by Marie and 2 others you know").
/// </summary>
public static class ListSkills
{
    /// <summary>How many of the viewer's connections among the endorsers are named; the rest are counted.</summary>
    public const int KnownShown = 3;

    /// <param name="Name">The skill as the member lists it.</param>
    /// <param name="Count">Endorsers the viewer may see: members blocked either way (with the viewer or the member) are not counted.</param>
    /// <param name="EndorsedByYou">Whether the viewer endorsed it.</param>
    /// <param name="KnownEndorsers">Up to three of the viewer's connections who endorsed it, closest first.</param>
    /// <param name="KnownCount">How many of the viewer's connections endorsed it, named or not.</param>
    public sealed record SkillView(string Name, int Count, bool EndorsedByYou, IReadOnlyList<MemberCard> KnownEndorsers, int KnownCount);

    public static async Task<Outcome<IReadOnlyList<SkillView>>> ExecuteAsync(EntregentDb db, NetworkGraph network, long viewerId, string? handle,
        CancellationToken cancellationToken)
    {
        var found = await VisibleMembers.FindAsync(db, network, viewerId, handle, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        return Outcome.Of(await ForMemberAsync(db, network, viewerId, found.Value, null, cancellationToken));
    }

    /// <summary>The skills of a member the viewer may see (checked by the caller), or only the one with <paramref name="skillId"/>.</summary>
    public static async Task<IReadOnlyList<SkillView>> ForMemberAsync(EntregentDb db, NetworkGraph network, long? viewerId, long memberId,
        long? skillId, CancellationToken cancellationToken)
    {
        var listed = db.MemberSkills.AsNoTracking().Where(s => s.MemberId == memberId);
        if (skillId is { } only)
        {
            listed = listed.Where(s => s.SkillId == only);
        }
        var skills = await listed.OrderBy(s => s.Rank).Select(s => new { s.SkillId, s.Skill!.Name }).ToListAsync(cancellationToken);
        if (skills.Count == 0)
        {
            return [];
        }
        var ids = skills.Select(s => s.SkillId).ToList();
        // Only the endorsements of skills still listed: removing a skill hides its endorsements, re-adding brings them back.
        var endorsements = (await db.Endorsements.AsNoTracking().Where(e => e.MemberId == memberId && ids.Contains(e.SkillId))
                .Select(e => new { e.SkillId, e.EndorserId }).ToListAsync(cancellationToken))
            .Where(e => !network.IsBlocked(e.EndorserId, memberId) && (viewerId is not { } viewer || !network.IsBlocked(e.EndorserId, viewer)))
            .ToLookup(e => e.SkillId, e => e.EndorserId);

        // The viewer's connections among the endorsers, closest (strongest) first, then by id for a stable order.
        var known = new Dictionary<long, float>();
        if (viewerId is { } me && network.TryGetDense(me, out var self))
        {
            foreach (var endorser in endorsements.SelectMany(e => e).Distinct())
            {
                if (endorser != me && network.TryGetDense(endorser, out var other) && network.Graph.TryGetConnection(self, other, out var connection))
                {
                    known[endorser] = connection.Strength;
                }
            }
        }
        var named = skills.ToDictionary(s => s.SkillId, s => endorsements[s.SkillId].Where(known.ContainsKey)
            .OrderByDescending(e => known[e]).ThenBy(e => e).ToList());
        var cards = await MemberCards.LoadAsync(db, network, viewerId, named.Values.SelectMany(n => n.Take(KnownShown)).Distinct().ToList(), cancellationToken);
        return skills.Select(s => new SkillView(
                s.Name,
                endorsements[s.SkillId].Count(),
                viewerId is { } v && endorsements[s.SkillId].Contains(v),
                named[s.SkillId].Take(KnownShown).Where(cards.ContainsKey).Select(e => cards[e]).ToList(),
                named[s.SkillId].Count))
            .ToList();
    }
}
