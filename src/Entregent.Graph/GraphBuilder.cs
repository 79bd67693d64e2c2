using Entregent.Graph.Internal;

namespace Entregent.Graph;

/// <summary>
/// Collects a stream of members, connections, memberships, groups, blocks, hidden members and hidden connection lists,
/// then builds a <see cref="SocialGraph"/> whose first snapshot holds them all. Not thread-safe; use it from one thread.
/// Member, organisation and group ids are dense non-negative ints (map external ids with <see cref="MemberIdMap"/>);
/// the counts grow to the largest id seen plus one.
/// </summary>
/// <param name="expectedConnections">Capacity hint: connections to reserve room for (default 1,024).</param>
public sealed class GraphBuilder(int expectedConnections = 1024)
{
    private readonly EdgeList _edges = new(expectedConnections);
    private readonly List<(int Member, MembershipRecord Membership)> _memberships = [];
    private readonly List<(int Member, int Group)> _groups = [];
    private readonly List<(int A, int B)> _blocks = [];
    private readonly List<int> _hidden = [];
    private readonly List<int> _hiddenLists = [];
    private int _memberCount;
    private int _organisationCount;
    private int _groupCount;

    /// <summary>Connections added so far, duplicates included. O(1).</summary>
    public int ConnectionCount => _edges.Count;

    /// <summary>Members so far: the largest member id seen plus one. O(1).</summary>
    public int MemberCount => _memberCount;

    /// <summary>Makes sure <paramref name="member"/> exists, connected or not. O(1).</summary>
    /// <param name="member">Dense member id (≥ 0).</param>
    /// <returns>This builder.</returns>
    public GraphBuilder AddMember(int member)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(member);
        _memberCount = Math.Max(_memberCount, member + 1);
        return this;
    }

    /// <summary>
    /// Adds a symmetric connection. Self-connections are ignored; when the same pair is added twice the later one wins.
    /// Amortised O(1); the strength is quantised to 1/255 and the time to a day.
    /// </summary>
    /// <param name="a">One member.</param>
    /// <param name="b">The other member.</param>
    /// <param name="strength">Relationship strength in 0..1 (clamped).</param>
    /// <param name="createdAt">When the connection was made (kept from 2000-01-01 to 2179, clamped).</param>
    /// <returns>This builder.</returns>
    public GraphBuilder AddConnection(int a, int b, float strength, DateTimeOffset createdAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(a);
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        _memberCount = Math.Max(_memberCount, Math.Max(a, b) + 1);
        _edges.Add(a, b, Encoding.ToStrength(strength), Encoding.ToDay(createdAt));
        return this;
    }

    /// <summary>Adds a dated organisation membership (same organisation and start twice: the later wins). Amortised O(1).</summary>
    /// <param name="member">The member.</param>
    /// <param name="organisation">The organisation (dense id ≥ 0).</param>
    /// <param name="start">First day.</param>
    /// <param name="end">Last day (inclusive), or <see langword="null"/> while current.</param>
    /// <returns>This builder.</returns>
    public GraphBuilder AddMembership(int member, int organisation, DateOnly start, DateOnly? end = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(member);
        ArgumentOutOfRangeException.ThrowIfNegative(organisation);
        if (end is { } last && last < start)
        {
            throw new ArgumentException("A membership cannot end before it starts.", nameof(end));
        }

        _memberCount = Math.Max(_memberCount, member + 1);
        _organisationCount = Math.Max(_organisationCount, organisation + 1);
        _memberships.Add((member, new MembershipRecord(organisation, start.DayNumber, end?.DayNumber ?? Encoding.OpenEnd)));
        return this;
    }

    /// <summary>Adds a member to a group. Amortised O(1).</summary>
    /// <param name="member">The member.</param>
    /// <param name="group">The group (dense id ≥ 0).</param>
    /// <returns>This builder.</returns>
    public GraphBuilder AddGroupMembership(int member, int group)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(member);
        ArgumentOutOfRangeException.ThrowIfNegative(group);
        _memberCount = Math.Max(_memberCount, member + 1);
        _groupCount = Math.Max(_groupCount, group + 1);
        _groups.Add((member, group));
        return this;
    }

    /// <summary>Blocks a pair of members (symmetric). Amortised O(1).</summary>
    /// <param name="member">The member who blocks.</param>
    /// <param name="blocked">The blocked member.</param>
    /// <returns>This builder.</returns>
    public GraphBuilder AddBlock(int member, int blocked)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(member);
        ArgumentOutOfRangeException.ThrowIfNegative(blocked);
        _memberCount = Math.Max(_memberCount, Math.Max(member, blocked) + 1);
        _blocks.Add((member, blocked));
        return this;
    }

    /// <summary>Hides a member from every answer. Amortised O(1).</summary>
    /// <param name="member">The member.</param>
    /// <returns>This builder.</returns>
    public GraphBuilder AddHidden(int member)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(member);
        _memberCount = Math.Max(_memberCount, member + 1);
        _hidden.Add(member);
        return this;
    }

    /// <summary>
    /// Hides a member's connection list (see <see cref="GraphChangeKind.HideConnectionList"/>); the member stays visible.
    /// Amortised O(1).
    /// </summary>
    /// <param name="member">The member.</param>
    /// <returns>This builder.</returns>
    public GraphBuilder AddConnectionListHidden(int member)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(member);
        _memberCount = Math.Max(_memberCount, member + 1);
        _hiddenLists.Add(member);
        return this;
    }

    /// <summary>
    /// Builds the graph: a counting sort of the connections into rows, then each row sorted (in parallel).
    /// O(M + C log d) time for M members, C connections and typical degree d; peak memory about twice the final graph.
    /// The builder can be reused afterwards but keeps its contents.
    /// </summary>
    /// <param name="options">Graph settings; default <see cref="SocialGraphOptions"/>.</param>
    /// <returns>A new live graph.</returns>
    public SocialGraph Build(SocialGraphOptions? options = null)
    {
        var snapshot = SnapshotBuilder.Build(_memberCount, _edges, _memberships, _groups, _organisationCount, _groupCount);
        return new SocialGraph(GraphState.FromSnapshot(snapshot, _hidden, _hiddenLists, _blocks), options ?? new SocialGraphOptions());
    }
}
