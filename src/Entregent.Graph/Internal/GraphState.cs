using System.Collections.Immutable;

namespace Entregent.Graph.Internal;

/// <summary>A member's adjacency row kept in the overlay: sorted neighbours with per-entry strength and day.</summary>
internal sealed class AdjacencyRow(int[] neighbours, byte[] strengths, ushort[] days)
{
    public static readonly AdjacencyRow Empty = new([], [], []);

    public int[] Neighbours { get; } = neighbours;
    public byte[] Strengths { get; } = strengths;
    public ushort[] Days { get; } = days;
}

/// <summary>A view of one member's connections, whether they live in the snapshot or the overlay.</summary>
internal readonly ref struct Adjacency
{
    private readonly GraphSnapshot? _snapshot;
    private readonly AdjacencyRow? _row;
    private readonly int _member;

    public Adjacency(GraphSnapshot snapshot, int member)
    {
        _snapshot = snapshot;
        _member = member;
        Neighbours = snapshot.Row(member);
    }

    public Adjacency(AdjacencyRow row)
    {
        _row = row;
        Neighbours = row.Neighbours;
    }

    public ReadOnlySpan<int> Neighbours { get; }

    public int Length => Neighbours.Length;

    public byte StrengthByte(int index) => _row is not null ? _row.Strengths[index] : _snapshot!.Strengths[_snapshot.Slot(_member, index)];

    public float Strength(int index) => Encoding.FromStrength(StrengthByte(index));

    public int IndexOf(int other) => Neighbours.BinarySearch(other);

    /// <summary>Strength and day of one entry, locating a snapshot connection's slot once for both.</summary>
    public void Read(int index, out byte strength, out ushort day)
    {
        if (_row is not null)
        {
            strength = _row.Strengths[index];
            day = _row.Days[index];
            return;
        }

        var slot = _snapshot!.Slot(_member, index);
        strength = _snapshot.Strengths[slot];
        day = _snapshot.CreatedDays[slot];
    }
}

/// <summary>Which members a batch touched, kept so cached viewer networks can be validated lazily.</summary>
internal sealed class ChangeLogEntry(
    long version, int[] connectionEndpoints, int[] blockEndpoints, int[] listToggles, bool invalidatesAll, ChangeLogEntry? previous, long floor, int depth)
{
    public long Version { get; } = version;
    public int[] ConnectionEndpoints { get; } = connectionEndpoints;
    public int[] BlockEndpoints { get; } = blockEndpoints;

    /// <summary>Members who hid or showed their connection list.</summary>
    public int[] ListToggles { get; } = listToggles;

    public bool InvalidatesAll { get; } = invalidatesAll;
    public ChangeLogEntry? Previous { get; } = previous;

    /// <summary>The log is complete for changes after this version; older cache entries must be recomputed.</summary>
    public long Floor { get; } = floor;

    public int Depth { get; } = depth;
}

/// <summary>
/// One immutable, consistent state of the graph: a CSR snapshot plus an immutable overlay of rows changed since.
/// A writer builds a new state and publishes it with one reference swap, so a reader holding a state never sees half a batch.
/// </summary>
internal sealed record GraphState
{
    public required GraphSnapshot Snapshot { get; init; }

    /// <summary>Replacement adjacency rows for members touched since the snapshot.</summary>
    public required ImmutableDictionary<int, AdjacencyRow> Rows { get; init; }

    /// <summary>
    /// "Maybe in <see cref="Rows"/>" bits, shared by every state on the same snapshot. Bits are only ever set (before the
    /// state holding the row is published), so an older state reading a newer bit merely does a dictionary miss.
    /// </summary>
    public required ulong[] OverlayBits { get; init; }

    public required ImmutableDictionary<int, MembershipRecord[]> Memberships { get; init; }
    public required ImmutableDictionary<int, int[]> OrganisationMembers { get; init; }
    public required ImmutableDictionary<int, int[]> MemberGroups { get; init; }
    public required ImmutableDictionary<int, int[]> GroupMembers { get; init; }

    /// <summary>Hidden members as a bitmap (copied on write: hiding is rare, checking is on every hop).</summary>
    public required ulong[] Hidden { get; init; }

    public required int HiddenCount { get; init; }

    /// <summary>
    /// Members who hide their connection list, as a bitmap (copied on write like <see cref="Hidden"/>). With
    /// <see cref="HiddenListCount"/> at 0 the visibility rule for connections is skipped altogether.
    /// </summary>
    public required ulong[] HiddenLists { get; init; }

    public required int HiddenListCount { get; init; }

    /// <summary>Blocked pairs, both directions, each list sorted.</summary>
    public required ImmutableDictionary<int, int[]> Blocks { get; init; }

    public required int MemberCount { get; init; }
    public required int OrganisationCount { get; init; }
    public required int GroupCount { get; init; }
    public required long ConnectionCount { get; init; }
    public required long Version { get; init; }
    public required ChangeLogEntry? Log { get; init; }

