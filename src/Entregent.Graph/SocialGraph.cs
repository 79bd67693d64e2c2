using System.Collections.Concurrent;
using System.Collections.Immutable;
using Entregent.Graph.Internal;

namespace Entregent.Graph;

/// <summary>
/// Weight of one hop of a path, from <paramref name="from"/> to <paramref name="to"/>; a path weighs the product of its
/// hops, or their sum where a query takes <see cref="PathWeighting.Sum"/>.
/// </summary>
/// <param name="from">The member nearer the start of the path.</param>
/// <param name="to">The member nearer the end.</param>
/// <param name="strength">Strength of their connection, 0..1.</param>
/// <returns>A non-negative weight; higher ranks first.</returns>
public delegate double PairWeight(int from, int to, float strength);

/// <summary>
/// The live social graph: members as dense int ids, symmetric weighted connections, dated organisation memberships,
/// group memberships, blocked pairs and hidden members, answering the "people looking for people" queries.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe. The graph is an immutable state (a compressed-sparse-row snapshot plus an immutable overlay of the rows
/// changed since) behind one reference. Readers never lock: each query reads the reference once and answers from that
/// state, so it never sees half of a batch. <see cref="Apply(IEnumerable{GraphChange})"/> builds the next state and
/// publishes it with one swap; writers are serialised. <see cref="Compact"/> folds the overlay into a new snapshot.
/// </para>
/// <para>
/// Every query computed for a viewer leaves out members hidden from everyone and members in a blocked pair with the
/// viewer: they are neither results nor intermediaries; the viewer is never a result. It also follows only the
/// connections visible to the viewer: a connection of a member who hides their connection list is visible when the
/// viewer is one of its ends or its other end is a visible connection of the viewer (so such a member is still a 1st
/// degree and a mutual connection, but nobody is reached through them who is not already the viewer's connection).
/// Member ids outside <c>0..MemberCount-1</c> are treated as unknown members with no connections. Costs below use d for
/// a typical degree.
/// </para>
/// </remarks>
public sealed class SocialGraph
{
    private const int CurrentMembersCacheSize = 256;
    private readonly Lock _writeGate = new();
    private readonly ConcurrentDictionary<int, CurrentMembersEntry> _currentMembers = new();
    private readonly NetworkCache _networks;
    private readonly SocialGraphOptions _options;
    private GraphState _state;
    private List<GraphChange[]>? _sinceCompactionStarted;
    private int _compacting;
    private int _compactionScheduled;

    /// <summary>Creates an empty graph (add members and connections with <see cref="Apply(IEnumerable{GraphChange})"/>). O(1).</summary>
    /// <param name="options">Settings; default <see cref="SocialGraphOptions"/>.</param>
    public SocialGraph(SocialGraphOptions? options = null)
        : this(GraphState.FromSnapshot(GraphSnapshot.Empty, [], [], []), options ?? new SocialGraphOptions())
    {
    }

    internal SocialGraph(GraphState state, SocialGraphOptions options)
    {
        _state = state;
        _options = options;
        _networks = new NetworkCache(options.NetworkCacheCapacity);
    }

    internal GraphState State => Volatile.Read(ref _state);

    internal NetworkCache Networks => _networks;

    /// <summary>Number of members (largest id plus one). O(1).</summary>
    public int MemberCount => State.MemberCount;

    /// <summary>Number of connections (each counted once). O(1).</summary>
    public long ConnectionCount => State.ConnectionCount;

    /// <summary>Number of organisations (largest id plus one). O(1).</summary>
    public int OrganisationCount => State.OrganisationCount;

    /// <summary>Number of groups (largest id plus one). O(1).</summary>
    public int GroupCount => State.GroupCount;

    /// <summary>Version of the graph: the number of batches applied since it was built. O(1).</summary>
    public long Version => State.Version;

    /// <summary>Members whose connections live in the overlay rather than the snapshot (compaction empties it). O(1).</summary>
    public int OverlayMemberCount => State.Rows.Count;

