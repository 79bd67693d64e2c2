namespace Entregent.Graph.Internal;

/// <summary>Growable struct-of-arrays list of connections as streamed into a <see cref="GraphBuilder"/>.</summary>
internal sealed class EdgeList(int capacity)
{
    public int[] A = new int[Math.Max(capacity, 16)];
    public int[] B = new int[Math.Max(capacity, 16)];
    public byte[] S = new byte[Math.Max(capacity, 16)];
    public ushort[] D = new ushort[Math.Max(capacity, 16)];

    public int Count { get; private set; }

    public void Add(int a, int b, byte strength, ushort day)
    {
        if (Count == A.Length)
        {
            var size = (int)Math.Min(Array.MaxLength, (long)A.Length * 2);
            Array.Resize(ref A, size);
            Array.Resize(ref B, size);
            Array.Resize(ref S, size);
            Array.Resize(ref D, size);
        }

        A[Count] = a;
        B[Count] = b;
        S[Count] = strength;
        D[Count] = day;
        Count++;
    }
}

/// <summary>Builds CSR snapshots: from a stream of edges (counting sort, then per-row sort) or from a live state (compaction).</summary>
internal static class SnapshotBuilder
{
    public static GraphSnapshot Build(
        int memberCount,
        EdgeList edges,
        IReadOnlyList<(int Member, MembershipRecord Membership)> memberships,
        IReadOnlyList<(int Member, int Group)> groupPairs,
        int organisationCount,
        int groupCount)
    {
        var (offsets, neighbours, upperOffsets, strengths, days) = BuildConnections(memberCount, edges);
        var (membershipOffsets, membershipRecords) = BuildMemberships(memberCount, memberships);
        var (organisationOffsets, organisationMembers) = Invert(memberCount, organisationCount, membershipOffsets, membershipRecords);
        var groupRows = new int[groupPairs.Count];
        var groupCols = new int[groupPairs.Count];
        for (var i = 0; i < groupPairs.Count; i++)
        {
            groupRows[i] = groupPairs[i].Member;
            groupCols[i] = groupPairs[i].Group;
        }

        var (groupOffsets, groups) = PairsToCsr(memberCount, groupRows, groupCols);
        var (groupMemberOffsets, groupMembers) = PairsToCsr(groupCount, groupCols, groupRows);
        return new GraphSnapshot(
            memberCount, offsets, neighbours, upperOffsets, strengths, days,
            membershipOffsets, membershipRecords, organisationCount, organisationOffsets, organisationMembers,
            groupOffsets, groups, groupCount, groupMemberOffsets, groupMembers);
    }

