namespace Entregent.Graph.Internal;

/// <summary>
/// A visited set over member ids that is emptied in O(1): a slot is set when its stamp equals the current generation,
/// so a traversal never clears an N-sized array (only once every 2^31 generations). Stamp and value sit side by side,
/// so a random probe costs one cache miss, not two.
/// </summary>
internal sealed class StampSet
{
    private Slot[] _slots = [];
    private int _generation;

    public void Begin(int size)
    {
        if (_slots.Length < size)
        {
            _slots = new Slot[Math.Max(size, _slots.Length + (_slots.Length >> 1))];
            _generation = 0;
        }

        if (++_generation == int.MaxValue)
        {
            Array.Clear(_slots);
            _generation = 1;
        }
    }

    public bool Contains(int member) => _slots[member].Stamp == _generation;

    public void Set(int member, int value)
    {
        ref var slot = ref _slots[member];
        slot.Stamp = _generation;
        slot.Value = value;
    }

    public int Get(int member) => _slots[member].Value;

    public bool TryGet(int member, out int value)
    {
        ref var slot = ref _slots[member];
        if (slot.Stamp == _generation)
        {
            value = slot.Value;
            return true;
        }

        value = 0;
        return false;
    }

    public ref int ValueRef(int member) => ref _slots[member].Value;

    private struct Slot
    {
        public int Stamp;
        public int Value;
    }
}

/// <summary>Per-query scratch space (stamp sets, frontiers), pooled so queries allocate almost nothing.</summary>
internal sealed class Scratch
{
    private static readonly Lock PoolGate = new();
    private static readonly Stack<Scratch> Pool = new();

    public StampSet A { get; } = new();
    public StampSet B { get; } = new();
    public StampSet C { get; } = new();
    public List<int> Frontier1 { get; } = [];
    public List<int> Frontier2 { get; } = [];
    public List<int> Frontier3 { get; } = [];
    public List<int> Frontier4 { get; } = [];

    /// <summary>
    /// A member bitmap (N/8 bytes, small enough to stay in the L2 cache where an int stamp array of N would not), all
    /// zero between uses: whoever sets bits clears them again.
    /// </summary>
    public ulong[] Bitmap { get; private set; } = [];

    /// <summary>A second bitmap with the same contract as <see cref="Bitmap"/>.</summary>
    public ulong[] Bitmap2 { get; private set; } = [];

    public ulong[] EnsureBitmap2(int size)
    {
        if (Bitmap2.Length < Bits.WordsFor(size))
        {
            Bitmap2 = new ulong[Bits.WordsFor(size) + (Bitmap2.Length >> 1)];
        }

        return Bitmap2;
    }

    /// <summary>A third bitmap with the same contract as <see cref="Bitmap"/>.</summary>
    public ulong[] Bitmap3 { get; private set; } = [];

    /// <summary>Counters for one block of member ids (<see cref="BlockBits"/>), all zero between uses.</summary>
    public int[] BlockCounts { get; } = new int[1 << BlockBits];

    /// <summary>Log2 of the member ids per block of <see cref="BlockCounts"/>: 64 KiB of counters stay in the L2 cache.</summary>
    public const int BlockBits = 14;

    public ulong[] EnsureBitmap3(int size)
    {
        if (Bitmap3.Length < Bits.WordsFor(size))
        {
            Bitmap3 = new ulong[Bits.WordsFor(size) + (Bitmap3.Length >> 1)];
        }

        return Bitmap3;
    }

    public ulong[] EnsureBitmap(int size)
    {
        if (Bitmap.Length < Bits.WordsFor(size))
        {
            Bitmap = new ulong[Bits.WordsFor(size) + (Bitmap.Length >> 1)];
        }

        return Bitmap;
    }

    /// <summary>
    /// Takes a scratch from the pool. Give it back with <see cref="Return"/> only after a query completes: one that threw
    /// (in a caller's filter, say) may have left bits set in <see cref="Bitmap"/>, so its scratch is dropped instead.
    /// </summary>
    public static Scratch Rent()
    {
        lock (PoolGate)
        {
            if (Pool.TryPop(out var scratch))
            {
                return scratch;
            }
        }

        return new Scratch();
    }

    public static void Return(Scratch scratch)
    {
        scratch.Frontier1.Clear();
        scratch.Frontier2.Clear();
        scratch.Frontier3.Clear();
        scratch.Frontier4.Clear();
        lock (PoolGate)
        {
            // Keep about one per core; the rest go to the garbage collector.
            if (Pool.Count < Environment.ProcessorCount * 2)
            {
                Pool.Push(scratch);
            }
        }
    }
}