    /// <summary>Bytes held by the snapshot's connection arrays (offsets, neighbours, strengths, days). O(1).</summary>
    public long SnapshotConnectionBytes => State.Snapshot.ConnectionBytes;

    // ---- Writes ------------------------------------------------------------------------------------------------

    /// <summary>
    /// Applies a batch of changes atomically: readers see all of it or none of it. Ids beyond the current counts grow them.
    /// Cost O(Σ degree of touched members + log overlay size) per change, plus O(members / 64) when the batch hides or
    /// unhides a member or a connection list.
    /// May start a background compaction (see <see cref="SocialGraphOptions.CompactionThreshold"/>).
    /// </summary>
    /// <param name="changes">The batch, applied in order.</param>
    /// <exception cref="ArgumentException">A change is invalid (negative id, self-connection, membership ending before it starts); nothing is applied.</exception>
    public void Apply(IEnumerable<GraphChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var batch = changes.ToArray();
        StateWriter.Validate(batch);
        if (batch.Length == 0)
        {
            return;
        }

        int overlay;
        lock (_writeGate)
        {
            var next = StateWriter.Apply(_state, batch, logChanges: true);
            _sinceCompactionStarted?.Add(batch);
            Volatile.Write(ref _state, next);
            overlay = next.Rows.Count;
        }

        if (_options.CompactionThreshold > 0 && overlay > _options.CompactionThreshold)
        {
            StartBackgroundCompaction();
        }
    }

    /// <summary>Applies one change as a batch of one (see <see cref="Apply(IEnumerable{GraphChange})"/>; same cost per change).</summary>
    /// <param name="change">The change.</param>
    public void Apply(GraphChange change) => Apply([change]);

    /// <summary>
    /// Folds the overlay into a new CSR snapshot and swaps it in; the logical graph and <see cref="Version"/> do not change.
    /// Writers may continue meanwhile: batches applied during the rebuild are replayed onto the new snapshot before the swap.
    /// O(members + connections) time and one extra copy of the graph in memory while it runs. Returns without work when
    /// another compaction is already running.
    /// </summary>
    public void Compact()
    {
        if (Interlocked.CompareExchange(ref _compacting, 1, 0) != 0)
        {
            return;
        }

        try
        {
            GraphState start;
            lock (_writeGate)
            {
                start = _state;
                _sinceCompactionStarted = [];
            }

            var snapshot = SnapshotBuilder.FromState(start);
            lock (_writeGate)
            {
                var current = _state;
                var next = start with
                {
                    Snapshot = snapshot,
                    Rows = start.Rows.Clear(),
                    OverlayBits = new ulong[Bits.WordsFor(snapshot.MemberCount)],
                    Memberships = start.Memberships.Clear(),
                    OrganisationMembers = start.OrganisationMembers.Clear(),
                    MemberGroups = start.MemberGroups.Clear(),
                    GroupMembers = start.GroupMembers.Clear(),
                };
                foreach (var batch in _sinceCompactionStarted!)
                {
                    next = StateWriter.Apply(next, batch, logChanges: false);
                }

                // The replayed batches are already in the current log; keep it so cached networks stay valid.
                next = next with { Version = current.Version, Log = current.Log };
                _sinceCompactionStarted = null;
                Volatile.Write(ref _state, next);
            }
        }
        finally
        {
            // After a failed rebuild (out of memory, say) writers must stop recording batches for a replay.
            lock (_writeGate)
            {
                _sinceCompactionStarted = null;
            }

            Volatile.Write(ref _compacting, 0);
        }
    }

    /// <summary>Runs <see cref="Compact"/> on the thread pool: O(members + connections) there, O(1) for the caller.</summary>
    /// <param name="cancellationToken">Cancels before the compaction starts (a started one runs to the end).</param>
    /// <returns>A task that completes when the compaction is done.</returns>
    public Task CompactAsync(CancellationToken cancellationToken = default) => Task.Run(Compact, cancellationToken);

