using System.Security.Claims;
using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;

namespace Entregent.Web.Features.Search;

public static class SearchEndpoints
{
    public static RouteGroupBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        var search = app.MapGroup("/api/v1/search").WithTags("Search").RequireAuthorization();
        search.MapGet("/people", async (HttpRequest http, string? q, string[]? organization, bool? current, string? title, string[]? skill, string? location,
                string[]? school, string? language, string[]? openTo, string[]? degree, int? page,
                EntregentDb db, NetworkGraph network, SearchIndex index, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        {
            // A misspelt filter would otherwise be ignored and the answer look complete.
            var unknown = http.Query.Keys.FirstOrDefault(key => !SearchPeople.Parameters.Contains(key));
            if (unknown is not null)
            {
                return Failure.Invalid(unknown, $"Unknown filter '{unknown}': use {string.Join(", ", SearchPeople.Parameters)}.").ToProblem();
            }
            return (await SearchPeople.ExecuteAsync(db, network, index, user.RequiredMemberId(),
                new SearchPeople.Request(q, organization, current, title, skill, location, school, language, openTo, degree, page), cancellationToken)).ToOk();
        })
            .Produces<SearchPeople.Result>().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("People search: text plus filters (organization, current, title, skill, location, school, language, openTo, degree 1|2|3), "
                + "ranked by relevance, closeness and strength, with facet counts; 20 a page");
        search.MapGet("/typeahead", async (string? q, EntregentDb db, NetworkGraph network, SearchIndex index, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await SearchTypeahead.ExecuteAsync(db, network, index, user.RequiredMemberId(), q, cancellationToken)).ToOk())
            .Produces<SearchTypeahead.Result>().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Suggestions while typing: members (nearest first), organisations and skills");
        return search;
    }
}
