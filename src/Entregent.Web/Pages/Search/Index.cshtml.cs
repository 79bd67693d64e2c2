using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Features.Search;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Search;

/// <summary>
/// People search: the same use case as <c>GET /api/v1/search/people</c>, driven by a GET form so that every search is
/// a link (shareable, bookmarkable, and the back button undoes a filter). The query string uses the API's parameter
/// names, except the page number, which is <c>p</c>: Razor Pages keeps <c>page</c> for itself as a route value.
/// </summary>
[Authorize]
public sealed class IndexModel(EntregentDb db, NetworkGraph network, SearchIndex index, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>The tab: people (default), "posts" or "groups".</summary>
    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Type { get; set; }

    /// <summary>Posts tab: only posts with this hashtag.</summary>
    [BindProperty(SupportsGet = true, Name = "hashtag")]
    public string? Hashtag { get; set; }

    public SearchPosts.Result? Posts { get; private set; }

    public SearchGroups.Result? Groups { get; private set; }

    /// <summary>"people", "posts" or "groups".</summary>
    public string Tab => Type?.Trim().ToLowerInvariant() is "posts" or "groups" ? Type.Trim().ToLowerInvariant() : "people";

    /// <summary>The same words on another tab.</summary>
    public string TabLink(string tab)
    {
        var query = new QueryBuilder();
        if (Trimmed(Q) is { } q)
        {
            query.Add("q", q);
        }
        if (tab != "people")
        {
            query.Add("type", tab);
        }
        return "/search" + query.ToQueryString();
    }

    /// <summary>This people search as a saved search keeps it: the query string without the page.</summary>
    public string SavedQuery
    {
        get
        {
            var query = new QueryBuilder();
            foreach (var (parameter, value) in Pairs().Where(p => p.Parameter != "p"))
            {
                query.Add(parameter, value);
            }
            return query.ToQueryString().ToUriComponent().TrimStart('?');
        }
    }

    /// <summary>"Save this search": a saved search (a watch) of the current people search, then its page.</summary>
    public async Task<IActionResult> OnPostSaveAsync([FromForm(Name = "query")] string? query, CancellationToken cancellationToken)
    {
        var name = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery("?" + (query ?? "")).TryGetValue("q", out var words) && words.ToString().Length > 0
            ? words.ToString()
            : t["People search"].Value;
        if (name.Length > Features.Watches.Watch.NameMaxLength)
        {
            name = name[..Features.Watches.Watch.NameMaxLength];
        }
        var outcome = await Features.Watches.SaveWatch.CreateAsync(db, time, User.RequiredMemberId(),
            new Features.Watches.SaveWatch.Request("savedSearch", name, Query: query), cancellationToken);
        if (!outcome.Succeeded)
        {
            TempData["Notice"] = outcome.Failure!.Errors?.Values.SelectMany(v => v).FirstOrDefault() ?? outcome.Failure.Detail;
            return LocalRedirect("/search?" + (query ?? ""));
        }
        TempData["Notice"] = t["Search saved: new people matching it will come as notifications."].Value;
        return LocalRedirect($"/watches/{outcome.Value!.Id}");
    }

    /// <summary>Filters without a text box of their own: their errors go to the summary at the top, without a link.</summary>
    private static readonly string[] FieldsWithoutInput = ["organization", "current", "skill", "school", "language", "openTo", "degree", "page"];

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "organization")]
    public List<string> Organization { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "current")]
    public bool? Current { get; set; }

    [BindProperty(SupportsGet = true, Name = "title")]
    public string? Title { get; set; }

    [BindProperty(SupportsGet = true, Name = "skill")]
    public List<string> Skill { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "location")]
    public string? Location { get; set; }

    [BindProperty(SupportsGet = true, Name = "school")]
    public List<string> School { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "language")]
    public string? Language { get; set; }

    [BindProperty(SupportsGet = true, Name = "openTo")]
    public List<string> OpenTo { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "degree")]
    public List<string> Degree { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Null when the use case refused the search (the errors are in ModelState).</summary>
    public SearchPeople.Result? Result { get; private set; }

    public bool HasFilters => ActiveFilters().Any();

    /// <summary>Nothing asked yet (the page opened from a link): an invitation to search rather than an error.</summary>
    public bool Blank => !Pairs().Any(p => p.Parameter != "p");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Tab != "people")
        {
            return await OnGetContentAsync(cancellationToken);
        }
        if (Blank)
        {
            return Page();
        }
        var request = new SearchPeople.Request(Trimmed(Q), Organization, Current == true ? true : null, Trimmed(Title), Skill, Trimmed(Location), School,
            Trimmed(Language), OpenTo, Degree, PageNumber);
        var outcome = await SearchPeople.ExecuteAsync(db, network, index, User.RequiredMemberId(), request, cancellationToken);
        if (outcome.Succeeded)
        {
            Result = outcome.Value;
        }
        else
        {
            ModelState.AddFailure(outcome.Failure!, t, prefix: "", hiddenFields: FieldsWithoutInput);
        }
        return Page();
    }

    private async Task<IActionResult> OnGetContentAsync(CancellationToken cancellationToken)
    {
        if (Trimmed(Q) is null && Trimmed(Hashtag) is null)
        {
            return Page();
        }
        var viewerId = User.RequiredMemberId();
        Infrastructure.Failure? failure;
        if (Tab == "posts")
        {
            var outcome = await SearchPosts.ExecuteAsync(db, network, index, viewerId, new SearchPosts.Request(Trimmed(Q), Trimmed(Hashtag), PageNumber), cancellationToken);
            Posts = outcome.Value;
            failure = outcome.Failure;
        }
        else
        {
            var outcome = await SearchGroups.ExecuteAsync(db, index, viewerId, new SearchGroups.Request(Trimmed(Q), PageNumber), cancellationToken);
            Groups = outcome.Value;
            failure = outcome.Failure;
        }
        if (failure is not null)
        {
            ModelState.AddFailure(failure, t, prefix: "", hiddenFields: ["page", "hashtag"]);
        }
        return Page();
    }

    /// <summary>A page of post or group results, with this tab's words.</summary>
    public PagerView ContentPager(string label, int total, int page, int pageSize)
    {
        var reachable = Math.Min(total, SearchPeople.MaxPage * pageSize);
        return new PagerView(page, pageSize, reachable, p =>
        {
            var query = new QueryBuilder();
            if (Trimmed(Q) is { } q)
            {
                query.Add("q", q);
            }
            if (Trimmed(Hashtag) is { } hashtag)
            {
                query.Add("hashtag", hashtag);
            }
            query.Add("type", Tab);
            if (p > 1)
            {
                query.Add("p", PagerView.Number(p));
            }
            return "/search" + query.ToQueryString();
        }, label);
    }

    /// <summary>
    /// The messages for one text box ("q", "title", "location"), shown beside it as well as in the summary. ModelState's
    /// keys ignore case, so a failure's "Q" joins the bound "q" entry and the summary links to the box whose id is "q".
    /// </summary>
    public IReadOnlyList<string> ErrorsFor(string field) =>
        ModelState.TryGetValue(Forms.KeyFor("", field), out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];

    /// <summary>The values of a facet as shown: the selected ones first (even when no match has them any more), then the rest by count.</summary>
    public IReadOnlyList<FacetItem> Facet(string parameter, IReadOnlyList<FacetCount> counts, Func<FacetCount, string>? label = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var selected = Selected(parameter);
        var max = counts.Count == 0 ? 0 : counts.Max(c => c.Count);
        FacetItem Item(FacetCount count)
        {
            var isSelected = selected.Contains(count.Value, StringComparer.OrdinalIgnoreCase);
            return new FacetItem(parameter, count.Value, label?.Invoke(count) ?? count.Label, count.Count, isSelected, BarStep(count.Count, max),
                isSelected ? Link(remove: (parameter, count.Value)) : Link(set: (parameter, count.Value)));
        }
        var items = counts.Select(Item).ToList();
        var missing = selected.Where(v => !items.Any(i => string.Equals(i.Value, v, StringComparison.OrdinalIgnoreCase)))
            .Select(v => Item(new FacetCount(v, v, 0)));
        return [.. missing, .. items.Where(i => i.Selected), .. items.Where(i => !i.Selected)];
    }

    /// <summary>"1st", "2nd", "3rd+" for the degree facet's 1, 2 and 3.</summary>
    public string DegreeLabel(FacetCount count)
    {
        ArgumentNullException.ThrowIfNull(count);
        return count.Value switch
        {
            "1" => t["1st"],
            "2" => t["2nd"],
            "3" => t["3rd+"],
            _ => count.Label,
        };
    }

    public string OpenToLabel(FacetCount count)
    {
        ArgumentNullException.ThrowIfNull(count);
        return Enum.TryParse<OpenTo>(count.Value, ignoreCase: true, out var value) && value != Features.Profiles.OpenTo.None
            ? Display.OpenTo(t, value)
            : count.Label;
    }

    /// <summary>
    /// Every filter in force, each with the link that removes it ("Acme ×"). Labels come from the facets when they
    /// list the value (an organisation's name rather than its slug).
    /// </summary>
    public IEnumerable<(string Label, string RemoveLink)> ActiveFilters()
    {
        var facets = Result?.Facets;
        foreach (var (parameter, value) in Pairs())
        {
            if (parameter is "q" or "p")
            {
                continue;
            }
            var label = parameter switch
            {
                "organization" => LabelIn(facets?.Organization, value),
                "skill" => LabelIn(facets?.Skill, value),
                "school" => LabelIn(facets?.School, value),
                "openTo" => OpenToLabel(new FacetCount(value, value, 0)),
                "degree" => DegreeLabel(new FacetCount(value, value, 0)),
                "current" => t["Current organisation only"],
                "title" => t["Title: {0}", value],
                "location" => t["Location: {0}", value],
                "language" => t["Language: {0}", value],
                _ => value,
            };
            yield return (label, Link(remove: (parameter, value)));
        }
    }

    /// <summary>This search with one filter value taken away (<paramref name="remove"/>), one set (<paramref name="set"/>, replacing a
    /// single-valued filter), or another page; any change of filter goes back to page 1.</summary>
    public string Link((string Parameter, string Value)? remove = null, (string Parameter, string Value)? set = null, int? page = null)
    {
        var query = new QueryBuilder();
        foreach (var (parameter, value) in Pairs())
        {
            if (parameter == "p"
                || (remove is { } r && r.Parameter == parameter && string.Equals(r.Value, value, StringComparison.OrdinalIgnoreCase))
                || (set is { } s && s.Parameter == parameter))
            {
                continue;
            }
            query.Add(parameter, value);
        }
        if (set is { } added)
        {
            query.Add(added.Parameter, added.Value);
        }
        if (page is > 1)
        {
            query.Add("p", PagerView.Number(page.Value));
        }
        return "/search" + query.ToQueryString();
    }

    /// <summary>The same words without any filter.</summary>
    public string ClearFiltersLink => "/search" + (Trimmed(Q) is { } q ? QueryString.Create("q", q).ToUriComponent() : "");

    public PagerView Pager(string label)
    {
        // The use case serves at most MaxPage pages; the pager must not offer the ones after.
        var reachable = Math.Min(Result!.Total, SearchPeople.MaxPage * SearchPeople.PageSize);
        return new PagerView(Result.Page, Result.PageSize, reachable, p => Link(page: p), label);
    }

    /// <summary>The search's parameters in the order of the form, as they go in a link.</summary>
    private IEnumerable<(string Parameter, string Value)> Pairs()
    {
        if (Trimmed(Q) is { } q)
        {
            yield return ("q", q);
        }
        foreach (var value in Degree.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            yield return ("degree", value);
        }
        foreach (var value in Organization.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            yield return ("organization", value);
        }
        if (Current == true)
        {
            yield return ("current", "true");
        }
        if (Trimmed(Title) is { } title)
        {
            yield return ("title", title);
        }
        if (Trimmed(Location) is { } location)
        {
            yield return ("location", location);
        }
        foreach (var value in Skill.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            yield return ("skill", value);
        }
        foreach (var value in School.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            yield return ("school", value);
        }
        if (Trimmed(Language) is { } language)
        {
            yield return ("language", language);
        }
        foreach (var value in OpenTo.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            yield return ("openTo", value);
        }
    }

    private List<string> Selected(string parameter) => parameter switch
    {
        "organization" => Organization,
        "skill" => Skill,
        "school" => School,
        "openTo" => OpenTo,
        "degree" => Degree,
        "location" => Trimmed(Location) is { } location ? [location] : [],
        "language" => Trimmed(Language) is { } language ? [language] : [],
        _ => [],
    };

    private static string LabelIn(IReadOnlyList<FacetCount>? counts, string value) =>
        counts?.FirstOrDefault(c => string.Equals(c.Value, value, StringComparison.OrdinalIgnoreCase))?.Label ?? value;

    /// <summary>The bar's width in twentieths of the facet's largest count; at least one step, so a count of 1 still shows.</summary>
    private static int BarStep(int count, int max) =>
        count <= 0 || max <= 0 ? 0 : Math.Clamp((int)Math.Round(count * 20.0 / max, MidpointRounding.AwayFromZero), 1, 20);

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>
/// One value of a facet as the filter column shows it: checked or not, its count, and the width of its bar in twentieths
/// (a class per step, since the CSP forbids inline styles). <c>Href</c> is this search with the value set (or, when selected,
/// taken off), for the filters shown as links.
/// </summary>
public sealed record FacetItem(string Parameter, string Value, string Label, int Count, bool Selected, int BarStep, string Href);