    private void StartBackgroundCompaction()
    {
        // One scheduled compaction at a time; it re-checks the threshold because a manual Compact may have run meanwhile.
        if (Interlocked.CompareExchange(ref _compactionScheduled, 1, 0) != 0)
        {
            return;
        }

        _ = Task.Run(() =>
        {
            try
            {
                if (State.Rows.Count > _options.CompactionThreshold)
                {
                    Compact();
                }
            }
            finally
            {
                Volatile.Write(ref _compactionScheduled, 0);
            }
        });
    }

    // ---- Plain reads -------------------------------------------------------------------------------------------

    /// <summary>Whether two members are connected (ignores blocks and hidden members). O(log d).</summary>
    /// <param name="a">One member.</param>
    /// <param name="b">The other member.</param>
    /// <returns><see langword="true"/> when connected.</returns>
    public bool AreConnected(int a, int b) => (uint)a < (uint)MemberCount && State.Neighbours(a).BinarySearch(b) >= 0;

    /// <summary>The connection between two members, if any (ignores blocks and hidden members). O(log d).</summary>
    /// <param name="a">One member.</param>
    /// <param name="b">The other member.</param>
    /// <param name="connection">The connection seen from <paramref name="a"/> (its <see cref="Connection.Member"/> is <paramref name="b"/>).</param>
    /// <returns>Whether they are connected.</returns>
    public bool TryGetConnection(int a, int b, out Connection connection)
    {
        var state = State;
        if ((uint)a < (uint)state.MemberCount && state.TryGetEdge(a, b, out var strength, out var day))
        {
            connection = new Connection(b, Encoding.FromStrength(strength), Encoding.FromDay(day));
            return true;
        }

        connection = default;
        return false;
    }

    /// <summary>All connections of a member, by ascending member id (ignores blocks and hidden members). O(d log d).</summary>
    /// <param name="member">The member.</param>
    /// <returns>The connections; empty for an unknown member.</returns>
    public IReadOnlyList<Connection> GetConnections(int member)
    {
        var row = State.Adjacency(member);
        var result = new Connection[row.Length];
        for (var i = 0; i < row.Length; i++)
        {
            row.Read(i, out var strength, out var day);
            result[i] = new Connection(row.Neighbours[i], Encoding.FromStrength(strength), Encoding.FromDay(day));
        }

        return result;
    }

    /// <summary>Number of connections of a member (ignores blocks and hidden members). O(1) plus an overlay lookup.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The degree; 0 for an unknown member.</returns>
    public int ConnectionCountOf(int member) => State.Neighbours(member).Length;

    /// <summary>A member's organisation memberships, by organisation then start. O(memberships).</summary>
    /// <param name="member">The member.</param>
    /// <returns>The memberships.</returns>
    public IReadOnlyList<OrganisationMembership> GetMemberships(int member)
    {
        var records = State.MembershipsOf(member);
        var result = new OrganisationMembership[records.Length];
        for (var i = 0; i < records.Length; i++)
        {
            result[i] = records[i].ToPublic();
        }

        return result;
    }

    /// <summary>The groups a member belongs to, ascending. O(groups).</summary>
    /// <param name="member">The member.</param>
    /// <returns>The group ids.</returns>
    public IReadOnlyList<int> GetGroups(int member) => State.GroupsOf(member).ToArray();

    /// <summary>Members of a group, ascending. O(group size).</summary>
    /// <param name="group">The group.</param>
    /// <returns>The member ids.</returns>
    public IReadOnlyList<int> GetGroupMembers(int group) => State.MembersOfGroup(group).ToArray();

    /// <summary>
    /// Members whose membership of <paramref name="organisation"/> covers today (by the graph's <see cref="TimeProvider"/>, UTC),
    /// ascending. O(organisation size × memberships per member).
    /// </summary>
    /// <param name="organisation">The organisation.</param>
    /// <returns>The current members.</returns>
    public IReadOnlyList<int> GetCurrentMembers(int organisation) => Array.AsReadOnly(CurrentMembers(State, organisation));

