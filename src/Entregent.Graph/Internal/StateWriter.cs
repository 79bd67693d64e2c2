using System.Collections.Immutable;

namespace Entregent.Graph.Internal;

/// <summary>
/// Applies a batch of changes to a state and returns the next state; the previous state is left untouched except for
/// monotonic overlay bits (see <see cref="GraphState.OverlayBits"/>). Callers serialise writers.
/// </summary>
internal static class StateWriter
{
    private const int LogDepth = 256;

    public static void Validate(IReadOnlyList<GraphChange> changes)
    {
        foreach (var change in changes)
        {
            if (change.Member < 0 || change.Other < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(changes), change, "Ids must be non-negative.");
            }

            switch (change.Kind)
            {
                case GraphChangeKind.Connect or GraphChangeKind.Disconnect or GraphChangeKind.SetStrength
                    or GraphChangeKind.Block or GraphChangeKind.Unblock when change.Member == change.Other:
                    throw new ArgumentException($"A {change.Kind} change needs two distinct members (got {change.Member} twice).", nameof(changes));
                case GraphChangeKind.AddMembership when change.Start is null:
                    throw new ArgumentException("AddMembership needs a start day.", nameof(changes));
                case GraphChangeKind.AddMembership when change.End is { } end && end < change.Start!.Value:
                    throw new ArgumentException("A membership cannot end before it starts.", nameof(changes));
                case < GraphChangeKind.AddMember or > GraphChangeKind.ShowConnectionList:
                    throw new ArgumentException($"Unknown change kind {change.Kind}.", nameof(changes));
                default:
                    break;
            }
        }
    }

    /// <param name="state">The state to change.</param>
    /// <param name="changes">Validated changes.</param>
    /// <param name="logChanges">False when replaying onto a compacted snapshot: the log already holds them.</param>
    public static GraphState Apply(GraphState state, IReadOnlyList<GraphChange> changes, bool logChanges)
    {
        var rows = new Dictionary<int, RowBuilder>();
        var memberships = new Dictionary<int, List<MembershipRecord>>();
        var groupChanges = new Dictionary<int, SortedSet<int>>();
        var blockEndpoints = new List<int>();
        var blocks = state.Blocks;
        ulong[]? hidden = null;
        var hiddenCount = state.HiddenCount;
        ulong[]? hiddenLists = null;
        var hiddenListCount = state.HiddenListCount;
        var listToggles = new List<int>();
        var memberCount = state.MemberCount;
        var organisationCount = state.OrganisationCount;
        var groupCount = state.GroupCount;
        var connectionCount = state.ConnectionCount;

        RowBuilder RowOf(int member)
        {
            if (!rows.TryGetValue(member, out var row))
            {
                row = new RowBuilder(state.Adjacency(member));
                rows[member] = row;
            }

            return row;
        }

        List<MembershipRecord> MembershipsOf(int member)
        {
            if (!memberships.TryGetValue(member, out var list))
            {
                list = [.. state.MembershipsOf(member)];
                memberships[member] = list;
            }

            return list;
        }

        SortedSet<int> GroupsOf(int member)
        {
            if (!groupChanges.TryGetValue(member, out var set))
            {
                set = [.. state.GroupsOf(member)];
                groupChanges[member] = set;
            }

            return set;
        }

        foreach (var change in changes)
        {
            var a = change.Member;
            var b = change.Other;
            memberCount = Math.Max(memberCount, a + 1);
            switch (change.Kind)
            {
                case GraphChangeKind.AddMember:
                    break;
                case GraphChangeKind.Connect:
                {
                    memberCount = Math.Max(memberCount, b + 1);
                    var strength = Encoding.ToStrength(change.Strength);
                    var day = Encoding.ToDay(change.Time);
                    if (RowOf(a).Set(b, strength, day))
                    {
                        connectionCount++;
                    }

                    RowOf(b).Set(a, strength, day);
                    break;
                }

                case GraphChangeKind.Disconnect:
                    memberCount = Math.Max(memberCount, b + 1);
                    if (RowOf(a).Remove(b))
                    {
                        connectionCount--;
                    }

                    RowOf(b).Remove(a);
                    break;
                case GraphChangeKind.SetStrength:
                {
                    memberCount = Math.Max(memberCount, b + 1);
                    var strength = Encoding.ToStrength(change.Strength);
                    RowOf(a).Update(b, strength);
                    RowOf(b).Update(a, strength);
                    break;
                }

                case GraphChangeKind.AddMembership:
                {
                    organisationCount = Math.Max(organisationCount, b + 1);
                    var list = MembershipsOf(a);
                    var start = change.Start!.Value.DayNumber;
                    list.RemoveAll(m => m.Organisation == b && m.StartDay == start);
                    list.Add(new MembershipRecord(b, start, change.End?.DayNumber ?? Encoding.OpenEnd));
                    break;
                }

                case GraphChangeKind.RemoveMembership:
                {
                    var start = change.Start?.DayNumber;
                    MembershipsOf(a).RemoveAll(m => m.Organisation == b && (start is null || m.StartDay == start));
                    break;
                }

                case GraphChangeKind.JoinGroup:
                    groupCount = Math.Max(groupCount, b + 1);
                    GroupsOf(a).Add(b);
                    break;
                case GraphChangeKind.LeaveGroup:
                    GroupsOf(a).Remove(b);
                    break;
                case GraphChangeKind.Block:
                    memberCount = Math.Max(memberCount, b + 1);
                    blocks = SetBlock(blocks, a, b, true);
                    blocks = SetBlock(blocks, b, a, true);
                    blockEndpoints.Add(a);
                    blockEndpoints.Add(b);
                    break;
                case GraphChangeKind.Unblock:
                    memberCount = Math.Max(memberCount, b + 1);
                    blocks = SetBlock(blocks, a, b, false);
                    blocks = SetBlock(blocks, b, a, false);
                    blockEndpoints.Add(a);
                    blockEndpoints.Add(b);
                    break;
                case GraphChangeKind.Hide or GraphChangeKind.Unhide:
                    hidden = Writable(hidden, state.Hidden, memberCount);
                    hiddenCount += Flag(hidden, a, change.Kind == GraphChangeKind.Hide);
                    break;
                case GraphChangeKind.HideConnectionList or GraphChangeKind.ShowConnectionList:
                {
                    hiddenLists = Writable(hiddenLists, state.HiddenLists, memberCount);
                    var delta = Flag(hiddenLists, a, change.Kind == GraphChangeKind.HideConnectionList);
                    if (delta != 0)
                    {
                        hiddenListCount += delta;
                        listToggles.Add(a);
                    }

                    break;
                }

                default:
                    throw new ArgumentException($"Unknown change kind {change.Kind}.", nameof(changes));
            }
        }

        // Overlay bits are set before the new state is published (see GraphState.OverlayBits).
        var overlayBits = state.OverlayBits;
        if (rows.Count > 0 && overlayBits.Length < Bits.WordsFor(memberCount))
        {
            var grown = new ulong[Math.Max(Bits.WordsFor(memberCount), overlayBits.Length * 2)];
            overlayBits.CopyTo(grown, 0);
            overlayBits = grown;
        }

        var rowsBuilder = state.Rows.ToBuilder();
        foreach (var (member, row) in rows)
        {
            Bits.Set(overlayBits, member);
            rowsBuilder[member] = row.ToRow();
        }

        var membershipBuilder = state.Memberships.ToBuilder();
        var organisationBuilder = state.OrganisationMembers.ToBuilder();
        foreach (var (member, list) in memberships)
        {
            var before = Distinct(state.MembershipsOf(member));
            list.Sort(static (x, y) => x.Organisation != y.Organisation ? x.Organisation.CompareTo(y.Organisation) : x.StartDay.CompareTo(y.StartDay));
            membershipBuilder[member] = [.. list];
            var after = Distinct(list.ToArray());
            foreach (var organisation in before.Except(after))
            {
                organisationBuilder[organisation] = Without(MembersOf(state, organisationBuilder, organisation), member);
            }

            foreach (var organisation in after.Except(before))
            {
                organisationBuilder[organisation] = With(MembersOf(state, organisationBuilder, organisation), member);
            }
        }

        var memberGroupsBuilder = state.MemberGroups.ToBuilder();
        var groupMembersBuilder = state.GroupMembers.ToBuilder();
        foreach (var (member, set) in groupChanges)
        {
            var before = state.GroupsOf(member).ToArray();
            memberGroupsBuilder[member] = [.. set];
            foreach (var group in before)
            {
                if (!set.Contains(group))
                {
                    groupMembersBuilder[group] = Without(GroupMembersOf(state, groupMembersBuilder, group), member);
                }
            }

            foreach (var group in set)
            {
                if (Array.BinarySearch(before, group) < 0)
                {
                    groupMembersBuilder[group] = With(GroupMembersOf(state, groupMembersBuilder, group), member);
                }
            }
        }

        var finalHidden = Grown(hidden ?? state.Hidden, memberCount);
        var finalHiddenLists = Grown(hiddenLists ?? state.HiddenLists, memberCount);

        var log = state.Log;
        var version = state.Version;
        if (logChanges)
        {
            version++;
            var depth = (log?.Depth ?? 0) + 1;
            var floor = log?.Floor ?? 0;
            var previous = log;
            if (depth > LogDepth)
            {
                previous = null;
                depth = 1;
                floor = version - 1;
            }

            log = new ChangeLogEntry(version, [.. rows.Keys], [.. blockEndpoints], [.. listToggles], hidden is not null, previous, floor, depth);
        }

        return new GraphState
        {
            Snapshot = state.Snapshot,
            Rows = rowsBuilder.ToImmutable(),
            OverlayBits = overlayBits,
            Memberships = membershipBuilder.ToImmutable(),
            OrganisationMembers = organisationBuilder.ToImmutable(),
            MemberGroups = memberGroupsBuilder.ToImmutable(),
            GroupMembers = groupMembersBuilder.ToImmutable(),
            Hidden = finalHidden,
            HiddenCount = hiddenCount,
            HiddenLists = finalHiddenLists,
            HiddenListCount = hiddenListCount,
            Blocks = blocks,
            MemberCount = memberCount,
            OrganisationCount = organisationCount,
            GroupCount = groupCount,
            ConnectionCount = connectionCount,
            Version = version,
            Log = log,
        };
    }

    /// <summary>A private copy of a member bitmap (copied on write: states share theirs), sized for the member count.</summary>
    private static ulong[] Writable(ulong[]? copy, ulong[] shared, int memberCount)
    {
        if (copy is not null && copy.Length >= Bits.WordsFor(memberCount))
        {
            return copy;
        }

        var result = new ulong[Math.Max(Bits.WordsFor(memberCount), shared.Length)];
        (copy ?? shared).CopyTo(result, 0);
        return result;
    }

    /// <summary>Sets or clears one member's bit; returns the change in the number of bits set (-1, 0 or 1).</summary>
    private static int Flag(ulong[] bits, int member, bool set)
    {
        var was = Bits.Get(bits, member);
        if (set == was)
        {
            return 0;
        }

        if (set)
        {
            Bits.Set(bits, member);
            return 1;
        }

        Bits.Clear(bits, member);
        return -1;
    }

    private static ulong[] Grown(ulong[] bits, int memberCount)
    {
        if (bits.Length >= Bits.WordsFor(memberCount))
        {
            return bits;
        }

        var grown = new ulong[Math.Max(Bits.WordsFor(memberCount), bits.Length * 2)];
        bits.CopyTo(grown, 0);
        return grown;
    }

    private static int[] Distinct(ReadOnlySpan<MembershipRecord> list)
    {
        var set = new SortedSet<int>();
        foreach (var m in list)
        {
            set.Add(m.Organisation);
        }

        return [.. set];
    }

    private static int[] MembersOf(GraphState state, ImmutableDictionary<int, int[]>.Builder builder, int organisation) =>
        builder.TryGetValue(organisation, out var list) ? list : state.Snapshot.MembersOfOrganisation(organisation).ToArray();

    private static int[] GroupMembersOf(GraphState state, ImmutableDictionary<int, int[]>.Builder builder, int group) =>
        builder.TryGetValue(group, out var list) ? list : state.Snapshot.MembersOfGroup(group).ToArray();

    private static int[] With(int[] sorted, int value)
    {
        var index = Array.BinarySearch(sorted, value);
        if (index >= 0)
        {
            return sorted;
        }

        index = ~index;
        var result = new int[sorted.Length + 1];
        Array.Copy(sorted, result, index);
        result[index] = value;
        Array.Copy(sorted, index, result, index + 1, sorted.Length - index);
        return result;
    }

    private static int[] Without(int[] sorted, int value)
    {
        var index = Array.BinarySearch(sorted, value);
        if (index < 0)
        {
            return sorted;
        }

        var result = new int[sorted.Length - 1];
        Array.Copy(sorted, result, index);
        Array.Copy(sorted, index + 1, result, index, sorted.Length - index - 1);
        return result;
    }

    private static ImmutableDictionary<int, int[]> SetBlock(ImmutableDictionary<int, int[]> blocks, int a, int b, bool blocked)
    {
        var current = blocks.TryGetValue(a, out var list) ? list : [];
        var next = blocked ? With(current, b) : Without(current, b);
        if (ReferenceEquals(next, current))
        {
            return blocks;
        }

        return next.Length == 0 ? blocks.Remove(a) : blocks.SetItem(a, next);
    }

    /// <summary>A mutable copy of one adjacency row, kept sorted.</summary>
    private sealed class RowBuilder
    {
        private readonly List<int> _neighbours;
        private readonly List<byte> _strengths;
        private readonly List<ushort> _days;

        public RowBuilder(Adjacency row)
        {
            _neighbours = new List<int>(row.Length + 4);
            _strengths = new List<byte>(row.Length + 4);
            _days = new List<ushort>(row.Length + 4);
            for (var i = 0; i < row.Length; i++)
            {
                row.Read(i, out var strength, out var day);
                _neighbours.Add(row.Neighbours[i]);
                _strengths.Add(strength);
                _days.Add(day);
            }
        }

        /// <returns>True when the connection is new.</returns>
        public bool Set(int other, byte strength, ushort day)
        {
            var index = _neighbours.BinarySearch(other);
            if (index >= 0)
            {
                _strengths[index] = strength;
                _days[index] = day;
                return false;
            }

            index = ~index;
            _neighbours.Insert(index, other);
            _strengths.Insert(index, strength);
            _days.Insert(index, day);
            return true;
        }

        public bool Remove(int other)
        {
            var index = _neighbours.BinarySearch(other);
            if (index < 0)
            {
                return false;
            }

            _neighbours.RemoveAt(index);
            _strengths.RemoveAt(index);
            _days.RemoveAt(index);
            return true;
        }

        public void Update(int other, byte strength)
        {
            var index = _neighbours.BinarySearch(other);
            if (index >= 0)
            {
                _strengths[index] = strength;
            }
        }

        public AdjacencyRow ToRow() =>
            _neighbours.Count == 0 ? AdjacencyRow.Empty : new AdjacencyRow([.. _neighbours], [.. _strengths], [.. _days]);
    }
}
