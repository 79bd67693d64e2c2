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
        search.MapGet("/posts", async (HttpRequest http, string? q, string? hashtag, int? page, EntregentDb db, NetworkGraph network, SearchIndex index,
                ClaimsPrincipal user, CancellationToken cancellationToken) =>
        {
            var unknown = http.Query.Keys.FirstOrDefault(key => !SearchPosts.Parameters.Contains(key));
            if (unknown is not null)
            {
                return Failure.Invalid(unknown, $"Unknown parameter '{unknown}': use {string.Join(", ", SearchPosts.Parameters)}.").ToProblem();
            }
            return (await SearchPosts.ExecuteAsync(db, network, index, user.RequiredMemberId(), new SearchPosts.Request(q, hashtag, page),
                cancellationToken)).ToOk();
        })
            .Produces<SearchPosts.Result>().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Post search: words (title, text, hashtags) and/or a hashtag, among the posts you may read; by relevance, ties newest first; 20 a page");
        search.MapGet("/groups", async (HttpRequest http, string? q, int? page, EntregentDb db, SearchIndex index, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
        {
            var unknown = http.Query.Keys.FirstOrDefault(key => !SearchGroups.Parameters.Contains(key));
            if (unknown is not null)
            {
                return Failure.Invalid(unknown, $"Unknown parameter '{unknown}': use {string.Join(", ", SearchGroups.Parameters)}.").ToProblem();
            }
            return (await SearchGroups.ExecuteAsync(db, index, user.RequiredMemberId(), new SearchGroups.Request(q, page), cancellationToken)).ToOk();
        })
            .Produces<SearchGroups.Result>().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Group search: words of the name or description, among the groups you may know exist; 20 a page");
        search.MapGet("/typeahead", async (string? q, EntregentDb db, NetworkGraph network, SearchIndex index, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await SearchTypeahead.ExecuteAsync(db, network, index, user.RequiredMemberId(), q, cancellationToken)).ToOk())
            .Produces<SearchTypeahead.Result>().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Suggestions while typing: members (nearest first), organisations and skills");
        return search;
    }
}