    /// <summary>Everyone who ever belonged to <paramref name="organisation"/>, ascending. O(organisation size).</summary>
    /// <param name="organisation">The organisation.</param>
    /// <returns>The member ids.</returns>
    public IReadOnlyList<int> GetOrganisationMembers(int organisation) => State.MembersOfOrganisation(organisation).ToArray();

    /// <summary>Whether a member is hidden from every answer. O(1).</summary>
    /// <param name="member">The member.</param>
    /// <returns><see langword="true"/> when hidden.</returns>
    public bool IsHidden(int member) => State.IsHidden(member);

    /// <summary>Whether a member hides their connection list (see <see cref="GraphChangeKind.HideConnectionList"/>). O(1).</summary>
    /// <param name="member">The member.</param>
    /// <returns><see langword="true"/> when their list is hidden.</returns>
    public bool IsConnectionListHidden(int member) => State.HidesConnectionList(member);

    /// <summary>Whether a pair is blocked (either way). O(log blocks of <paramref name="a"/>).</summary>
    /// <param name="a">One member.</param>
    /// <param name="b">The other member.</param>
    /// <returns><see langword="true"/> when blocked.</returns>
    public bool IsBlocked(int a, int b) => Array.BinarySearch(State.BlocksOf(a), b) >= 0;

    // ---- Viewer queries ----------------------------------------------------------------------------------------

    /// <summary>
    /// Network degree of <paramref name="other"/> for <paramref name="viewer"/> by a bidirectional breadth-first search
    /// bounded at 3 hops. <see cref="Degree.None"/> for the viewer themselves, unknown, hidden or blocked members, or beyond 3.
    /// O(d²) typical (each side expands at most two levels, the smaller first); no cache involved.
    /// </summary>
    /// <param name="viewer">Who is looking.</param>
    /// <param name="other">Who is looked at.</param>
    /// <param name="options">Query options; default <see cref="QueryOptions.Default"/>.</param>
    /// <returns>The degree.</returns>
    public Degree Degree(int viewer, int other, QueryOptions? options = null)
    {
        var state = State;
        if (viewer == other || (uint)viewer >= (uint)state.MemberCount)
        {
            return Graph.Degree.None;
        }

        var visibility = new Visibility(state, viewer, options);
        var scratch = Scratch.Rent();
        var distance = Traversal.Distance(state, visibility, viewer, other, 3, scratch);
        Scratch.Return(scratch);
        return distance < 0 ? Graph.Degree.None : (Degree)distance;
    }

    /// <summary>
    /// Degrees of many members for one viewer (a page of results), from the viewer's cached 1st-degree list and 2nd-degree
    /// set (LRU, see <see cref="SocialGraphOptions.NetworkCacheCapacity"/>; an entry is recomputed only when a change touched
    /// the viewer's connections, their connections' connections lists or whether they hide them, the viewer's blocks or
    /// hidden members).
    /// Cold: O(Σ degree of the viewer's connections) to build the set. Warm: O(1) per 1st/2nd degree member and O(d) to
    /// decide between 3rd degree and none. Same semantics as <see cref="Degree(int, int, QueryOptions?)"/>.
    /// </summary>
    /// <param name="viewer">Who is looking.</param>
    /// <param name="others">The members on the page.</param>
    /// <param name="destination">Receives one degree per member of <paramref name="others"/>, in order.</param>
    /// <param name="options">Query options; an edge filter bypasses the cache.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="others"/>.</exception>
    public void Degrees(int viewer, ReadOnlySpan<int> others, Span<Degree> destination, QueryOptions? options = null)
    {
        if (destination.Length < others.Length)
        {
            throw new ArgumentException("The destination is shorter than the list of members.", nameof(destination));
        }

        var state = State;
        if ((uint)viewer >= (uint)state.MemberCount)
        {
            destination[..others.Length].Clear();
            return;
        }

        var visibility = new Visibility(state, viewer, options);
        var network = Network(state, visibility);
        for (var i = 0; i < others.Length; i++)
        {
            destination[i] = GraphQueries.DegreeFromNetwork(state, network, visibility, others[i]);
        }
    }

