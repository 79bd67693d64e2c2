using Entregent.Graph;
using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Connections;

/// <summary>
/// People you may know: friends of friends and people who overlapped with the member at an organisation, each with
/// the reasons ("12 mutual connections", "both at Acme 2019–2021"). Members already invited either way, dismissed,
/// blocked or hidden are never proposed; a dismissal is for good.
/// </summary>
public static class SuggestConnections
{
    public const int MaxResults = 30;

    public sealed record SharedOrganization(string Name, string Slug, int FromYear, int ToYear);

    public sealed record SuggestionView(MemberCard Member, int MutualCount, IReadOnlyList<SharedOrganization> SharedOrganizations, double Score);

    public static async Task<IReadOnlyList<SuggestionView>> ExecuteAsync(EntregentDb db, NetworkGraph network, long memberId, int max,
        CancellationToken cancellationToken)
    {
        if (!network.TryGetDense(memberId, out var viewer))
        {
            return [];
        }
        var dismissed = await db.SuggestionDismissals.Where(d => d.MemberId == memberId).Select(d => d.DismissedMemberId).ToListAsync(cancellationToken);
        var invited = await db.Invitations
            .Where(i => (i.FromMemberId == memberId || i.ToMemberId == memberId) && (i.Status == InvitationStatus.Pending || i.Status == InvitationStatus.Ignored))
            .Select(i => i.FromMemberId == memberId ? i.ToMemberId : i.FromMemberId).ToListAsync(cancellationToken);
        var excluded = new HashSet<int>();
        foreach (var id in dismissed.Concat(invited))
        {
            if (network.TryGetDense(id, out var dense))
            {
                excluded.Add(dense);
            }
        }
        var graph = network.Graph;
        var suggestions = graph.Suggestions(viewer, new SuggestionOptions { MaxResults = Math.Clamp(max, 1, 100), Excluded = excluded });
        var ids = suggestions.Select(s => network.MemberIdOf(s.Member)).ToList();
        var cards = await MemberCards.LoadAsync(db, network, memberId, ids, cancellationToken);

        var today = network.Today;
        var mine = graph.GetMemberships(viewer);
        var stints = suggestions.ToDictionary(s => s.Member, s => RelationshipStrength.SharedStints(mine, graph.GetMemberships(s.Member), today));
        var organizationIds = stints.Values.SelectMany(list => list).Select(s => network.OrganizationIdOf(s.Organisation)).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => (o.Name, o.Slug), cancellationToken);
        return suggestions.Where(s => cards.ContainsKey(network.MemberIdOf(s.Member)))
            .Select(s => new SuggestionView(cards[network.MemberIdOf(s.Member)], s.CommonConnections,
                stints[s.Member].Select(x => (Stint: x, Found: organizations.TryGetValue(network.OrganizationIdOf(x.Organisation), out var o), o))
                    .Where(x => x.Found)
                    .Select(x => new SharedOrganization(x.o.Name, x.o.Slug, x.Stint.From.Year, x.Stint.To.Year)).Take(3).ToList(),
                Math.Round(s.Score, 3)))
            .ToList();
    }

    /// <summary>Hides a suggestion for good. Dismissing twice is not an error.</summary>
    public static async Task<Outcome<bool>> DismissAsync(EntregentDb db, NetworkGraph network, TimeProvider time, long memberId, string handle,
        CancellationToken cancellationToken)
    {
        var found = await VisibleMembers.FindAsync(db, network, memberId, handle, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        if (found.Value == memberId)
        {
            return Failure.Invalid("handle", "You are never suggested to yourself.");
        }
        if (!await db.SuggestionDismissals.AnyAsync(d => d.MemberId == memberId && d.DismissedMemberId == found.Value, cancellationToken))
        {
            db.SuggestionDismissals.Add(new SuggestionDismissal { MemberId = memberId, DismissedMemberId = found.Value, CreatedAt = time.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
            }
        }
        return true;
    }
}
