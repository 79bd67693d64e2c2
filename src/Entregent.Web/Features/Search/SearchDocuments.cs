using System.Globalization;
using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Search;

/// <summary>Field names of the index; one document per member, organisation and skill, told apart by <see cref="Type"/>.</summary>
internal static class Fields
{
    public const string Key = "key";
    public const string Type = "type";
    public const string Id = "id";
    public const string Reach = "reach";

    // Text, scored.
    public const string Name = "name";
    public const string Headline = "headline";
    public const string Title = "title";
    public const string Organization = "org";
    public const string Skill = "skill";
    public const string School = "school";
    public const string Location = "location";
    public const string Summary = "summary";
    public const string Prefix = "prefix";

    // Filters (exact terms).
    public const string CurrentTitle = "title_cur";
    public const string CurrentOrganizationId = "org_cur";
    public const string AnyOrganizationId = "org_any";
    public const string SkillId = "skill_id";
    public const string SchoolId = "school_id";
    public const string Language = "lang";
    public const string OpenTo = "open";
    public const string GivenName = "given";

    // Facets (sorted-set doc values).
    public const string FacetOrganization = "f_org";
    public const string FacetSkill = "f_skill";
    public const string FacetLocation = "f_loc";
    public const string FacetSchool = "f_school";
    public const string FacetLanguage = "f_lang";
    public const string FacetOpenTo = "f_open";

    public const string MemberType = "member";
    public const string OrganizationType = "org";
    public const string SkillType = "skill";
    public const string PostType = "post";
    public const string GroupType = "group";

    // Posts and groups (SearchDocuments.Community.cs): text, scored.
    public const string PostTitle = "p_title";
    public const string PostBody = "p_body";
    public const string GroupName = "g_name";
    public const string GroupDescription = "g_desc";

    // Posts and groups: exact terms (filters, and deleting an author's or a group's posts at once).
    public const string Hashtag = "p_tag";
    public const string AuthorTerm = "p_author";
    public const string GroupTerm = "p_group";

    // Posts and groups: numeric doc values read per match to decide visibility and order.
    public const string AuthorId = "author";
    public const string GroupId = "gid";
    public const string GroupOrganizationId = "gorg";
    public const string Flags = "flags";
    public const string CreatedAt = "created";
    public const string MemberCount = "members";