    /// <summary>
    /// Degrees of many members for one viewer, in a new array; see
    /// <see cref="Degrees(int, ReadOnlySpan{int}, Span{Degree}, QueryOptions?)"/> for semantics and cost (O(1) or O(d) per member when warm).
    /// </summary>
    /// <param name="viewer">Who is looking.</param>
    /// <param name="others">The members on the page.</param>
    /// <param name="options">Query options.</param>
    /// <returns>One degree per member, in order.</returns>
    public Degree[] Degrees(int viewer, ReadOnlySpan<int> others, QueryOptions? options = null)
    {
        var result = new Degree[others.Length];
        Degrees(viewer, others, result, options);
        return result;
    }

    /// <summary>Number of visible members connected to both. 0 when <paramref name="other"/> is the viewer, hidden or blocked. O(d₁ + d₂) merge of sorted rows.</summary>
    /// <param name="viewer">Who is looking.</param>
    /// <param name="other">The other member.</param>
    /// <param name="options">Query options.</param>
    /// <returns>The count.</returns>
    public int MutualConnectionCount(int viewer, int other, QueryOptions? options = null)
    {
        var state = State;
        GraphQueries.Mutuals(state, new Visibility(state, viewer, options), other, 0, countOnly: true, out var count);
        return count;
    }

    /// <summary>
    /// Visible members connected to both, strongest first (by the product of both strengths, then ascending id).
    /// O(d₁ + d₂ + m log m) for m mutuals.
    /// </summary>
    /// <param name="viewer">Who is looking.</param>
    /// <param name="other">The other member.</param>
    /// <param name="maxResults">Most mutuals returned (default 50).</param>
    /// <param name="options">Query options.</param>
    /// <returns>The mutual connections.</returns>
    public IReadOnlyList<MutualConnection> MutualConnections(int viewer, int other, int maxResults = 50, QueryOptions? options = null)
    {
        var state = State;
        return GraphQueries.Mutuals(state, new Visibility(state, viewer, options), other, Math.Max(0, maxResults), countOnly: false, out _);
    }

    /// <summary>
    /// Length of a shortest path through visible members, unbounded: 0 for the same member, −1 when there is none
    /// (or <paramref name="other"/> is unknown, hidden or blocked). Bidirectional breadth-first search, O(members + connections) worst case.
    /// </summary>
    /// <param name="viewer">Start.</param>
    /// <param name="other">End.</param>
    /// <param name="options">Query options.</param>
    /// <returns>The number of hops or −1.</returns>
    public int ShortestPathLength(int viewer, int other, QueryOptions? options = null)
    {
        var state = State;
        if (viewer == other)
        {
            return 0;
        }

        var scratch = Scratch.Rent();
        var result = Traversal.Distance(state, new Visibility(state, viewer, options), viewer, other, int.MaxValue, scratch);
        Scratch.Return(scratch);
        return result;
    }

