using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Posts;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;

namespace Entregent.Web.Features.Search;

/// <summary>
/// Post search: published posts and articles matching every word (title, text, hashtags), and a hashtag when asked,
/// among those the viewer may read; by relevance, ties newest first.
/// </summary>
public static class SearchPosts
{
    public const int PageSize = 20;

    /// <summary>The query-string parameters the API understands; anything else is refused.</summary>
    public static readonly IReadOnlySet<string> Parameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "q", "hashtag", "page" };

    public sealed record Request(string? Q = null, string? Hashtag = null, int? Page = null);

    public sealed record Result(int Total, int Page, int PageSize, IReadOnlyList<PostView> Items);

    public static async Task<Outcome<Result>> ExecuteAsync(EntregentDb db, NetworkGraph network, SearchIndex index, long viewerId, Request request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var text = SearchPeople.SearchText(errors, "q", request.Q, SearchPeople.TextMaxLength);
        var hashtag = SearchPeople.SearchText(errors, "hashtag", request.Hashtag, PostHashtag.TagMaxLength);
        // Folded as posts' hashtags are stored ("#Énergie" → "energie", underscores kept).
        var tag = hashtag is null ? null : MarkdownRenderer.FoldHashtag(hashtag);
        if (hashtag is not null && tag is null)
        {
            errors.Add("hashtag", "A hashtag is made of letters and digits.");
        }
        var page = request.Page ?? 1;
        if (page is < 1 or > SearchPeople.MaxPage)
        {
            errors.Add("page", $"Pages go from 1 to {SearchPeople.MaxPage}; narrow the search to see further.");
        }
        if (!errors.Any && text is null && tag is null)
        {
            errors.Add("q", "Type some words or a hashtag.");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        // One viewer for the whole query: every match is decided against the same memberships and graph.
        var viewer = new PostViewer(viewerId, network, await GroupViewer.LoadAsync(db, viewerId, cancellationToken));
        var matches = index.SearchPosts(viewer, text, tag, (page - 1) * PageSize, PageSize);
        var items = await PostViews.ListAsync(db, network, viewerId, [.. matches.Hits.Select(h => h.Id)], cancellationToken);
        return new Result(matches.Total, page, PageSize, items);
    }
}