    public static string MemberKey(long id) => "m" + id.ToString(CultureInfo.InvariantCulture);
    public static string OrganizationKey(long id) => "o" + id.ToString(CultureInfo.InvariantCulture);
    public static string SkillKey(long id) => "s" + id.ToString(CultureInfo.InvariantCulture);
    public static string PostKey(long id) => "p" + id.ToString(CultureInfo.InvariantCulture);
    public static string GroupKey(long id) => "g" + id.ToString(CultureInfo.InvariantCulture);
    public static string IdTerm(long id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What the index holds of a member, read from the store in batches.</summary>
internal sealed record MemberEntry(
    long MemberId, string DisplayName, string? GivenName, string? FamilyName, string? Headline, string? Summary, string? Location,
    string? Industry, IReadOnlyList<string> Languages, OpenTo OpenTo, ProfileReach Reach,
    IReadOnlyList<MemberEntry.Job> Jobs, IReadOnlyList<MemberEntry.Study> Studies, IReadOnlyList<MemberEntry.SkillListed> Skills)
{
    internal sealed record Job(string Title, long OrganizationId, string OrganizationName, bool Current, string? Location);
    internal sealed record Study(long OrganizationId, string OrganizationName, string? Degree, string? Field);
    internal sealed record SkillListed(long SkillId, string Name);

    /// <summary>
    /// The entries of the listed members who may appear in search (opted-out members are absent, so never found), keyed by
    /// member id; members without a profile or opted out are simply missing from the answer. Four queries per call.
    /// </summary>
    public static async Task<Dictionary<long, MemberEntry>> LoadAsync(EntregentDb db, IReadOnlyCollection<long> memberIds, DateOnly currentMonth,
        CancellationToken cancellationToken)
    {
        var ids = memberIds.ToList();
        var profiles = await db.Profiles.AsNoTracking().Where(p => ids.Contains(p.MemberId) && !p.OptedOutOfDirectory)
            .Select(p => new { p.MemberId, p.DisplayName, p.GivenName, p.FamilyName, p.Headline, p.Summary, p.Location, p.Industry, p.Languages, p.OpenTo, p.Reach })
            .ToListAsync(cancellationToken);
        var jobs = (await db.Positions.AsNoTracking().Where(p => ids.Contains(p.MemberId))
                .Select(p => new { p.MemberId, p.Title, p.OrganizationId, p.Organization!.Name, p.EndMonth, p.Location })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.MemberId, p => new Job(p.Title, p.OrganizationId, p.Name, p.EndMonth is null || p.EndMonth >= currentMonth, p.Location));
        var studies = (await db.Education.AsNoTracking().Where(e => ids.Contains(e.MemberId))
                .Select(e => new { e.MemberId, e.OrganizationId, e.Organization!.Name, e.Degree, e.Field })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.MemberId, e => new Study(e.OrganizationId, e.Name, e.Degree, e.Field));
        var skills = (await db.MemberSkills.AsNoTracking().Where(s => ids.Contains(s.MemberId)).OrderBy(s => s.Rank)
                .Select(s => new { s.MemberId, s.SkillId, s.Skill!.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.MemberId, s => new SkillListed(s.SkillId, s.Name));
        return profiles.ToDictionary(p => p.MemberId, p => new MemberEntry(p.MemberId, p.DisplayName, p.GivenName, p.FamilyName, p.Headline,
            p.Summary, p.Location, p.Industry, p.Languages, p.OpenTo, p.Reach, [.. jobs[p.MemberId]], [.. studies[p.MemberId]], [.. skills[p.MemberId]]));
    }

    public Document ToDocument()
    {
        var document = new Document
        {
            new StringField(Fields.Key, Fields.MemberKey(MemberId), Field.Store.NO),
            new StringField(Fields.Type, Fields.MemberType, Field.Store.NO),
            new NumericDocValuesField(Fields.Id, MemberId),
            new NumericDocValuesField(Fields.Reach, (long)Reach),
        };
        AddText(document, Fields.Name, DisplayName, GivenName, FamilyName);
        AddText(document, Fields.Prefix, DisplayName, GivenName, FamilyName);
        AddText(document, Fields.Headline, Headline, Industry);
        AddText(document, Fields.Summary, Summary);
        AddText(document, Fields.Location, Location);
        foreach (var job in Jobs)
        {
            AddText(document, Fields.Title, job.Title);
            AddText(document, Fields.Organization, job.OrganizationName);
            AddText(document, Fields.Location, job.Current ? job.Location : null);
            AddTerm(document, Fields.AnyOrganizationId, Fields.IdTerm(job.OrganizationId));
            if (job.Current)
            {
                AddText(document, Fields.CurrentTitle, job.Title);
                AddTerm(document, Fields.CurrentOrganizationId, Fields.IdTerm(job.OrganizationId));
                AddFacet(document, Fields.FacetOrganization, Fields.IdTerm(job.OrganizationId));
            }
        }
        foreach (var study in Studies)
        {
            AddText(document, Fields.School, study.OrganizationName);
            AddText(document, Fields.Headline, study.Degree, study.Field);
            AddTerm(document, Fields.SchoolId, Fields.IdTerm(study.OrganizationId));
            AddTerm(document, Fields.AnyOrganizationId, Fields.IdTerm(study.OrganizationId));
            AddFacet(document, Fields.FacetSchool, Fields.IdTerm(study.OrganizationId));
        }
        foreach (var skill in Skills)
        {
            AddText(document, Fields.Skill, skill.Name);
            AddTerm(document, Fields.SkillId, Fields.IdTerm(skill.SkillId));
            AddFacet(document, Fields.FacetSkill, Fields.IdTerm(skill.SkillId));
        }
        foreach (var language in Languages)
        {
            var key = SearchAnalysis.Key(language);
            AddTerm(document, Fields.Language, key);
            AddFacet(document, Fields.FacetLanguage, language.Trim());
        }
        if (!string.IsNullOrWhiteSpace(Location))
        {
            AddFacet(document, Fields.FacetLocation, Location.Trim());
        }
        if (!string.IsNullOrWhiteSpace(GivenName))
        {
            AddTerm(document, Fields.GivenName, SearchAnalysis.Key(GivenName));
        }
        foreach (var flag in Enum.GetValues<OpenTo>())
        {
            if (flag != Profiles.OpenTo.None && OpenTo.HasFlag(flag))
            {
                AddTerm(document, Fields.OpenTo, flag.ToString());
                AddFacet(document, Fields.FacetOpenTo, flag.ToString());
            }
        }
        return document;
    }

    private static void AddText(Document document, string field, params string?[] values)
    {
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                document.Add(new TextField(field, value, Field.Store.NO));
            }
        }
    }

    private static void AddTerm(Document document, string field, string value) => document.Add(new StringField(field, value, Field.Store.NO));

    private static void AddFacet(Document document, string field, string value) =>
        document.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
}

/// <summary>An organisation or a skill as typeahead finds it.</summary>
internal static class NamedEntries
{
    public static Document Organization(long id, string name, IEnumerable<string> formerNames)
    {
        var document = new Document
        {
            new StringField(Fields.Key, Fields.OrganizationKey(id), Field.Store.NO),
            new StringField(Fields.Type, Fields.OrganizationType, Field.Store.NO),
            new NumericDocValuesField(Fields.Id, id),
            new TextField(Fields.Prefix, name, Field.Store.NO),
            new TextField(Fields.Name, name, Field.Store.NO),
        };
        foreach (var former in formerNames)
        {
            document.Add(new TextField(Fields.Prefix, former, Field.Store.NO));
        }
        return document;
    }

    public static Document Skill(long id, string name) =>
    [
        new StringField(Fields.Key, Fields.SkillKey(id), Field.Store.NO),
        new StringField(Fields.Type, Fields.SkillType, Field.Store.NO),
        new NumericDocValuesField(Fields.Id, id),
        new TextField(Fields.Prefix, name, Field.Store.NO),
        new TextField(Fields.Name, name, Field.Store.NO),
    ];

    public static Term KeyTerm(string key) => new(Fields.Key, key);
}
