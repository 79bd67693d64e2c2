using Entregent.Graph;
using Entregent.Web.Features.Profiles;

namespace Entregent.Web.Features.Search;

/// <summary>Which network degrees a people search keeps.</summary>
[Flags]
public enum DegreeFilter
{
    Any = 0,
    First = 1,
    Second = 2,

    /// <summary>3rd degree and beyond (everyone not 1st or 2nd).</summary>
    ThirdOrBeyond = 4,
}

/// <summary>
/// A people search as the index runs it: resolved ids, folded text. Every filter is optional; an empty query matches
/// every member the viewer may find. Built by <see cref="SearchPeople"/> from the API's parameters, and by asks and the
/// LDBC checks directly.
/// </summary>
public sealed record PeopleQuery
{
    /// <summary>Free text over names, headline, titles, organisations, skills, schools, location and summary.</summary>
    public string? Text { get; init; }

    /// <summary>
    /// When set, a match needs only half the words of <see cref="Text"/> (rounded up), not all: for a need told in a
    /// sentence ("someone who brews craft beer in Lyon"), where no profile has every word. More words found rank higher.
    /// </summary>
    public bool AnyWords { get; init; }

    /// <summary>Members at any of these organisations (current, or past too unless <see cref="CurrentOrganizationOnly"/>).</summary>
    public IReadOnlyList<long> OrganizationIds { get; init; } = [];
    public bool CurrentOrganizationOnly { get; init; }

    /// <summary>Words that must appear in a current position's title ("ingénieur" finds "ingénieure").</summary>
    public string? Title { get; init; }

    /// <summary>Members listing every one of these skills.</summary>
    public IReadOnlyList<long> SkillIds { get; init; } = [];

    /// <summary>Words that must appear in the profile's location ("lyon" finds "Lyon, France").</summary>
    public string? Location { get; init; }

    /// <summary>Members who studied at any of these schools.</summary>
    public IReadOnlyList<long> SchoolIds { get; init; } = [];

    /// <summary>A language the member lists (folded: "francais" finds "Français").</summary>
    public string? Language { get; init; }

    /// <summary>Members open to all of these.</summary>
    public OpenTo OpenTo { get; init; }

    /// <summary>Exact given name, folded (LDBC IC1: "friends with a given first name").</summary>
    public string? GivenName { get; init; }

    public DegreeFilter Degrees { get; init; }

    /// <summary>
    /// When set (1..3), only members within that many hops; their <see cref="PeopleMatch.Degree"/> is then exact,
    /// 3rd degree included. Asks and IC1 use 3.
    /// </summary>
    public int? MaxDistance { get; init; }
}

/// <summary>One member found: their store id, degree for the viewer (None = 3rd or beyond, unless the query set a
/// <see cref="PeopleQuery.MaxDistance"/>), and the combined score that ranked them.</summary>
public readonly record struct PeopleMatch(long MemberId, Degree Degree, double Score);

/// <summary>A facet value with its count among every match the viewer may see.</summary>
public sealed record FacetCount(string Value, string Label, int Count);

/// <summary>Counts per facet over all matches (before paging, after visibility).</summary>
public sealed record PeopleFacets(
    IReadOnlyList<FacetCount> Degree,
    IReadOnlyList<FacetCount> Organization,
    IReadOnlyList<FacetCount> Skill,
    IReadOnlyList<FacetCount> Location,
    IReadOnlyList<FacetCount> School,
    IReadOnlyList<FacetCount> Language,
    IReadOnlyList<FacetCount> OpenTo);

/// <summary>The page asked for, the total number of visible matches, and the facets when asked.</summary>
public sealed record PeopleMatches(int Total, IReadOnlyList<PeopleMatch> Hits, PeopleFacets? Facets);
