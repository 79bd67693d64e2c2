using Entregent.Graph;
using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Features.Search;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Asks;

/// <summary>Why a candidate matches: their current title and organisation, and the asked skills they list.</summary>
public sealed record MatchReason(string? Title, string? Organization, IReadOnlyList<string> Skills);

public sealed record AskCandidate(MemberCard Member, MatchReason Reason);

/// <summary>
/// The candidates one of the owner's connections is best placed to introduce; <see cref="Connection"/> is null for the
/// group of 1st-degree matches ("you know them directly").
/// </summary>
public sealed record AskGroup(MemberCard? Connection, int Total, IReadOnlyList<AskCandidate> Candidates);

/// <summary>
/// Finds the members matching an ask within three degrees of its owner (the search index applies opt-outs, blocks and
/// profile reach) and groups them by the owner's 1st-degree connection on the strongest introduction path
/// (<see cref="SocialGraph.IntroductionPaths"/>): the person the owner would ask.
/// </summary>
public static class MatchAsk
{
    public const int MaxGroups = 20;
    public const int MaxCandidatesPerGroup = 10;

    /// <summary>How many of the best matches are grouped; the rest would not change who to ask first.</summary>
    public const int MaxMatches = 200;

    /// <summary>Matches grouped by introducer, as member ids: the introducer (null: direct) and the candidates, best first.</summary>
    public sealed record Grouping(long? ConnectionId, IReadOnlyList<long> CandidateIds);

    public static async Task<IReadOnlyList<Grouping>> GroupAsync(EntregentDb db, NetworkGraph network, SearchIndex search, Ask ask,
        CancellationToken cancellationToken)
    {
        var keys = ask.Skills.Select(Skill.KeyFor).Distinct().ToList();
        var skills = keys.Count == 0 ? []
            : await db.Skills.AsNoTracking().Where(s => keys.Contains(s.Key)).Select(s => new { s.Id, s.Key }).ToListAsync(cancellationToken);
        // A skill nobody lists yet cannot filter; it still says what the owner looks for, so it joins the text.
        var unknown = ask.Skills.Where(s => !skills.Any(k => k.Key == Skill.KeyFor(s)));
        var query = new PeopleQuery
        {
            Text = string.Join(' ', new[] { ask.Text }.Concat(unknown)),
            AnyWords = true,
            SkillIds = skills.Select(s => s.Id).ToList(),
            Location = ask.Location,
            OrganizationIds = ask.OrganizationId is { } organization ? [organization] : [],
            MaxDistance = 3,
        };
        var matches = search.SearchPeople(ask.OwnerId, query, 0, MaxMatches, withFacets: false);
        // Even half the words of a sentence may be more than one profile holds: when the structured part (skills,
        // organisation, location) says enough, it alone decides.
        if (matches.Total == 0 && (query.SkillIds.Count > 0 || query.OrganizationIds.Count > 0 || query.Location is not null))
        {
            matches = search.SearchPeople(ask.OwnerId, query with { Text = string.Join(' ', unknown) }, 0, MaxMatches, withFacets: false);
        }
        if (!network.TryGetDense(ask.OwnerId, out var owner))
        {
            return [];
        }
        var graph = network.Graph;
        var groups = new Dictionary<long, List<long>>();
        var order = new List<long>();
        const long Direct = 0;
        foreach (var match in matches.Hits)
        {
            if (match.MemberId == ask.OwnerId || !network.TryGetDense(match.MemberId, out var target))
            {
                continue;
            }
            long key;
            if (match.Degree == Degree.First)
            {
                key = Direct;
            }
            else
            {
                var path = graph.IntroductionPaths(owner, target, 1);
                if (path.Count == 0 || path[0].Members.Count < 3)
                {
                    continue;
                }
                key = network.MemberIdOf(path[0].Members[1]);
            }
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
                order.Add(key);
            }
            list.Add(match.MemberId);
        }
        // Groups come in the order of their best candidate, since the hits are ranked.
        return order.Take(MaxGroups).Select(k => new Grouping(k == Direct ? null : k, groups[k])).ToList();
    }

    /// <summary>The groups as cards with reasons: one card query, one query for titles and one for skills.</summary>
    public static async Task<IReadOnlyList<AskGroup>> PresentAsync(EntregentDb db, NetworkGraph network, Ask ask, IReadOnlyList<Grouping> groupings,
        CancellationToken cancellationToken)
    {
        var shown = groupings.SelectMany(g => g.CandidateIds.Take(MaxCandidatesPerGroup)).ToList();
        var ids = shown.Concat(groupings.Where(g => g.ConnectionId is not null).Select(g => g.ConnectionId!.Value)).ToList();
        var cards = await MemberCards.LoadAsync(db, network, ask.OwnerId, ids, cancellationToken);
        var reasons = await ReasonsAsync(db, ask, shown, cancellationToken);
        return groupings
            .Where(g => g.ConnectionId is null || cards.ContainsKey(g.ConnectionId.Value))
            .Select(g => new AskGroup(g.ConnectionId is { } c ? cards[c] : null, g.CandidateIds.Count,
                g.CandidateIds.Take(MaxCandidatesPerGroup).Where(cards.ContainsKey)
                    .Select(id => new AskCandidate(cards[id], reasons.GetValueOrDefault(id) ?? new MatchReason(null, null, []))).ToList()))
            .ToList();
    }

    /// <summary>Current title and organisation, and the asked skills each candidate lists.</summary>
    public static async Task<IReadOnlyDictionary<long, MatchReason>> ReasonsAsync(EntregentDb db, Ask ask, IReadOnlyCollection<long> memberIds,
        CancellationToken cancellationToken)
    {
        if (memberIds.Count == 0)
        {
            return new Dictionary<long, MatchReason>();
        }
        var ids = memberIds.Distinct().ToList();
        var positions = await db.Positions.AsNoTracking().Where(p => ids.Contains(p.MemberId) && p.EndMonth == null)
            .Join(db.Organizations, p => p.OrganizationId, o => o.Id, (p, o) => new { p.MemberId, p.Title, p.StartMonth, o.Name, o.Id })
            .ToListAsync(cancellationToken);
        var keys = ask.Skills.Select(Skill.KeyFor).Distinct().ToList();
        var skills = keys.Count == 0 ? []
            : await db.MemberSkills.AsNoTracking().Where(m => ids.Contains(m.MemberId))
                .Join(db.Skills, m => m.SkillId, s => s.Id, (m, s) => new { m.MemberId, s.Name, s.Key })
                .Where(s => keys.Contains(s.Key))
                .ToListAsync(cancellationToken);
        return ids.ToDictionary(id => id, id =>
        {
            // The position at the asked organisation if any, else the latest started.
            var position = positions.Where(p => p.MemberId == id)
                .OrderByDescending(p => p.Id == ask.OrganizationId).ThenByDescending(p => p.StartMonth).FirstOrDefault();
            return new MatchReason(position?.Title, position?.Name, skills.Where(s => s.MemberId == id).Select(s => s.Name).ToList());
        });
    }
}
