namespace Entregent.Graph.Internal;

/// <summary>A viewer's visible 1st-degree list (sorted) and 2nd-degree set, as of a state version.</summary>
internal sealed class ViewerNetwork(int viewer, long version, int[] first, IntSet second)
{
    public int Viewer { get; } = viewer;
    public long Version { get; } = version;
    public int[] First { get; } = first;
    public IntSet Second { get; } = second;

    public ViewerNetwork WithVersion(long version) => new(Viewer, version, First, Second);

    public bool IsFirst(int member) => Array.BinarySearch(First, member) >= 0;

    /// <summary>Computes the network: O(sum of the degrees of the viewer's connections).</summary>
    public static ViewerNetwork Compute(GraphState state, in Visibility visibility, Scratch scratch)
    {
        var viewer = visibility.Viewer;
        var marks = scratch.A;
        marks.Begin(state.MemberCount);
        marks.Set(viewer, 0);
        var first = new List<int>();
        foreach (var a in state.Neighbours(viewer))
        {
            if (visibility.Allows(a) && visibility.AllowsEdge(viewer, a))
            {
                first.Add(a);
                marks.Set(a, 1);
            }
        }

        var second = scratch.Frontier1;
        second.Clear();
        foreach (var a in first)
        {
            // A connection hiding their list leads this viewer only to the viewer's connections, all marked here unless
            // an edge filter left some out.
            if (visibility.HidesConnectionList(a) && !visibility.HasEdgeFilter)
            {
                continue;
            }

            foreach (var b in state.Neighbours(a))
            {
                if (!marks.Contains(b) && visibility.Allows(b) && visibility.AllowsEdge(a, b))
                {
                    marks.Set(b, 2);
                    second.Add(b);
                }
            }
        }

        var network = new ViewerNetwork(viewer, state.Version, [.. first], new IntSet(second));
        second.Clear();
        return network;
    }
}

/// <summary>
/// LRU cache of viewers' networks. An entry is validated lazily against the change log: it stays valid while no change
/// since its version touched a connection of the viewer or of one of the viewer's 1st-degree members, the viewer's
/// blocks, hidden members, or whether one of the viewer's 1st-degree members hides their connection list. (Whether a
/// 2nd-degree member hides theirs does not change the network: their connection to a 1st-degree member is visible
/// either way, and the 3rd degree is decided per query from the current state.)
/// </summary>
internal sealed class NetworkCache(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, LinkedListNode<ViewerNetwork>> _entries = [];
    private readonly LinkedList<ViewerNetwork> _order = new();
    private long _computations;

    /// <summary>Networks computed so far (cache misses and invalidations), for tests and diagnostics.</summary>
    public long Computations => Interlocked.Read(ref _computations);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public ViewerNetwork Get(GraphState state, in Visibility visibility, Scratch scratch)
    {
        if (capacity <= 0 || visibility.HasEdgeFilter)
        {
            return ViewerNetwork.Compute(state, visibility, scratch);
        }

        var viewer = visibility.Viewer;
        ViewerNetwork? cached = null;
        lock (_gate)
        {
            if (_entries.TryGetValue(viewer, out var node))
            {
                cached = node.Value;
                _order.Remove(node);
                _order.AddFirst(node);
            }
        }

        if (cached is not null)
        {
            if (cached.Version == state.Version)
            {
                return cached;
            }

            if (cached.Version < state.Version && IsStillValid(cached, state))
            {
                var refreshed = cached.WithVersion(state.Version);
                Store(refreshed);
                return refreshed;
            }

            if (cached.Version > state.Version)
            {
                // This reader holds an older state than the cache: answer from its own state, leave the cache alone.
                return ViewerNetwork.Compute(state, visibility, scratch);
            }
        }

        Interlocked.Increment(ref _computations);
        var network = ViewerNetwork.Compute(state, visibility, scratch);
        Store(network);
        return network;
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _order.Clear();
        }
    }

    private static bool IsStillValid(ViewerNetwork network, GraphState state)
    {
        var entry = state.Log;
        if (entry is null || network.Version < entry.Floor)
        {
            return false;
        }

        for (; entry is not null && entry.Version > network.Version; entry = entry.Previous)
        {
            if (entry.InvalidatesAll || Array.IndexOf(entry.BlockEndpoints, network.Viewer) >= 0)
            {
                return false;
            }

            foreach (var member in entry.ConnectionEndpoints)
            {
                if (member == network.Viewer || network.IsFirst(member))
                {
                    return false;
                }
            }

            foreach (var member in entry.ListToggles)
            {
                if (network.IsFirst(member))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private void Store(ViewerNetwork network)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(network.Viewer, out var node))
            {
                if (node.Value.Version < network.Version)
                {
                    node.Value = network;
                }

                return;
            }

            _entries[network.Viewer] = _order.AddFirst(network);
            while (_entries.Count > capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _entries.Remove(last.Value.Viewer);
            }
        }
    }
}
