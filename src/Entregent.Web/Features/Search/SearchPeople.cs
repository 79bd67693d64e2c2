using Entregent.Web.Data;
using Entregent.Web.Features.Organizations;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

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
    public const int MaxValuesPerFilter = 10;

    /// <summary>The query-string parameters the API understands; anything else is refused, so a typo is not silently ignored.</summary>
    public static readonly IReadOnlySet<string> Parameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "q", "organization", "current", "title", "skill", "location", "school", "language", "openTo", "degree", "page",
    };

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

    public static async Task<Outcome<Result>> ExecuteAsync(EntregentDb db, NetworkGraph network, SearchIndex index, long viewerId, Request request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(request);
        var parsed = await ParseAsync(db, request, cancellationToken);
        if (!parsed.Succeeded)
        {
            return parsed.Failure!;
        }
        var (query, page) = parsed.Value;
        var matches = index.SearchPeople(viewerId, query, (page - 1) * PageSize, PageSize, withFacets: true);
        var ids = matches.Hits.Select(h => h.MemberId).ToList();
        var cards = await MemberCards.LoadAsync(db, network, viewerId, ids, cancellationToken);
        var currentMonth = Months.Current(network.Time);
        var jobs = (await db.Positions.AsNoTracking()
                .Where(p => ids.Contains(p.MemberId) && (p.EndMonth == null || p.EndMonth >= currentMonth))
                .OrderByDescending(p => p.StartMonth)
                .Select(p => new { p.MemberId, p.Title, p.Organization!.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.MemberId);
        var locations = await db.Profiles.AsNoTracking().Where(p => ids.Contains(p.MemberId))
            .Select(p => new { p.MemberId, p.Location }).ToDictionaryAsync(p => p.MemberId, p => p.Location, cancellationToken);
        var members = ids.Where(cards.ContainsKey).Select(id =>
        {
            var job = jobs[id].FirstOrDefault();
            return new PersonResult(cards[id], job?.Title, job?.Name, locations.GetValueOrDefault(id));
        }).ToList();
        return new Result(matches.Total, page, PageSize, members, await LabelAsync(db, matches.Facets!, cancellationToken));
    }

    /// <summary>Turns the API's parameters into an index query: validates them, resolves slugs and skill names to ids.</summary>
    internal static async Task<Outcome<(PeopleQuery Query, int Page)>> ParseAsync(EntregentDb db, Request request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var text = SearchText(errors, "q", request.Q, TextMaxLength);
        var title = SearchText(errors, "title", request.Title, Position.TitleMaxLength);
        var location = SearchText(errors, "location", request.Location, Profile.LocationMaxLength);
        var language = SearchText(errors, "language", request.Language, Profile.LanguageMaxLength);
        var page = request.Page ?? 1;
        if (page is < 1 or > MaxPage)
        {
            errors.Add("page", $"Pages go from 1 to {MaxPage}; narrow the search to see further.");
        }
        var degrees = DegreeFilter.Any;
        foreach (var value in Values(errors, "degree", request.Degree))
        {
            degrees |= value switch
            {
                "1" => DegreeFilter.First,
                "2" => DegreeFilter.Second,
                "3" => DegreeFilter.ThirdOrBeyond,
                _ => Invalid(errors, "degree", $"Unknown degree '{value}': use 1, 2 or 3 (3rd and beyond)."),
            };
        }
        var openTo = OpenTo.None;
        foreach (var value in Values(errors, "openTo", request.OpenTo))
        {
            if (Enum.TryParse<OpenTo>(value, ignoreCase: true, out var flag) && flag != OpenTo.None && Enum.IsDefined(flag))
            {
                openTo |= flag;
            }
            else
            {
                errors.Add("openTo", $"Unknown value '{value}': use newRole, hiring, business or introductions.");
            }
        }
        var organizations = await OrganizationsAsync(db, errors, "organization", Values(errors, "organization", request.Organization), cancellationToken);
        var schools = await OrganizationsAsync(db, errors, "school", Values(errors, "school", request.School), cancellationToken);
        var skills = await SkillsAsync(db, errors, Values(errors, "skill", request.Skill), cancellationToken);
        if (!errors.Any && text is null && title is null && location is null && language is null && organizations.Count == 0
            && schools.Count == 0 && skills.Count == 0 && openTo == OpenTo.None && degrees == DegreeFilter.Any)
        {
            errors.Add("q", "Type a name, a title, a skill or a company, or choose a filter.");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        return (new PeopleQuery
        {
            Text = text,
            OrganizationIds = organizations,
            CurrentOrganizationOnly = request.Current ?? false,
            Title = title,
            SkillIds = skills,
            Location = location,
            SchoolIds = schools,
            Language = language,
            OpenTo = openTo,
            Degrees = degrees,
        }, page);
    }

    /// <summary>
    /// Search text is taken literally (never rendered as HTML, so a "&lt;" is just a character): trimmed, bounded, no control
    /// characters. Null when empty.
    /// </summary>
    internal static string? SearchText(FieldErrors errors, string field, string? value, int maxLength)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (text.Length > maxLength)
        {
            errors.Add(field, $"At most {maxLength} characters.");
            return null;
        }
        if (text.Any(char.IsControl))
        {
            errors.Add(field, "Line breaks and control characters are not allowed here.");
            return null;
        }
        return text;
    }

    private static List<string> Values(FieldErrors errors, string field, IReadOnlyList<string>? values)
    {
        var list = (values ?? []).Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count > MaxValuesPerFilter)
        {
            errors.Add(field, $"At most {MaxValuesPerFilter} values.");
            return [];
        }
        return list;
    }

    private static DegreeFilter Invalid(FieldErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return DegreeFilter.Any;
    }

    private static async Task<List<long>> OrganizationsAsync(EntregentDb db, FieldErrors errors, string field, List<string> slugs,
        CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        foreach (var slug in slugs)
        {
            if (await ViewOrganization.ResolveAsync(db, slug, cancellationToken) is { } id)
            {
                ids.Add(id);
            }
            else
            {
                errors.Add(field, $"No organisation has the address '{slug}'.");
            }
        }
        return ids;
    }

    private static async Task<List<long>> SkillsAsync(EntregentDb db, FieldErrors errors, List<string> names, CancellationToken cancellationToken)
    {
        if (names.Count == 0)
        {
            return [];
        }
        var keys = names.Where(n => n.Length <= Profiles.Skill.NameMaxLength).Select(Profiles.Skill.KeyFor).ToList();
        var found = await db.Skills.AsNoTracking().Where(s => keys.Contains(s.Key)).Select(s => new { s.Id, s.Key })
            .ToDictionaryAsync(s => s.Key, s => s.Id, cancellationToken);
        var ids = new List<long>();
        foreach (var name in names)
        {
            if (name.Length <= Profiles.Skill.NameMaxLength && found.TryGetValue(Profiles.Skill.KeyFor(name), out var id))
            {
                ids.Add(id);
            }
            else
            {
                errors.Add("skill", $"No member lists the skill '{name}'.");
            }
        }
        return ids;
    }

    /// <summary>Facet values are ids in the index; people read names. One query per kind, for the few values shown.</summary>
    private static async Task<PeopleFacets> LabelAsync(EntregentDb db, PeopleFacets facets, CancellationToken cancellationToken)
    {
        var organizationIds = facets.Organization.Concat(facets.School).Select(f => long.Parse(f.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Slug, o.Name }).ToDictionaryAsync(o => o.Id, cancellationToken);
        var skillIds = facets.Skill.Select(f => long.Parse(f.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var skills = await db.Skills.AsNoTracking().Where(s => skillIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Name }).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        IReadOnlyList<FacetCount> Organizations(IReadOnlyList<FacetCount> values) => [.. values
            .Select(f => organizations.TryGetValue(long.Parse(f.Value, System.Globalization.CultureInfo.InvariantCulture), out var o)
                ? new FacetCount(o.Slug, o.Name, f.Count) : null)
            .OfType<FacetCount>()];
        return facets with
        {
            Organization = Organizations(facets.Organization),
            School = Organizations(facets.School),
            Skill = [.. facets.Skill
                .Select(f => skills.TryGetValue(long.Parse(f.Value, System.Globalization.CultureInfo.InvariantCulture), out var name) ? new FacetCount(name, name, f.Count) : null)
                .OfType<FacetCount>()],
            OpenTo = [.. facets.OpenTo.Select(f => f with { Value = char.ToLowerInvariant(f.Value[0]) + f.Value[1..] })],
        };
    }
}
