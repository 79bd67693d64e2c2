using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Search;

/// <summary>
/// Group search: groups whose name or description has every word, among those the viewer may know exist (unlisted and
/// internal groups are never revealed to outsiders); by relevance, ties largest first.
/// </summary>
public static class SearchGroups
{
    public const int PageSize = 20;

    /// <summary>The query-string parameters the API understands; anything else is refused.</summary>
    public static readonly IReadOnlySet<string> Parameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "q", "page" };

    public sealed record Request(string? Q = null, int? Page = null);

    /// <summary>A group found, as a list shows it.</summary>
    public sealed record GroupResult(string Slug, string Name, string? Description, GroupKind Kind, int MemberCount, bool IsInternal,
        string? OrganizationName);

    public sealed record Result(int Total, int Page, int PageSize, IReadOnlyList<GroupResult> Items);

    public static async Task<Outcome<Result>> ExecuteAsync(EntregentDb db, SearchIndex index, long viewerId, Request request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var text = SearchPeople.SearchText(errors, "q", request.Q, SearchPeople.TextMaxLength);
        var page = request.Page ?? 1;
        if (page is < 1 or > SearchPeople.MaxPage)
        {
            errors.Add("page", $"Pages go from 1 to {SearchPeople.MaxPage}; narrow the search to see further.");
        }
        if (!errors.Any && text is null)
        {
            errors.Add("q", "Type a word of the group's name or description.");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var viewer = await GroupViewer.LoadAsync(db, viewerId, cancellationToken);
        var matches = index.SearchGroups(viewer, text!, (page - 1) * PageSize, PageSize);
        var ids = matches.Hits.Select(h => h.Id).ToList();
        var rows = await db.Groups.AsNoTracking().Where(g => ids.Contains(g.Id))
            .Select(g => new
            {
                g.Id, g.Slug, g.Name, g.Description, g.Kind, g.MemberCount, g.IsInternal, g.OrganizationId,
            })
            .ToListAsync(cancellationToken);
        var organizationIds = rows.Where(r => r.OrganizationId is not null).Select(r => r.OrganizationId!.Value).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var byId = rows.ToDictionary(r => r.Id);
        // Re-checked against the store's current facts: a group made unlisted since the index saw it is not shown.
        var items = ids.Where(byId.ContainsKey).Select(id => byId[id])
            .Where(r => GroupAccess.CanSee(new GroupFacts(r.Id, r.Kind, r.OrganizationId, r.IsInternal), viewer))
            .Select(r => new GroupResult(r.Slug, r.Name, r.Description, r.Kind, r.MemberCount, r.IsInternal,
                r.OrganizationId is { } o ? organizations.GetValueOrDefault(o) : null))
            .ToList();
        return new Result(matches.Total, page, PageSize, items);
    }
}
