namespace Entregent.Graph;

/// <summary>What a <see cref="GraphChange"/> does.</summary>
public enum GraphChangeKind
{
    /// <summary>Makes sure the member id exists (grows the member count); no other effect.</summary>
    AddMember,

    /// <summary>Connects two members; an existing connection gets the new strength and creation time.</summary>
    Connect,

    /// <summary>Removes the connection between two members; no effect when there is none.</summary>
    Disconnect,

    /// <summary>Sets the strength of an existing connection; no effect when there is none.</summary>
    SetStrength,

    /// <summary>Adds a dated organisation membership; one with the same organisation and start day is replaced.</summary>
    AddMembership,

    /// <summary>Removes the membership with the given organisation and start day, or all of them when no start is given.</summary>
    RemoveMembership,

    /// <summary>Adds the member to a group; no effect when already in it.</summary>
    JoinGroup,

    /// <summary>Removes the member from a group; no effect when not in it.</summary>
    LeaveGroup,

    /// <summary>Blocks the pair (symmetric): neither sees the other in any answer computed for them.</summary>
    Block,

    /// <summary>Lifts a block on the pair; no effect when there is none.</summary>
    Unblock,

    /// <summary>Hides the member from every answer (results and intermediaries) for every viewer.</summary>
    Hide,

    /// <summary>Makes a hidden member visible again.</summary>
    Unhide,

    /// <summary>
    /// The member hides their connection list: for a viewer, a connection of theirs is visible only when the viewer is
    /// one of its ends or its other end is a visible connection of the viewer. No effect when already hidden.
    /// </summary>
    HideConnectionList,

    /// <summary>The member shows their connection list again; no effect when it is not hidden.</summary>
    ShowConnectionList,
}

