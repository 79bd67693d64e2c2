using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;

namespace Entregent.Web.Features.Search;

/// <summary>
/// "Do you know someone with this profile?": free text plus filters, ranked by relevance, closeness and relationship
/// strength; each result with its degree and mutual count, and facet counts over every visible match.
/// </summary>
public static class SearchPeople
{
    public const int TextMaxLength = 200;
    public const int PageSize = 20;
    public const int MaxPage = 50;

    /// <summary>
    /// The API's parameters as given: organisation and school by slug (repeatable), skills by name (repeatable),
    /// degree as 1, 2 or 3 (3 = 3rd and beyond, repeatable), openTo as newRole, hiring, business or introductions.
    /// </summary>
    public sealed record Request(
        string? Q = null,
        IReadOnlyList<string>? Organization = null,
        bool? Current = null,
        string? Title = null,
        IReadOnlyList<string>? Skill = null,
        string? Location = null,
        IReadOnlyList<string>? School = null,
        string? Language = null,
        IReadOnlyList<string>? OpenTo = null,
        IReadOnlyList<string>? Degree = null,
        int? Page = null);

    /// <summary>One result: the member's card (with degree and mutual count) and where they work now.</summary>
    public sealed record PersonResult(MemberCard Member, string? CurrentTitle, string? CurrentOrganization, string? Location);

    public sealed record Result(int Total, int Page, int PageSize, IReadOnlyList<PersonResult> Members, PeopleFacets Facets);

    public static Task<Outcome<Result>> ExecuteAsync(EntregentDb db, NetworkGraph network, SearchIndex index, long viewerId, Request request,
        CancellationToken cancellationToken) => throw new NotImplementedException();
}