    /// <summary>
    /// Shortest paths from <paramref name="viewer"/> to <paramref name="other"/> through visible members, enumerated from the
    /// layer DAG of a bidirectional breadth-first search and ranked by weight (the product of <paramref name="pairWeight"/>
    /// over the hops, or their sum with <see cref="PathWeighting.Sum"/>; default: the connection strength), best first, ties
    /// by member ids. At most 16 × <paramref name="maxPaths"/>
    /// paths (100,000 at most) are enumerated before ranking, in a deterministic order (by the member where the two searches
    /// met, then by ids); when more exist, the ranking covers those only. Same member: one path of length 0. None: empty.
    /// O(b^(d/2)) for the search (branching b, distance d; O(members + connections) at worst) plus O(paths × d × degree)
    /// for the enumeration.
    /// </summary>
    /// <param name="viewer">Start.</param>
    /// <param name="other">End.</param>
    /// <param name="maxPaths">Most paths returned (default 100).</param>
    /// <param name="pairWeight">Weight of a hop; default the strength.</param>
    /// <param name="options">Query options.</param>
    /// <param name="weighting">How hop weights make a path's weight (default their product).</param>
    /// <returns>The paths, best first.</returns>
    public IReadOnlyList<GraphPath> AllShortestPaths(int viewer, int other, int maxPaths = 100, PairWeight? pairWeight = null, QueryOptions? options = null,
        PathWeighting weighting = PathWeighting.Product)
    {
        var state = State;
        var scratch = Scratch.Rent();
        var result = GraphQueries.AllShortestPaths(
                state, new Visibility(state, viewer, options), viewer, other, maxPaths, pairWeight ?? GraphQueries.DefaultWeight, scratch, weighting);
        Scratch.Return(scratch);
        return result;
    }

    /// <summary>
    /// The best <paramref name="maxPaths"/> introduction paths from <paramref name="viewer"/> to <paramref name="target"/>:
    /// every simple path of at most 3 hops through visible members (a direct connection counts as a 1-hop path), ranked by
    /// the product of the strengths along it, then shorter, then by member ids; when none exists within 3 hops, the shortest
    /// paths ranked the same way. Each path carries its edges (strength, creation time) to explain it.
    /// O(Σ degree of the viewer's connections + d) for the 3-hop search.
    /// </summary>
    /// <param name="viewer">Who wants the introduction.</param>
    /// <param name="target">Who they want to meet.</param>
    /// <param name="maxPaths">k, the most paths returned (default 3).</param>
    /// <param name="options">Query options.</param>
    /// <returns>The paths, best first; empty for the viewer themselves or an unknown, hidden or blocked target.</returns>
    public IReadOnlyList<GraphPath> IntroductionPaths(int viewer, int target, int maxPaths = 3, QueryOptions? options = null)
    {
        var state = State;
        var scratch = Scratch.Rent();
        var result = GraphQueries.IntroductionPaths(state, new Visibility(state, viewer, options), target, maxPaths, scratch);
        Scratch.Return(scratch);
        return result;
    }

    /// <summary>
    /// "Who do I know among these": the members of <paramref name="members"/> within <see cref="ReachOptions.MaxDepth"/>
    /// hops of the viewer (visible, not the viewer), nearest first, then by best path strength, then id; each with its
    /// distance and best intermediaries (the viewer's connections leading to it on a shortest path, by the best product of
    /// strengths). When the members within two hops fill the top (or depth is 2), one sequential pass over the viewer's
    /// connections' rows against a bitmap of the set, O(Σ degree of the viewer's connections + |set|), with intermediaries
    /// computed for the returned members only. Otherwise it builds the viewer's 2nd-degree index once per query, O(Σ degree
    /// of the viewer's connections), and ranks distance 3 best first (2nd-degree members by decreasing two-hop score,
    /// stopping once the places left are settled) or, when cheaper, by O(degree) per member of the set. Exact either way.
    /// </summary>
    /// <param name="viewer">Who is looking.</param>
    /// <param name="members">The set searched (duplicates ignored).</param>
    /// <param name="options">Options; default <see cref="ReachOptions.Default"/>.</param>
    /// <returns>The reachable members.</returns>
    /// <exception cref="ArgumentOutOfRangeException">MaxDepth is not 1..3, or a maximum is negative.</exception>
    public IReadOnlyList<ReachResult> Reach(int viewer, ReadOnlySpan<int> members, ReachOptions? options = null)
    {
        options ??= ReachOptions.Default;
        Validate(options);

        var state = State;
        if ((uint)viewer >= (uint)state.MemberCount)
        {
            return [];
        }

        var scratch = Scratch.Rent();
        var result = GraphQueries.Reach(state, new Visibility(state, viewer, options), members, options, scratch);
        Scratch.Return(scratch);
        return result;
    }