/// <summary>
/// One change to the graph, applied in a batch by <see cref="SocialGraph.Apply(IEnumerable{GraphChange})"/>.
/// Create it with the static factory methods; <see cref="Other"/> is the second member, the organisation or the group
/// depending on <see cref="Kind"/>.
/// </summary>
public readonly record struct GraphChange
{
    /// <summary>What the change does.</summary>
    public GraphChangeKind Kind { get; init; }

    /// <summary>The member the change is about (dense id, ≥ 0).</summary>
    public int Member { get; init; }

    /// <summary>The other member, organisation or group (dense id, ≥ 0); unused for member-only kinds.</summary>
    public int Other { get; init; }

    /// <summary>Connection strength in 0..1 (values outside are clamped), for <see cref="GraphChangeKind.Connect"/> and <see cref="GraphChangeKind.SetStrength"/>.</summary>
    public float Strength { get; init; }

    /// <summary>When the connection was made, for <see cref="GraphChangeKind.Connect"/>; kept at day resolution.</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>Membership start day; for <see cref="GraphChangeKind.RemoveMembership"/>, <see langword="null"/> means every membership of the organisation.</summary>
    public DateOnly? Start { get; init; }

    /// <summary>Membership end day, <see langword="null"/> while current.</summary>
    public DateOnly? End { get; init; }

    /// <summary>Makes sure <paramref name="member"/> exists. O(1).</summary>
    /// <param name="member">Dense member id.</param>
    /// <returns>The change.</returns>
    public static GraphChange AddMember(int member) => new() { Kind = GraphChangeKind.AddMember, Member = member };

    /// <summary>Connects two distinct members (or updates the existing connection). O(1).</summary>
    /// <param name="a">One member.</param>
    /// <param name="b">The other member.</param>
    /// <param name="strength">Strength in 0..1.</param>
    /// <param name="createdAt">When the connection was made.</param>
    /// <returns>The change.</returns>
    public static GraphChange Connect(int a, int b, float strength, DateTimeOffset createdAt) =>
        new() { Kind = GraphChangeKind.Connect, Member = a, Other = b, Strength = strength, Time = createdAt };

    /// <summary>Removes the connection between two members. O(1).</summary>
    /// <param name="a">One member.</param>
    /// <param name="b">The other member.</param>
    /// <returns>The change.</returns>
    public static GraphChange Disconnect(int a, int b) => new() { Kind = GraphChangeKind.Disconnect, Member = a, Other = b };

    /// <summary>Sets the strength of an existing connection. O(1).</summary>
    /// <param name="a">One member.</param>
    /// <param name="b">The other member.</param>
    /// <param name="strength">Strength in 0..1.</param>
    /// <returns>The change.</returns>
    public static GraphChange SetStrength(int a, int b, float strength) =>
        new() { Kind = GraphChangeKind.SetStrength, Member = a, Other = b, Strength = strength };

    /// <summary>Adds a dated membership of an organisation. O(1).</summary>
    /// <param name="member">The member.</param>
    /// <param name="organisation">The organisation (dense id).</param>
    /// <param name="start">First day.</param>
    /// <param name="end">Last day, or <see langword="null"/> while current.</param>
    /// <returns>The change.</returns>
    public static GraphChange AddMembership(int member, int organisation, DateOnly start, DateOnly? end) =>
        new() { Kind = GraphChangeKind.AddMembership, Member = member, Other = organisation, Start = start, End = end };

    /// <summary>Removes a membership (the one starting on <paramref name="start"/>, or all of them for the organisation). O(1).</summary>
    /// <param name="member">The member.</param>
    /// <param name="organisation">The organisation.</param>
    /// <param name="start">Start day of the membership to remove; <see langword="null"/> removes all.</param>
    /// <returns>The change.</returns>
    public static GraphChange RemoveMembership(int member, int organisation, DateOnly? start = null) =>
        new() { Kind = GraphChangeKind.RemoveMembership, Member = member, Other = organisation, Start = start };

    /// <summary>Adds a member to a group. O(1).</summary>
    /// <param name="member">The member.</param>
    /// <param name="group">The group (dense id).</param>
    /// <returns>The change.</returns>
    public static GraphChange JoinGroup(int member, int group) => new() { Kind = GraphChangeKind.JoinGroup, Member = member, Other = group };

    /// <summary>Removes a member from a group. O(1).</summary>
    /// <param name="member">The member.</param>
    /// <param name="group">The group.</param>
    /// <returns>The change.</returns>
    public static GraphChange LeaveGroup(int member, int group) => new() { Kind = GraphChangeKind.LeaveGroup, Member = member, Other = group };

    /// <summary>Blocks a pair of members (symmetric). O(1).</summary>
    /// <param name="member">The member who blocks.</param>
    /// <param name="blocked">The blocked member.</param>
    /// <returns>The change.</returns>
    public static GraphChange Block(int member, int blocked) => new() { Kind = GraphChangeKind.Block, Member = member, Other = blocked };

    /// <summary>Lifts the block on a pair. O(1).</summary>
    /// <param name="member">One member.</param>
    /// <param name="blocked">The other member.</param>
    /// <returns>The change.</returns>
    public static GraphChange Unblock(int member, int blocked) => new() { Kind = GraphChangeKind.Unblock, Member = member, Other = blocked };

    /// <summary>Hides a member from every answer. O(1).</summary>
    /// <param name="member">The member.</param>
    /// <returns>The change.</returns>
    public static GraphChange Hide(int member) => new() { Kind = GraphChangeKind.Hide, Member = member };

    /// <summary>Makes a hidden member visible again. O(1).</summary>
    /// <param name="member">The member.</param>
    /// <returns>The change.</returns>
    public static GraphChange Unhide(int member) => new() { Kind = GraphChangeKind.Unhide, Member = member };

    /// <summary>
    /// Hides a member's connection list (see <see cref="GraphChangeKind.HideConnectionList"/>); the member stays visible. O(1).
    /// </summary>
    /// <param name="member">The member.</param>
    /// <returns>The change.</returns>
    public static GraphChange HideConnectionList(int member) => new() { Kind = GraphChangeKind.HideConnectionList, Member = member };

    /// <summary>Shows a member's connection list again. O(1).</summary>
    /// <param name="member">The member.</param>
    /// <returns>The change.</returns>
    public static GraphChange ShowConnectionList(int member) => new() { Kind = GraphChangeKind.ShowConnectionList, Member = member };
}
