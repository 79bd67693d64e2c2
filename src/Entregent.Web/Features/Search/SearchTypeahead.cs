using Entregent.Web.Data;
using Entregent.Web.Features.Organizations;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

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
    public const int MaxMembers = 6;
    public const int MaxOthers = 3;

    /// <summary>
    /// One suggestion. <c>Url</c> opens it (a profile, an organisation page, or a people search by skill); members carry
    /// their degree and photo, organisations and skills the number of members.
    /// </summary>
    public sealed record Suggestion(TypeaheadKind Kind, string Label, string? Detail, string Url, Entregent.Graph.Degree? Degree,
        string? PhotoUrl, int? MemberCount);

    public sealed record Result(string Q, IReadOnlyList<Suggestion> Items);

    public static async Task<Outcome<Result>> ExecuteAsync(EntregentDb db, NetworkGraph network, SearchIndex index, long viewerId, string? q,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(index);
        var errors = new FieldErrors();
        var text = SearchPeople.SearchText(errors, "q", q, TextMaxLength);
        if (!errors.Any && text is null)
        {
            errors.Add("q", "Type at least one letter.");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var matches = index.Typeahead(viewerId, text!, MaxMembers, MaxOthers);
        var items = new List<Suggestion>();
        var cards = await MemberCards.ListAsync(db, network, viewerId, [.. matches.Members.Select(m => m.MemberId)], cancellationToken);
        items.AddRange(cards.Select(c => new Suggestion(TypeaheadKind.Member, c.DisplayName, c.Headline, "/in/" + c.Handle, c.Degree, c.PhotoUrl, null)));

        var organizationIds = matches.Organizations.Select(o => o.Id).ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Slug, o.Kind, o.LogoThumbnailKey }).ToDictionaryAsync(o => o.Id, cancellationToken);
        items.AddRange(matches.Organizations.Where(o => organizations.ContainsKey(o.Id)).Select(o =>
        {
            var row = organizations[o.Id];
            return new Suggestion(TypeaheadKind.Organization, row.Name, row.Kind == OrganizationKind.School ? "School" : row.Kind == OrganizationKind.Association ? "Association" : "Company",
                "/organizations/" + row.Slug, null, row.LogoThumbnailKey is null ? null : "/media/" + row.LogoThumbnailKey, o.MemberCount);
        }));

        var skillIds = matches.Skills.Select(s => s.Id).ToList();
        var skills = await db.Skills.AsNoTracking().Where(s => skillIds.Contains(s.Id)).Select(s => new { s.Id, s.Name })
            .ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        items.AddRange(matches.Skills.Where(s => skills.ContainsKey(s.Id)).Select(s =>
            new Suggestion(TypeaheadKind.Skill, skills[s.Id], null, "/search?skill=" + Uri.EscapeDataString(skills[s.Id]), null, null, s.MemberCount)));
        return new Result(text!, items);
    }
}