/// <summary>A read-only open-addressing set of member ids (built once, then shared by readers).</summary>
internal sealed class IntSet
{
    private readonly int[] _slots;
    private readonly int _mask;

    public IntSet(List<int> members)
    {
        // Load factor at most 3/4: a viewer's 2nd degree (10k members at 1 M members and 50 M connections) then takes 64 KB.
        var capacity = 16;
        while (capacity * 3 < members.Count * 4)
        {
            capacity <<= 1;
        }

        _slots = new int[capacity];
        _mask = capacity - 1;
        foreach (var member in members)
        {
            var i = Hash(member) & _mask;
            while (_slots[i] != 0)
            {
                if (_slots[i] == member + 1)
                {
                    goto next;
                }

                i = (i + 1) & _mask;
            }

            _slots[i] = member + 1;
            Count++;
        next:;
        }
    }

    public int Count { get; }

    public long Bytes => _slots.LongLength * 4;

    public bool Contains(int member)
    {
        var key = member + 1;
        var i = Hash(member) & _mask;
        while (true)
        {
            var slot = _slots[i];
            if (slot == key)
            {
                return true;
            }

            if (slot == 0)
            {
                return false;
            }

            i = (i + 1) & _mask;
        }
    }

    public IEnumerable<int> Members()
    {
        foreach (var slot in _slots)
        {
            if (slot != 0)
            {
                yield return slot - 1;
            }
        }
    }

    private static int Hash(int member) => (int)(((uint)member * 0x9E3779B1u) >> 7);
}

/// <summary>
/// What a viewer may see: hidden members and the viewer's blocks are neither results nor intermediaries, and a connection
/// u–w is followed only when it is visible to the viewer. It is when the viewer is u or w; otherwise each end that hides
/// its connection list needs the other end to be a visible connection of the viewer (1st degree), so a hiding member's
/// other connections are seen only where the viewer knows both people. The caller's edge filter applies on top.
/// </summary>
/// <remarks>
/// The rule depends on the viewer and the graph state alone, so the viewer's cached network stays usable; when nobody
/// hides their list (<see cref="GraphState.HiddenListCount"/> 0) it costs one null test per edge. Otherwise an edge costs
/// two bitmap probes, and a binary search in the viewer's row only when an end hides its list.
/// </remarks>
internal readonly struct Visibility
{
    private readonly ulong[] _hidden;
    private readonly int[] _blocked;
    private readonly Func<int, int, bool>? _edgeFilter;
    private readonly ulong[]? _hiddenLists;
    private readonly ArraySegment<int> _viewerRow;

    public Visibility(GraphState state, int viewer, QueryOptions? options)
    {
        Viewer = viewer;
        _hidden = state.Hidden;
        _blocked = state.BlocksOf(viewer);
        _edgeFilter = options?.EdgeFilter;
        if (state.HiddenListCount > 0)
        {
            _hiddenLists = state.HiddenLists;
            _viewerRow = state.NeighbourSegment(viewer);
        }
    }

    public int Viewer { get; }

    /// <summary>Whether the caller gave an edge filter (the hidden-list rule is not one: it keeps the network cache usable).</summary>
    public bool HasEdgeFilter => _edgeFilter is not null;

    public bool Allows(int member) =>
        ((uint)member >= (uint)(_hidden.Length << 6) || (_hidden[member >> 6] & (1UL << member)) == 0)
        && (_blocked.Length == 0 || Array.BinarySearch(_blocked, member) < 0);

    public bool AllowsEdge(int from, int to) =>
        (_hiddenLists is null || ListsAllow(from, to)) && (_edgeFilter is null || _edgeFilter(from, to));

    /// <summary>
    /// Whether <paramref name="member"/> hides their connection list, so that, for this viewer, none of their connections
    /// leads to anyone but the viewer's own visible connections. Always false when nobody hides their list.
    /// </summary>
    public bool HidesConnectionList(int member) =>
        _hiddenLists is not null && (uint)member < (uint)(_hiddenLists.Length << 6) && Bits.Get(_hiddenLists, member);

    private bool ListsAllow(int a, int b) =>
        a == Viewer || b == Viewer
        || ((!HidesConnectionList(a) || IsVisibleFirst(b)) && (!HidesConnectionList(b) || IsVisibleFirst(a)));

    private bool IsVisibleFirst(int member) => _viewerRow.AsSpan().BinarySearch(member) >= 0 && Allows(member);
}