    private static (int[] Offsets, int[] Neighbours, int[] UpperOffsets, byte[] Strengths, ushort[] Days) BuildConnections(int n, EdgeList edges)
    {
        var count = edges.Count;
        var offsets = new int[n + 1];
        for (var e = 0; e < count; e++)
        {
            if (edges.A[e] != edges.B[e])
            {
                offsets[edges.A[e] + 1]++;
                offsets[edges.B[e] + 1]++;
            }
        }

        for (var u = 0; u < n; u++)
        {
            offsets[u + 1] += offsets[u];
        }

        var total = offsets[n];
        var neighbours = new int[total];
        var edgeIndex = new int[total];
        var cursor = new int[n];
        Array.Copy(offsets, cursor, n);
        for (var e = 0; e < count; e++)
        {
            var a = edges.A[e];
            var b = edges.B[e];
            if (a == b)
            {
                continue;
            }

            var pa = cursor[a]++;
            neighbours[pa] = b;
            edgeIndex[pa] = e;
            var pb = cursor[b]++;
            neighbours[pb] = a;
            edgeIndex[pb] = e;
        }

        cursor = null;

        // Rows are independent: sort them on every core.
        Parallel.For(0, Environment.ProcessorCount, part =>
        {
            var parts = Environment.ProcessorCount;
            for (var u = part; u < n; u += parts)
            {
                var start = offsets[u];
                var length = offsets[u + 1] - start;
                if (length > 1)
                {
                    Array.Sort(neighbours, edgeIndex, start, length);
                }
            }
        });

        // Drop duplicate connections (the last one streamed wins, as a later Connect would) and compact rows in place.
        var write = 0;
        var duplicates = false;
        for (var u = 0; u < n; u++)
        {
            var start = offsets[u];
            var end = offsets[u + 1];
            offsets[u] = write;
            for (var i = start; i < end; i++)
            {
                if (i + 1 < end && neighbours[i + 1] == neighbours[i])
                {
                    duplicates = true;
                    if (edgeIndex[i] > edgeIndex[i + 1])
                    {
                        edgeIndex[i + 1] = edgeIndex[i];
                    }

                    continue;
                }

                neighbours[write] = neighbours[i];
                edgeIndex[write] = edgeIndex[i];
                write++;
            }
        }

        offsets[n] = write;
        if (duplicates)
        {
            Array.Resize(ref neighbours, write);
        }

        var upperOffsets = new int[n + 1];
        for (var u = 0; u < n; u++)
        {
            var start = offsets[u];
            var end = offsets[u + 1];
            var firstUpper = UpperStart(neighbours, start, end, u);
            upperOffsets[u + 1] = upperOffsets[u] + (end - firstUpper);
        }

        var connections = upperOffsets[n];
        var strengths = new byte[connections];
        var days = new ushort[connections];
        Parallel.For(0, Environment.ProcessorCount, part =>
        {
            var parts = Environment.ProcessorCount;
            for (var u = part; u < n; u += parts)
            {
                var end = offsets[u + 1];
                var firstUpper = UpperStart(neighbours, offsets[u], end, u);
                var slot = upperOffsets[u];
                for (var i = firstUpper; i < end; i++, slot++)
                {
                    var e = edgeIndex[i];
                    strengths[slot] = edges.S[e];
                    days[slot] = edges.D[e];
                }
            }
        });

        return (offsets, neighbours, upperOffsets, strengths, days);
    }

    private static int UpperStart(int[] neighbours, int start, int end, int member)
    {
        var index = Array.BinarySearch(neighbours, start, end - start, member);
        return index >= 0 ? index + 1 : ~index;
    }

    private static (int[] Offsets, MembershipRecord[] Records) BuildMemberships(int n, IReadOnlyList<(int Member, MembershipRecord Membership)> memberships)
    {
        var offsets = new int[n + 1];
        foreach (var (member, _) in memberships)
        {
            offsets[member + 1]++;
        }

        for (var u = 0; u < n; u++)
        {
            offsets[u + 1] += offsets[u];
        }

        var records = new MembershipRecord[memberships.Count];
        var sequence = new int[memberships.Count];
        var cursor = offsets.AsSpan(0, n).ToArray();
        for (var i = 0; i < memberships.Count; i++)
        {
            var (member, record) = memberships[i];
            var p = cursor[member]++;
            records[p] = record;
            sequence[p] = i;
        }

        // Sort each member's memberships by organisation and start; the same (organisation, start) twice keeps the last.
        var write = 0;
        for (var u = 0; u < n; u++)
        {
            var start = offsets[u];
            var end = offsets[u + 1];
            offsets[u] = write;
            if (end - start > 1)
            {
                Array.Sort(records, sequence, start, end - start, MembershipOrder.Instance);
            }

            for (var i = start; i < end; i++)
            {
                if (i + 1 < end && records[i + 1].Organisation == records[i].Organisation && records[i + 1].StartDay == records[i].StartDay)
                {
                    if (sequence[i] > sequence[i + 1])
                    {
                        records[i + 1] = records[i];
                        sequence[i + 1] = sequence[i];
                    }

                    continue;
                }

                records[write++] = records[i];
            }
        }

        offsets[n] = write;
        Array.Resize(ref records, write);
        return (offsets, records);
    }

    private static (int[] Offsets, int[] Members) Invert(int memberCount, int organisationCount, int[] membershipOffsets, MembershipRecord[] records)
    {
        var rows = new List<int>(records.Length);
        var cols = new List<int>(records.Length);
        for (var u = 0; u < memberCount; u++)
        {
            for (var i = membershipOffsets[u]; i < membershipOffsets[u + 1]; i++)
            {
                rows.Add(records[i].Organisation);
                cols.Add(u);
            }
        }

        return PairsToCsr(organisationCount, [.. rows], [.. cols]);
    }

