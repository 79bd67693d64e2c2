namespace Entregent.Graph.Synthetic;

/// <summary>Whether a synthetic organisation employs people or teaches them.</summary>
public enum SyntheticOrganisationKind : byte
{
    /// <summary>An employer: members hold dated positions there.</summary>
    Company = 0,

    /// <summary>A school or university: members hold education entries there.</summary>
    School = 1,
}

/// <summary>Why two synthetic members are connected; drives strength and the date the connection was made.</summary>
public enum SyntheticConnectionKind : byte
{
    /// <summary>Worked at the same organisation with overlapping dates; the strongest ties.</summary>
    Colleagues = 0,

    /// <summary>Worked at the same organisation at different times.</summary>
    FormerColleagues = 1,

    /// <summary>Studied at the same school, with overlapping or nearby years.</summary>
    Classmates = 2,

    /// <summary>Live in the same city, otherwise unrelated.</summary>
    SameCity = 3,

    /// <summary>Met anywhere else: conferences, friends of friends, online.</summary>
    Acquaintances = 4,

    /// <summary>One side is a hub (recruiter, public figure) who accepts nearly every invitation.</summary>
    HubFollower = 5,
}

/// <summary>A synthetic member: a dense index and the facts a demo seed needs to dress it up.</summary>
/// <param name="Index">Dense index in [0, member count); also the member's id in the graph.</param>
/// <param name="City">Index of the member's city in [0, <see cref="SyntheticNetwork.CityCount"/>).</param>
/// <param name="CareerStart">Date of the member's first position (or when it would have been).</param>
public readonly record struct SyntheticMember(int Index, int City, DateOnly CareerStart);

/// <summary>A synthetic company or school.</summary>
/// <param name="Index">Dense index in [0, organisation count).</param>
/// <param name="Kind">Company or school.</param>
/// <param name="City">Index of the city of its head office or campus.</param>
/// <param name="Industry">Index of its industry in [0, <see cref="SyntheticNetwork.IndustryCount"/>); schools get one too.</param>
/// <param name="Size">Distinct members who ever held a position (companies) or an education entry (schools) there.</param>
/// <param name="CurrentSize">Distinct members holding a current position there today (always 0 for schools).</param>
public readonly record struct SyntheticOrganisation(
    int Index, SyntheticOrganisationKind Kind, int City, int Industry, int Size, int CurrentSize);

/// <summary>A dated position of a member at a company. A member's positions never overlap.</summary>
/// <param name="Member">The member's index.</param>
/// <param name="Organisation">The company's index.</param>
/// <param name="Start">First day in the position.</param>
/// <param name="End">Last day in the position, or null while it is the member's current position.</param>
public readonly record struct SyntheticPosition(int Member, int Organisation, DateOnly Start, DateOnly? End)
{
    /// <summary>True while the member still holds this position.</summary>
    public bool IsCurrent => End is null;
}

/// <summary>An education entry: a member studied at a school between two years.</summary>
/// <param name="Member">The member's index.</param>
/// <param name="School">The school's organisation index.</param>
/// <param name="StartYear">First academic year.</param>
/// <param name="EndYear">Graduation year (after <paramref name="StartYear"/>).</param>
public readonly record struct SyntheticEducation(int Member, int School, int StartYear, int EndYear);

/// <summary>One undirected connection; <see cref="First"/> is always smaller than <see cref="Second"/>.</summary>
/// <param name="First">The smaller member index.</param>
/// <param name="Second">The larger member index.</param>
/// <param name="Strength">Relationship strength in [0, 1] (quantised to 1/255).</param>
/// <param name="CreatedOn">The day the connection was made; never after the network's reference date.</param>
/// <param name="Kind">Why the two are connected.</param>
public readonly record struct SyntheticConnection(
    int First, int Second, float Strength, DateOnly CreatedOn, SyntheticConnectionKind Kind);

/// <summary>A discussion group: a topic of one industry, optionally a local chapter in one city.</summary>
/// <param name="Index">Dense index in [0, group count).</param>
/// <param name="Industry">The industry its topic belongs to.</param>
/// <param name="City">The city of a local chapter, or null for a group open to all cities.</param>
/// <param name="Size">Number of members.</param>
public readonly record struct SyntheticGroup(int Index, int Industry, int? City, int Size);
