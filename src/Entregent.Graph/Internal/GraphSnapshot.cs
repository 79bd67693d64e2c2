namespace Entregent.Graph.Internal;

/// <summary>
/// An immutable compressed-sparse-row image of the graph. Connections are stored twice in <see cref="Neighbours"/>
/// (one entry per direction, each row sorted ascending so rows can be merge-intersected), but their strength and
/// creation day only once, at the entry of the smaller id: row u's entries with a neighbour greater than u are a
/// suffix of the row, and <see cref="UpperOffsets"/> numbers those suffixes consecutively. That is 8 + 1 + 2 = 11 bytes
/// per connection plus 8 bytes per member.
/// </summary>
internal sealed class GraphSnapshot
{
    public static readonly GraphSnapshot Empty = new(
        0, [0], [], [0], [], [], [0], [], 0, [0], [], [0], [], 0, [0], []);

    public GraphSnapshot(
        int memberCount,
        int[] offsets,
        int[] neighbours,
        int[] upperOffsets,
        byte[] strengths,
        ushort[] createdDays,
        int[] membershipOffsets,
        MembershipRecord[] memberships,
        int organisationCount,
        int[] organisationOffsets,
        int[] organisationMembers,
        int[] groupOffsets,
        int[] groups,
        int groupCount,
        int[] groupMemberOffsets,
        int[] groupMembers)
    {
        MemberCount = memberCount;
        Offsets = offsets;
        Neighbours = neighbours;
        UpperOffsets = upperOffsets;
        Strengths = strengths;
        CreatedDays = createdDays;
        MembershipOffsets = membershipOffsets;
        Memberships = memberships;
        OrganisationCount = organisationCount;
        OrganisationOffsets = organisationOffsets;
        OrganisationMembers = organisationMembers;
        GroupOffsets = groupOffsets;
        Groups = groups;
        GroupCount = groupCount;
        GroupMemberOffsets = groupMemberOffsets;
        GroupMembers = groupMembers;
    }

    public int MemberCount { get; }
    public int[] Offsets { get; }
    public int[] Neighbours { get; }
    public int[] UpperOffsets { get; }
    public byte[] Strengths { get; }
    public ushort[] CreatedDays { get; }
    public int[] MembershipOffsets { get; }
    public MembershipRecord[] Memberships { get; }
    public int OrganisationCount { get; }
    public int[] OrganisationOffsets { get; }
    public int[] OrganisationMembers { get; }
    public int[] GroupOffsets { get; }
    public int[] Groups { get; }
    public int GroupCount { get; }
    public int[] GroupMemberOffsets { get; }
    public int[] GroupMembers { get; }

    public long ConnectionCount => Strengths.LongLength;

    /// <summary>Bytes held by the connection arrays (the budget the benchmarks measure).</summary>
    public long ConnectionBytes =>
        (Offsets.LongLength * 4) + (Neighbours.LongLength * 4) + (UpperOffsets.LongLength * 4) + Strengths.LongLength + (CreatedDays.LongLength * 2);

    public ReadOnlySpan<int> Row(int member) =>
        (uint)member < (uint)MemberCount
            ? Neighbours.AsSpan(Offsets[member], Offsets[member + 1] - Offsets[member])
            : [];

    /// <summary>The slot (index into <see cref="Strengths"/>) of the <paramref name="index"/>-th entry of row <paramref name="member"/>.</summary>
    public int Slot(int member, int index)
    {
        var position = Offsets[member] + index;
        var other = Neighbours[position];
        if (other > member)
        {
            return UpperOffsets[member + 1] - (Offsets[member + 1] - position);
        }

        var start = Offsets[other];
        var j = Array.BinarySearch(Neighbours, start, Offsets[other + 1] - start, member);
        return UpperOffsets[other + 1] - (Offsets[other + 1] - j);
    }

    public ReadOnlySpan<MembershipRecord> MembershipsOf(int member) =>
        (uint)member < (uint)MemberCount
            ? Memberships.AsSpan(MembershipOffsets[member], MembershipOffsets[member + 1] - MembershipOffsets[member])
            : [];

    public ReadOnlySpan<int> MembersOfOrganisation(int organisation) =>
        (uint)organisation < (uint)OrganisationCount
            ? OrganisationMembers.AsSpan(OrganisationOffsets[organisation], OrganisationOffsets[organisation + 1] - OrganisationOffsets[organisation])
            : [];

    public ReadOnlySpan<int> GroupsOf(int member) =>
        (uint)member < (uint)MemberCount
            ? Groups.AsSpan(GroupOffsets[member], GroupOffsets[member + 1] - GroupOffsets[member])
            : [];

    public ReadOnlySpan<int> MembersOfGroup(int group) =>
        (uint)group < (uint)GroupCount
            ? GroupMembers.AsSpan(GroupMemberOffsets[group], GroupMemberOffsets[group + 1] - GroupMemberOffsets[group])
            : [];
}