    /// <summary>CSR of (row, column) pairs with each row's columns sorted and distinct.</summary>
    private static (int[] Offsets, int[] Columns) PairsToCsr(int rowCount, int[] rows, int[] columns)
    {
        var offsets = new int[rowCount + 1];
        foreach (var row in rows)
        {
            offsets[row + 1]++;
        }

        for (var r = 0; r < rowCount; r++)
        {
            offsets[r + 1] += offsets[r];
        }

        var result = new int[rows.Length];
        var cursor = offsets.AsSpan(0, rowCount).ToArray();
        for (var i = 0; i < rows.Length; i++)
        {
            result[cursor[rows[i]]++] = columns[i];
        }

        var write = 0;
        for (var r = 0; r < rowCount; r++)
        {
            var start = offsets[r];
            var end = offsets[r + 1];
            offsets[r] = write;
            Array.Sort(result, start, end - start);
            for (var i = start; i < end; i++)
            {
                if (i + 1 < end && result[i + 1] == result[i])
                {
                    continue;
                }

                result[write++] = result[i];
            }
        }

        offsets[rowCount] = write;
        Array.Resize(ref result, write);
        return (offsets, result);
    }

    /// <summary>Folds a state's overlay into a new snapshot. Rows are already sorted and distinct, so this is two linear passes.</summary>
    public static GraphSnapshot FromState(GraphState state)
    {
        var n = state.MemberCount;
        var offsets = new int[n + 1];
        var upperOffsets = new int[n + 1];
        for (var u = 0; u < n; u++)
        {
            var row = state.Neighbours(u);
            var index = row.BinarySearch(u);
            var firstUpper = index >= 0 ? index + 1 : ~index;
            offsets[u + 1] = offsets[u] + row.Length;
            upperOffsets[u + 1] = upperOffsets[u] + (row.Length - firstUpper);
        }

        var neighbours = new int[offsets[n]];
        var strengths = new byte[upperOffsets[n]];
        var days = new ushort[upperOffsets[n]];
        Parallel.For(0, Environment.ProcessorCount, part =>
        {
            var parts = Environment.ProcessorCount;
            for (var u = part; u < n; u += parts)
            {
                var row = state.Adjacency(u);
                row.Neighbours.CopyTo(neighbours.AsSpan(offsets[u]));
                var upperCount = upperOffsets[u + 1] - upperOffsets[u];
                var slot = upperOffsets[u];
                for (var i = row.Length - upperCount; i < row.Length; i++, slot++)
                {
                    row.Read(i, out strengths[slot], out days[slot]);
                }
            }
        });

        var membershipOffsets = new int[n + 1];
        var membershipList = new List<MembershipRecord>();
        for (var u = 0; u < n; u++)
        {
            membershipList.AddRange(state.MembershipsOf(u));
            membershipOffsets[u + 1] = membershipList.Count;
        }

        var organisationOffsets = new int[state.OrganisationCount + 1];
        var organisationMembers = new List<int>();
        for (var o = 0; o < state.OrganisationCount; o++)
        {
            organisationMembers.AddRange(state.MembersOfOrganisation(o));
            organisationOffsets[o + 1] = organisationMembers.Count;
        }

        var groupOffsets = new int[n + 1];
        var groups = new List<int>();
        for (var u = 0; u < n; u++)
        {
            groups.AddRange(state.GroupsOf(u));
            groupOffsets[u + 1] = groups.Count;
        }

        var groupMemberOffsets = new int[state.GroupCount + 1];
        var groupMembers = new List<int>();
        for (var g = 0; g < state.GroupCount; g++)
        {
            groupMembers.AddRange(state.MembersOfGroup(g));
            groupMemberOffsets[g + 1] = groupMembers.Count;
        }

        return new GraphSnapshot(
            n, offsets, neighbours, upperOffsets, strengths, days,
            membershipOffsets, [.. membershipList], state.OrganisationCount, organisationOffsets, [.. organisationMembers],
            groupOffsets, [.. groups], state.GroupCount, groupMemberOffsets, [.. groupMembers]);
    }

    private sealed class MembershipOrder : IComparer<MembershipRecord>
    {
        public static readonly MembershipOrder Instance = new();

        public int Compare(MembershipRecord x, MembershipRecord y) =>
            x.Organisation != y.Organisation ? x.Organisation.CompareTo(y.Organisation) : x.StartDay.CompareTo(y.StartDay);
    }
}
