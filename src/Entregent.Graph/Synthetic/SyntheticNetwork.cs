namespace Entregent.Graph.Synthetic;

/// <summary>
/// A generated professional network, as plain data independent of the graph's internals: members in cities,
/// companies and schools, dated careers and education, groups, and connections whose degrees are heavy-tailed and
/// clustered by organisation and city, with a few hubs. Used by tests, benchmarks and the demo seed (which
/// attaches names itself from <see cref="SyntheticMember.City"/>, positions and skills).
/// </summary>
public sealed class SyntheticNetwork
{
    /// <summary>Number of industries that organisations and skills are grouped by.</summary>
    public const int IndustryCount = 20;

    /// <summary>Skills per industry band; skill <c>s</c> belongs to industry <c>s / SkillsPerIndustry</c> when
    /// below <c>IndustryCount * SkillsPerIndustry</c>, and is a general skill otherwise.</summary>
    public const int SkillsPerIndustry = 12;

    /// <summary>Number of distinct skills: industry bands first, then 60 general skills.</summary>
    public const int SkillCount = (IndustryCount * SkillsPerIndustry) + 60;

    private readonly SyntheticPosition[] _positions;
    private readonly int[] _positionOffsets;
    private readonly SyntheticEducation[] _education;
    private readonly int[] _educationOffsets;
    private readonly int[] _skills;
    private readonly int[] _skillOffsets;
    private readonly int[] _groupMemberships;
    private readonly int[] _groupOffsets;

    internal SyntheticNetwork(
        DateOnly referenceDate,
        ulong seed,
        int cityCount,
        SyntheticMember[] members,
        SyntheticOrganisation[] organisations,
        SyntheticPosition[] positions,
        int[] positionOffsets,
        SyntheticEducation[] education,
        int[] educationOffsets,
        int[] skills,
        int[] skillOffsets,
        SyntheticGroup[] groups,
        int[] groupMemberships,
        int[] groupOffsets,
        int[] hubs,
        SyntheticConnections connections)
    {
        ReferenceDate = referenceDate;
        Seed = seed;
        CityCount = cityCount;
        Members = members;
        Organisations = organisations;
        _positions = positions;
        _positionOffsets = positionOffsets;
        _education = education;
        _educationOffsets = educationOffsets;
        _skills = skills;
        _skillOffsets = skillOffsets;
        Groups = groups;
        _groupMemberships = groupMemberships;
        _groupOffsets = groupOffsets;
        Hubs = hubs;
        Connections = connections;
    }

    /// <summary>
    /// Generates a network. Deterministic: the same options (seed and reference date included) give the same
    /// network on any runtime. Cost O(members + connections · log members) time; about 40 bytes per
    /// connection at peak while deduplicating, 17 bytes per connection kept. 1 M members with
    /// <see cref="SyntheticNetworkOptions.AverageDegree"/> 100 take about a minute on two cores.
    /// </summary>
    /// <param name="options">Size and shape; see <see cref="SyntheticNetworkOptions"/> for the defaults.</param>
    /// <param name="timeProvider">Supplies today's date when <see cref="SyntheticNetworkOptions.ReferenceDate"/>
    /// is null; default <see cref="TimeProvider.System"/>.</param>
    /// <returns>The generated network.</returns>
    public static SyntheticNetwork Generate(SyntheticNetworkOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var today = options.ReferenceDate
            ?? DateOnly.FromDateTime((timeProvider ?? TimeProvider.System).GetUtcNow().UtcDateTime);
        return new SyntheticNetworkGenerator(options, today).Generate();
    }

    /// <summary>The "today" of the network: every date is on or before it.</summary>
    public DateOnly ReferenceDate { get; }

    /// <summary>The seed it was generated from.</summary>
    public ulong Seed { get; }

    /// <summary>Number of cities; city indices are in [0, CityCount), 0 the most populous.</summary>
    public int CityCount { get; }

    /// <summary>Members by index.</summary>
    public IReadOnlyList<SyntheticMember> Members { get; }

    /// <summary>Companies then schools, by index.</summary>
    public IReadOnlyList<SyntheticOrganisation> Organisations { get; }

    /// <summary>Every position, grouped by member and in date order within a member.</summary>
    public ReadOnlySpan<SyntheticPosition> Positions => _positions;

    /// <summary>Every education entry, grouped by member.</summary>
    public ReadOnlySpan<SyntheticEducation> Education => _education;

    /// <summary>Groups by index.</summary>
    public IReadOnlyList<SyntheticGroup> Groups { get; }

    /// <summary>Indices of the hub members (thousands of connections each on large networks).</summary>
    public IReadOnlyList<int> Hubs { get; }

    /// <summary>The connections.</summary>
    public SyntheticConnections Connections { get; }

    /// <summary>A member's positions in date order (1 to 5, the last possibly current). O(1).</summary>
    /// <param name="member">The member's index.</param>
    public ReadOnlySpan<SyntheticPosition> PositionsOf(int member) =>
        _positions.AsSpan(_positionOffsets[member], _positionOffsets[member + 1] - _positionOffsets[member]);

    /// <summary>A member's education entries (0 to 2), oldest first. O(1).</summary>
    /// <param name="member">The member's index.</param>
    public ReadOnlySpan<SyntheticEducation> EducationOf(int member) =>
        _education.AsSpan(_educationOffsets[member], _educationOffsets[member + 1] - _educationOffsets[member]);

    /// <summary>A member's skill indices in [0, <see cref="SkillCount"/>), 3 to 8 distinct ones. O(1).</summary>
    /// <param name="member">The member's index.</param>
    public ReadOnlySpan<int> SkillsOf(int member) =>
        _skills.AsSpan(_skillOffsets[member], _skillOffsets[member + 1] - _skillOffsets[member]);

    /// <summary>The groups a member belongs to, ascending, 0 to 4 of them. O(1).</summary>
    /// <param name="member">The member's index.</param>
    public ReadOnlySpan<int> GroupsOf(int member) =>
        _groupMemberships.AsSpan(_groupOffsets[member], _groupOffsets[member + 1] - _groupOffsets[member]);
}
