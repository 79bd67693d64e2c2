using Entregent.Graph;
using Entregent.Web.Data;

namespace Entregent.Web.Network;

/// <summary>A member's place in the viewer's network, as shown beside every name.</summary>
public readonly record struct NetworkBadge(Degree Degree, int MutualCount);

/// <summary>
/// The application's copy of the social graph (<see cref="SocialGraph"/>) with the maps between store ids and the
/// graph's dense ids. Built from the store at start-up and kept current from the change feed by
/// <see cref="NetworkGraphFollower"/>; readers never wait for it, writers wait for their own change to land
/// (<see cref="WaitForAsync"/>) so a member always sees what they just did.
/// </summary>
public sealed class NetworkGraph(TimeProvider time)
{
    private readonly MemberIdMap _members = new();
    private readonly MemberIdMap _organisations = new();
    private readonly FeedPosition _position = new(time);

    public SocialGraph Graph { get; private set; } = new(new SocialGraphOptions { TimeProvider = time });

    /// <summary>The last change-feed sequence reflected in <see cref="Graph"/>; −1 before the first build.</summary>
    public long AppliedSequence => _position.Sequence;

    internal TimeProvider Time => time;

    internal int MemberCountHint => _members.Count;

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public bool TryGetDense(long memberId, out int dense) => _members.TryGetDense(memberId, out dense);

    public long MemberIdOf(int dense) => _members.GetExternal(dense);

    public bool TryGetOrganisation(long organizationId, out int dense) => _organisations.TryGetDense(organizationId, out dense);

    public long OrganizationIdOf(int dense) => _organisations.GetExternal(dense);

    internal int DenseMember(long memberId) => _members.GetOrAdd(memberId);

    internal int DenseOrganisation(long organizationId) => _organisations.GetOrAdd(organizationId);

    internal void Replace(SocialGraph graph, long sequence)
    {
        Graph = graph;
        MarkApplied(sequence);
    }

    internal void MarkApplied(long sequence) => _position.MarkApplied(sequence);

    /// <summary>
    /// Waits until the graph reflects the change feed up to <paramref name="sequence"/>, or <paramref name="timeout"/>
    /// (default 5 s) passes. Returns whether it got there.
    /// </summary>
    public Task<bool> WaitForAsync(long sequence, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        _position.WaitForAsync(sequence, cancellationToken, timeout);

    /// <summary>
    /// Degree and mutual-connection count of each member for the viewer, in one pass for a page (the viewer's
    /// network is computed once). Unknown members, blocked members and the viewer get <see cref="Degree.None"/>.
    /// </summary>
    public IReadOnlyDictionary<long, NetworkBadge> Badges(long? viewerId, IEnumerable<long> memberIds)
    {
        var ids = memberIds.Distinct().ToList();
        var result = new Dictionary<long, NetworkBadge>(ids.Count);
        var graph = Graph;
        if (viewerId is not { } viewerKey || !TryGetDense(viewerKey, out var viewer))
        {
            foreach (var id in ids)
            {
                result[id] = default;
            }
            return result;
        }
        var dense = new int[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            dense[i] = TryGetDense(ids[i], out var d) ? d : -1;
        }
        var known = dense.Where(d => d >= 0).ToArray();
        var degrees = graph.Degrees(viewer, known);
        var k = 0;
        for (var i = 0; i < ids.Count; i++)
        {
            if (dense[i] < 0)
            {
                result[ids[i]] = default;
                continue;
            }
            var degree = degrees[k++];
            var mutual = degree is Degree.None ? 0 : graph.MutualConnectionCount(viewer, dense[i]);
            result[ids[i]] = new NetworkBadge(degree, mutual);
        }
        return result;
    }

    /// <summary>Whether two members are connected (raw: blocks and hidden lists are the callers' business). O(log degree).</summary>
    public bool AreConnected(long a, long b) => TryGetDense(a, out var x) && TryGetDense(b, out var y) && Graph.AreConnected(x, y);

    /// <summary>How many connections a member has (0 when unknown). O(1).</summary>
    public int ConnectionCountOf(long memberId) => TryGetDense(memberId, out var dense) ? Graph.ConnectionCountOf(dense) : 0;

    /// <summary>Whether either member blocks the other (as the graph knows it).</summary>
    public bool IsBlocked(long a, long b) => TryGetDense(a, out var x) && TryGetDense(b, out var y) && Graph.IsBlocked(x, y);

    /// <summary>
    /// Whether the connection a–b (dense ids) may be shown to the viewer: each end that hides its connection list
    /// allows it only when the other end is the viewer or one of the viewer's connections. The rule the graph's own
    /// queries apply, for the lists read straight from it.
    /// </summary>
    public bool IsConnectionVisible(int viewer, int a, int b)
    {
        var graph = Graph;
        return (!graph.IsConnectionListHidden(a) || b == viewer || graph.AreConnected(viewer, b))
            && (!graph.IsConnectionListHidden(b) || a == viewer || graph.AreConnected(viewer, a));
    }

    /// <summary>Organisations (employers and schools) both members belong or belonged to, as store ids. O(memberships).</summary>
    public IReadOnlyList<long> SharedOrganizationIds(long a, long b)
    {
        if (!TryGetDense(a, out var x) || !TryGetDense(b, out var y))
        {
            return [];
        }
        var graph = Graph;
        return graph.GetMemberships(x).Select(m => m.Organisation).Intersect(graph.GetMemberships(y).Select(m => m.Organisation))
            .Select(OrganizationIdOf).ToList();
    }

    /// <summary>
    /// Whether the two members are colleagues today: both currently at one organisation (employer or school).
    /// O(memberships), both tiny. What an internal profile (<see cref="Features.Profiles.ProfileReach.Colleagues"/>) asks.
    /// </summary>
    public bool AreColleagues(long a, long b)
    {
        if (!TryGetDense(a, out var x) || !TryGetDense(b, out var y))
        {
            return false;
        }
        var graph = Graph;
        var today = Today;
        foreach (var mine in graph.GetMemberships(x))
        {
            if (!mine.IsCurrentOn(today))
            {
                continue;
            }
            foreach (var theirs in graph.GetMemberships(y))
            {
                if (theirs.Organisation == mine.Organisation && theirs.IsCurrentOn(today))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>The viewer's badge for one member.</summary>
    public NetworkBadge Badge(long? viewerId, long memberId) => Badges(viewerId, [memberId])[memberId];
}
