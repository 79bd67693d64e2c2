using Entregent.Graph;
using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Connections;

/// <summary>
/// "How you're connected": the viewer's degree to a member, the length of the shortest path (unbounded), the mutual
/// count, and up to three shortest paths through named members, strongest first. Connections hidden from the viewer
/// are never used (the graph applies blocks and hidden connection lists).
/// </summary>
public static class ViewConnection
{
    public sealed record PathView(IReadOnlyList<MemberCard> Through, double Strength);

    /// <param name="Distance">Hops on the shortest path; −1 when there is none, 0 for oneself.</param>
    public sealed record ConnectionView(Degree Degree, int Distance, int MutualCount, IReadOnlyList<PathView> Paths);

    public const int MaxPaths = 3;

    public static async Task<Outcome<ConnectionView>> ExecuteAsync(EntregentDb db, NetworkGraph network, long viewerId, string handle,
        CancellationToken cancellationToken)
    {
        var found = await VisibleMembers.FindAsync(db, network, viewerId, handle, cancellationToken);
        return found.Succeeded ? await ForMemberAsync(db, network, viewerId, found.Value, cancellationToken) : found.Failure!;
    }

    /// <summary>
    /// The same for a member the caller already found visible to the viewer. The profile page passes
    /// <paramref name="beyondThirdDegree"/> false: past three hops it shows no path, so the unbounded search is skipped
    /// and <see cref="ConnectionView.Distance"/> is −1.
    /// </summary>
    public static async Task<ConnectionView> ForMemberAsync(EntregentDb db, NetworkGraph network, long viewerId, long memberId,
        CancellationToken cancellationToken, bool beyondThirdDegree = true)
    {
        var graph = network.Graph;
        if (!network.TryGetDense(viewerId, out var viewer) || !network.TryGetDense(memberId, out var other))
        {
            return new ConnectionView(Degree.None, viewerId == memberId ? 0 : -1, 0, []);
        }
        // The degree comes from the viewer's cached network; only a member farther than three hops needs a search.
        var badge = network.Badge(viewerId, memberId);
        var distance = viewer == other ? 0
            : badge.Degree != Degree.None ? (int)badge.Degree
            : beyondThirdDegree ? graph.ShortestPathLength(viewer, other)
            : -1;
        var paths = distance > 0 ? graph.AllShortestPaths(viewer, other, MaxPaths) : [];
        var through = paths.SelectMany(p => p.Members.Skip(1).SkipLast(1)).Distinct().Select(network.MemberIdOf).ToList();
        var cards = await MemberCards.LoadAsync(db, network, viewerId, through, cancellationToken);
        var views = paths.Select(p => new PathView(
                p.Members.Skip(1).SkipLast(1).Select(m => cards.GetValueOrDefault(network.MemberIdOf(m))).OfType<MemberCard>().ToList(),
                Math.Round(p.Weight, 4)))
            .ToList();
        return new ConnectionView(badge.Degree, distance, badge.MutualCount, views);
    }

    /// <summary>The connections the viewer shares with a member, strongest for both first.</summary>
    public static async Task<Outcome<IReadOnlyList<MemberCard>>> MutualAsync(EntregentDb db, NetworkGraph network, long viewerId, string handle,
        int max, CancellationToken cancellationToken)
    {
        var found = await VisibleMembers.FindAsync(db, network, viewerId, handle, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        if (!network.TryGetDense(viewerId, out var viewer) || !network.TryGetDense(found.Value, out var other) || viewer == other)
        {
            return Outcome.Of<IReadOnlyList<MemberCard>>([]);
        }
        var mutuals = network.Graph.MutualConnections(viewer, other, max)
            .OrderByDescending(m => m.Score).ThenBy(m => m.Member)
            .Select(m => network.MemberIdOf(m.Member)).ToList();
        return Outcome.Of<IReadOnlyList<MemberCard>>(await MemberCards.ListAsync(db, network, viewerId, mutuals, cancellationToken));
    }
}