    /// <summary>
    /// "Who do I know at X": <see cref="Reach(int, ReadOnlySpan{int}, ReachOptions?)"/> over the current members of an
    /// organisation (membership covering today by the graph's <see cref="TimeProvider"/>). Finding them costs
    /// O(organisation size × memberships per member) on top of the reach itself.
    /// </summary>
    /// <param name="viewer">Who is looking.</param>
    /// <param name="organisation">The organisation.</param>
    /// <param name="options">Options; default <see cref="ReachOptions.Default"/>.</param>
    /// <returns>The reachable current members.</returns>
    /// <exception cref="ArgumentOutOfRangeException">MaxDepth is not 1..3, or a maximum is negative.</exception>
    public IReadOnlyList<ReachResult> ReachOrganisation(int viewer, int organisation, ReachOptions? options = null)
    {
        var state = State;
        var members = CurrentMembers(state, organisation);
        options ??= ReachOptions.Default;
        Validate(options);

        if ((uint)viewer >= (uint)state.MemberCount)
        {
            return [];
        }

        var scratch = Scratch.Rent();
        var result = GraphQueries.Reach(state, new Visibility(state, viewer, options), members, options, scratch);
        Scratch.Return(scratch);
        return result;
    }

    /// <summary>
    /// Visible members within <paramref name="maxDepth"/> hops of the viewer with their distances, nearest first then by id,
    /// keeping those <paramref name="filter"/> accepts (the filter does not stop traversal through a member).
    /// Stops after the level at which <paramref name="maxResults"/> is reached. O(members and connections within the depth).
    /// </summary>
    /// <param name="viewer">Who is looking.</param>
    /// <param name="maxDepth">1, 2 or 3 (default 2).</param>
    /// <param name="filter">Which members to return; default all.</param>
    /// <param name="maxResults">Most members returned (default 1,000).</param>
    /// <param name="options">Query options.</param>
    /// <returns>The members with distances.</returns>
    public IReadOnlyList<NeighbourhoodMember> Neighbourhood(int viewer, int maxDepth = 2, Func<int, bool>? filter = null, int maxResults = 1_000, QueryOptions? options = null)
    {
        if (maxDepth is < 1 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDepth), maxDepth, "maxDepth must be 1, 2 or 3.");
        }

        var state = State;
        var scratch = Scratch.Rent();
        var result = GraphQueries.Neighbourhood(state, new Visibility(state, viewer, options), maxDepth, filter, maxResults, scratch);
        Scratch.Return(scratch);
        return result;
    }

    /// <summary>
    /// People the viewer may know: friends of friends, plus (optionally) members who overlapped with the viewer at a small
    /// organisation or share a small group; scored <c>CommonConnectionWeight × common connections + SharedOrganisationWeight ×
    /// organisations with overlapping dates + SharedGroupWeight × shared groups</c>, best first (ties: more common connections,
    /// then id). Never suggests the viewer, their connections, hidden or blocked members, members in
    /// <see cref="SuggestionOptions.Excluded"/>, or anyone scoring 0. Candidates are scored by decreasing common connections
    /// and the scan stops when the rest cannot enter the top. Past 16 k (connection, friend of friend) pairs without an edge
    /// filter, common connections are counted by blocks of member ids in an L2-resident array, and a friend of friend whose
    /// best possible score is already below the k-th largest count so far is dropped (exact: it cannot be returned).
    /// O(Σ degree of the viewer's connections + candidates scored × memberships + peers scanned).
    /// </summary>
    /// <param name="viewer">Who is looking.</param>
    /// <param name="options">Options; default <see cref="SuggestionOptions.Default"/>.</param>
    /// <returns>The suggestions, best first.</returns>
    public IReadOnlyList<Suggestion> Suggestions(int viewer, SuggestionOptions? options = null)
    {
        options ??= SuggestionOptions.Default;
        var state = State;
        if ((uint)viewer >= (uint)state.MemberCount)
        {
            return [];
        }

        var scratch = Scratch.Rent();
        var result = GraphQueries.Suggestions(state, new Visibility(state, viewer, options), options, scratch);
        Scratch.Return(scratch);
        return result;
    }

    /// <summary>Whether the member blocks anyone or is blocked by anyone. O(1).</summary>
    /// <param name="member">The member.</param>
    /// <returns>Whether any block involves them.</returns>
    public bool HasBlocks(int member) => State.BlocksOf(member).Length > 0;

    /// <summary>How many members belong or belonged to the organisation (0 when unknown). O(1).</summary>
    /// <param name="organisation">The organisation.</param>
    /// <returns>The count.</returns>
    public int OrganisationMemberCount(int organisation) =>
        (uint)organisation < (uint)State.OrganisationCount ? State.MembersOfOrganisation(organisation).Length : 0;

    /// <summary>
    /// The viewer's 1st-degree list and 2nd-degree set, from the same cache as <see cref="Degrees(int, ReadOnlySpan{int}, QueryOptions?)"/>
    /// (cold: O(Σ degree of the viewer's connections); warm: O(1)). Classifying a member through it costs O(log d) at most,
    /// which lets a search rank every match by closeness. A snapshot: later changes are not seen through it.
    /// </summary>
    /// <param name="viewer">Who is looking.</param>
    /// <param name="options">Query options; an edge filter bypasses the cache.</param>
    /// <returns>The circles; empty for an unknown viewer.</returns>
    public ViewerCircles Circles(int viewer, QueryOptions? options = null)
    {
        var state = State;
        if ((uint)viewer >= (uint)state.MemberCount)
        {
            return default;
        }
        return new ViewerCircles(Network(state, new Visibility(state, viewer, options)));
    }

    private ViewerNetwork Network(GraphState state, in Visibility visibility)
    {
        var scratch = Scratch.Rent();
        var result = _networks.Get(state, visibility, scratch);
        Scratch.Return(scratch);
        return result;
    }

    private static void Validate(ReachOptions options)
    {
        if (options.MaxDepth is < 1 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxDepth, "MaxDepth must be 1, 2 or 3.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxResults, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxIntermediaries, nameof(options));
    }

    private DateOnly Today() => DateOnly.FromDateTime(_options.TimeProvider.GetUtcNow().UtcDateTime);

    private int[] CurrentMembers(GraphState state, int organisation)
    {
        // Finding the current staff of a large organisation reads every past and present member's memberships; the
        // answer is kept per organisation until the memberships, the snapshot or the day change.
        var today = Today().DayNumber;
        if (_currentMembers.TryGetValue(organisation, out var cached)
            && ReferenceEquals(cached.Snapshot, state.Snapshot) && ReferenceEquals(cached.Memberships, state.Memberships) && cached.Day == today)
        {
            return cached.Members;
        }

        var members = FindCurrentMembers(state, organisation, today);
        if (_currentMembers.Count >= CurrentMembersCacheSize)
        {
            _currentMembers.Clear();
        }

        _currentMembers[organisation] = new CurrentMembersEntry(state.Snapshot, state.Memberships, today, members);
        return members;
    }

    private static int[] FindCurrentMembers(GraphState state, int organisation, int today)
    {
        var result = new List<int>();
        foreach (var member in state.MembersOfOrganisation(organisation))
        {
            foreach (var membership in state.MembershipsOf(member))
            {
                if (membership.Organisation == organisation && membership.IsCurrentOn(today))
                {
                    result.Add(member);
                    break;
                }
            }
        }

        return [.. result];
    }
}

/// <summary>An organisation's current members as of one snapshot, one memberships overlay and one day.</summary>
internal sealed record CurrentMembersEntry(
    GraphSnapshot Snapshot, ImmutableDictionary<int, MembershipRecord[]> Memberships, int Day, int[] Members);
