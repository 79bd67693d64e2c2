namespace Entregent.Graph;

/// <summary>One side of a connection as seen from a member: the other member, its strength and when it was made.</summary>
/// <param name="Member">The connected member (dense id).</param>
/// <param name="Strength">Relationship strength in 0..1, quantised to steps of 1/255.</param>
/// <param name="CreatedAt">When the connection was made, at day resolution (UTC midnight).</param>
public readonly record struct Connection(int Member, float Strength, DateTimeOffset CreatedAt);

/// <summary>One edge of a path, oriented from the viewer towards the target, so a UI can explain the path.</summary>
/// <param name="From">The member nearer the start of the path.</param>
/// <param name="To">The member nearer the end of the path.</param>
/// <param name="Strength">Relationship strength of the connection in 0..1.</param>
/// <param name="CreatedAt">When the connection was made, at day resolution (UTC midnight).</param>
public readonly record struct PathEdge(int From, int To, float Strength, DateTimeOffset CreatedAt);

/// <summary>A simple path between two members with its edges and its ranking weight.</summary>
/// <param name="Members">The members along the path, start first; a path of length 0 holds one member.</param>
/// <param name="Edges">The <c>Members.Count - 1</c> edges, in path order.</param>
/// <param name="Weight">The ranking weight (higher is better); see the query that produced the path.</param>
public sealed record GraphPath(IReadOnlyList<int> Members, IReadOnlyList<PathEdge> Edges, double Weight)
{
    /// <summary>Number of edges (hops) on the path. O(1).</summary>
    public int Length => Edges.Count;
}

/// <summary>A member connected to both the viewer and the other member.</summary>
/// <param name="Member">The mutual connection.</param>
/// <param name="ViewerStrength">Strength of the connection between the viewer and <paramref name="Member"/>.</param>
/// <param name="OtherStrength">Strength of the connection between <paramref name="Member"/> and the other member.</param>
public readonly record struct MutualConnection(int Member, float ViewerStrength, float OtherStrength)
{
    /// <summary>Product of both strengths: how good an introducer this member is. Mutuals are sorted by it. O(1).</summary>
    public double Score => (double)ViewerStrength * OtherStrength;
}

/// <summary>A member of a searched set found near the viewer ("who do I know at X").</summary>
/// <param name="Member">The member of the searched set.</param>
/// <param name="Distance">Hops from the viewer: 1, 2 or 3.</param>
/// <param name="Strength">Best product of strengths over the shortest paths from the viewer to the member.</param>
/// <param name="Intermediaries">
/// The viewer's own connections through which a shortest path leads to the member, best path first (empty at distance 1).
/// These are the people the viewer can ask for an introduction.
/// </param>
public sealed record ReachResult(int Member, int Distance, double Strength, IReadOnlyList<int> Intermediaries);

/// <summary>A member within a few hops of the viewer.</summary>
/// <param name="Member">The member.</param>
/// <param name="Distance">Hops from the viewer (1..3).</param>
public readonly record struct NeighbourhoodMember(int Member, int Distance);

/// <summary>A suggested connection with the evidence that ranked it.</summary>
/// <param name="Member">The suggested member.</param>
/// <param name="Score">Weighted sum of the evidence; see <see cref="SuggestionOptions"/>.</param>
/// <param name="CommonConnections">Connections shared with the viewer.</param>
/// <param name="SharedOrganisations">Organisations both belonged to with overlapping dates.</param>
/// <param name="SharedGroups">Groups both belong to.</param>
public readonly record struct Suggestion(int Member, double Score, int CommonConnections, int SharedOrganisations, int SharedGroups);

/// <summary>A member's membership of an organisation (employment, school), with dates.</summary>
/// <param name="Organisation">The organisation (dense id).</param>
/// <param name="Start">First day of the membership.</param>
/// <param name="End">Last day of the membership, or <see langword="null"/> while it is current.</param>
public readonly record struct OrganisationMembership(int Organisation, DateOnly Start, DateOnly? End)
{
    /// <summary>Whether the membership covers <paramref name="day"/> (start and end inclusive). O(1).</summary>
    /// <param name="day">The day to test.</param>
    /// <returns><see langword="true"/> when <c>Start ≤ day</c> and the end is open or <c>≥ day</c>.</returns>
    public bool IsCurrentOn(DateOnly day) => Start <= day && (End is null || End.Value >= day);
}