    public static GraphState FromSnapshot(
        GraphSnapshot snapshot, IEnumerable<int> hidden, IEnumerable<int> hiddenLists, IEnumerable<(int A, int B)> blocks)
    {
        var (hiddenBits, hiddenCount) = Bitmap(snapshot.MemberCount, hidden);
        var (hiddenListBits, hiddenListCount) = Bitmap(snapshot.MemberCount, hiddenLists);

        var blockSets = new Dictionary<int, SortedSet<int>>();
        foreach (var (a, b) in blocks)
        {
            if (a == b)
            {
                continue;
            }

            Add(blockSets, a, b);
            Add(blockSets, b, a);
        }

        return new GraphState
        {
            Snapshot = snapshot,
            Rows = ImmutableDictionary<int, AdjacencyRow>.Empty,
            OverlayBits = new ulong[Bits.WordsFor(snapshot.MemberCount)],
            Memberships = ImmutableDictionary<int, MembershipRecord[]>.Empty,
            OrganisationMembers = ImmutableDictionary<int, int[]>.Empty,
            MemberGroups = ImmutableDictionary<int, int[]>.Empty,
            GroupMembers = ImmutableDictionary<int, int[]>.Empty,
            Hidden = hiddenBits,
            HiddenCount = hiddenCount,
            HiddenLists = hiddenListBits,
            HiddenListCount = hiddenListCount,
            Blocks = blockSets.ToImmutableDictionary(p => p.Key, p => p.Value.ToArray()),
            MemberCount = snapshot.MemberCount,
            OrganisationCount = snapshot.OrganisationCount,
            GroupCount = snapshot.GroupCount,
            ConnectionCount = snapshot.ConnectionCount,
            Version = 0,
            Log = null,
        };

        static (ulong[] Bits, int Count) Bitmap(int memberCount, IEnumerable<int> members)
        {
            var bits = new ulong[Bits.WordsFor(memberCount)];
            var count = 0;
            foreach (var member in members)
            {
                if (!Bits.Get(bits, member))
                {
                    Bits.Set(bits, member);
                    count++;
                }
            }

            return (bits, count);
        }

        static void Add(Dictionary<int, SortedSet<int>> sets, int a, int b)
        {
            if (!sets.TryGetValue(a, out var set))
            {
                set = [];
                sets[a] = set;
            }

            set.Add(b);
        }
    }

    public Adjacency Adjacency(int member)
    {
        if ((uint)member < (uint)(OverlayBits.Length << 6) && Bits.Get(OverlayBits, member) && Rows.TryGetValue(member, out var row))
        {
            return new Adjacency(row);
        }

        return new Adjacency(Snapshot, member);
    }

    public ReadOnlySpan<int> Neighbours(int member) => Adjacency(member).Neighbours;

    /// <summary>A member's sorted neighbours as an array segment, which (unlike a span) a struct may keep.</summary>
    public ArraySegment<int> NeighbourSegment(int member)
    {
        if ((uint)member < (uint)(OverlayBits.Length << 6) && Bits.Get(OverlayBits, member) && Rows.TryGetValue(member, out var row))
        {
            return row.Neighbours;
        }

        return (uint)member < (uint)Snapshot.MemberCount
            ? new ArraySegment<int>(Snapshot.Neighbours, Snapshot.Offsets[member], Snapshot.Offsets[member + 1] - Snapshot.Offsets[member])
            : ArraySegment<int>.Empty;
    }

    public bool IsHidden(int member) => (uint)member < (uint)(Hidden.Length << 6) && Bits.Get(Hidden, member);

    public bool HidesConnectionList(int member) => (uint)member < (uint)(HiddenLists.Length << 6) && Bits.Get(HiddenLists, member);

    public int[] BlocksOf(int member) => Blocks.Count != 0 && Blocks.TryGetValue(member, out var blocked) ? blocked : [];

    public ReadOnlySpan<MembershipRecord> MembershipsOf(int member) =>
        Memberships.Count != 0 && Memberships.TryGetValue(member, out var list) ? list : Snapshot.MembershipsOf(member);

    public ReadOnlySpan<int> MembersOfOrganisation(int organisation) =>
        OrganisationMembers.Count != 0 && OrganisationMembers.TryGetValue(organisation, out var list) ? list : Snapshot.MembersOfOrganisation(organisation);

    public ReadOnlySpan<int> GroupsOf(int member) =>
        MemberGroups.Count != 0 && MemberGroups.TryGetValue(member, out var list) ? list : Snapshot.GroupsOf(member);

    public ReadOnlySpan<int> MembersOfGroup(int group) =>
        GroupMembers.Count != 0 && GroupMembers.TryGetValue(group, out var list) ? list : Snapshot.MembersOfGroup(group);

    public bool TryGetEdge(int a, int b, out byte strength, out ushort day)
    {
        var row = Adjacency(a);
        var index = row.IndexOf(b);
        if (index < 0)
        {
            strength = 0;
            day = 0;
            return false;
        }

        row.Read(index, out strength, out day);
        return true;
    }

    public PathEdge Edge(int from, int to)
    {
        TryGetEdge(from, to, out var strength, out var day);
        return new PathEdge(from, to, Encoding.FromStrength(strength), Encoding.FromDay(day));
    }
}

internal static class Bits
{
    public static int WordsFor(int count) => Math.Max(1, (count + 63) >> 6);

    public static bool Get(ulong[] bits, int index) => (bits[index >> 6] & (1UL << index)) != 0;

    public static void Set(ulong[] bits, int index) => bits[index >> 6] |= 1UL << index;

    public static void Clear(ulong[] bits, int index) => bits[index >> 6] &= ~(1UL << index);
}
