using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;

namespace Entregent.Web.Features.Search;

public enum TypeaheadKind
{
    Member = 0,
    Organization = 1,
    Skill = 2,
}

/// <summary>Suggestions as the member types in the search box: people (nearest first), organisations and skills.</summary>
public static class SearchTypeahead
{
    public const int TextMaxLength = 100;

    /// <summary>
    /// One suggestion. <c>Url</c> opens it (a profile, an organisation page, or a people search by skill); members carry
    /// their degree and photo, organisations and skills the number of members.
    /// </summary>
    public sealed record Suggestion(TypeaheadKind Kind, string Label, string? Detail, string Url, Entregent.Graph.Degree? Degree,
        string? PhotoUrl, int? MemberCount);

    public sealed record Result(string Q, IReadOnlyList<Suggestion> Items);

    public static Task<Outcome<Result>> ExecuteAsync(EntregentDb db, NetworkGraph network, SearchIndex index, long viewerId, string? q,
        CancellationToken cancellationToken) => throw new NotImplementedException();
}
