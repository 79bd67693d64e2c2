using System.Globalization;
using System.Text.Json.Nodes;
using Entregent.Graph;
using Entregent.Web.Data;
using Entregent.Web.Features.Organizations;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Features.Search;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Ldbc;

/// <summary>Passed, failed and skipped operations of one query.</summary>
public sealed class LdbcTally
{
    public int Passed { get; set; }
    public int Failed { get; set; }
    public int Skipped { get; set; }
}

/// <summary>An answer that departs from LDBC's.</summary>
public sealed record LdbcFailure(LdbcOperation Operation, string Difference, JsonNode? Actual);

/// <summary>What a validation found: counts per query, the failures, and why skipped queries were skipped.</summary>
public sealed class LdbcValidation
{
    public SortedDictionary<string, LdbcTally> Queries { get; } = new(Comparer<string>.Create(CompareQueryNames));
    public List<LdbcFailure> Failures { get; } = [];
    public int Passed => Queries.Values.Sum(t => t.Passed);
    public int Failed => Queries.Values.Sum(t => t.Failed);
    public int Skipped => Queries.Values.Sum(t => t.Skipped);

    /// <summary>"IC2" before "IC10", interactive before short reads.</summary>
    private static int CompareQueryNames(string? a, string? b)
    {
        static (string, int) Split(string? q)
        {
            q ??= "";
            var digits = q.SkipWhile(c => !char.IsAsciiDigit(c)).Count();
            return (q[..^digits], digits == 0 ? 0 : int.Parse(q[^digits..], CultureInfo.InvariantCulture));
        }
        var (pa, na) = Split(a);
        var (pb, nb) = Split(b);
        var byPrefix = string.CompareOrdinal(pa, pb);
        return byPrefix != 0 ? byPrefix : na.CompareTo(nb);
    }
}

/// <summary>
/// Runs LDBC SNB Interactive operations through Entregent's own code paths — the graph index for distances,
/// reach and neighbourhoods, the store and the profile use case for what members see — and compares each answer with
/// LDBC's expected one (<see cref="LdbcExpectations"/>). Ids are LDBC's on both sides, translated through the
/// <see cref="ExternalKey"/>s the import wrote. The queries the model cannot express (tag classes, places of messages)
/// or that are not written yet are counted as skipped, with the reason (<see cref="NotModelled"/>).
/// </summary>
public static partial class ValidateLdbc
{
    /// <summary>Why each query Entregent does not answer is skipped.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotModelled = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["IC3"] = "messages' and persons' countries are not kept (imported messages keep no place)",
        ["IC12"] = "tag classes are not modelled: a hashtag has no class, nor classes a hierarchy",
        ["unknown"] = "not an LDBC SNB Interactive operation",
    };

    /// <summary>The queries Entregent answers.</summary>
    public static readonly IReadOnlySet<string> Answered = new HashSet<string>(StringComparer.Ordinal)
    {
        "IC1", "IC2", "IC4", "IC5", "IC6", "IC7", "IC8", "IC9", "IC10", "IC11", "IC13", "IC14", "IS1", "IS2", "IS3", "IS4", "IS5", "IS6", "IS7",
    };

    public static async Task<LdbcValidation> ExecuteAsync(EntregentDb db, ProfileCache profiles, NetworkGraph graph, SearchIndex search,
        IEnumerable<LdbcOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(operations);
        var ids = await IdMap.LoadAsync(db, cancellationToken);
        var context = new Context(db, profiles, graph, search, ids);
        var result = new LdbcValidation();
        foreach (var operation in operations)
        {
            if (!result.Queries.TryGetValue(operation.Query, out var tally))
            {
                result.Queries[operation.Query] = tally = new LdbcTally();
            }
            if (!Answered.Contains(operation.Query))
            {
                tally.Skipped++;
                continue;
            }
            var actual = operation.Query switch
            {
                "IC1" => await PeopleSearchAsync(context, operation, cancellationToken),
                "IC2" => await FriendsMessagesAsync(context, operation, cancellationToken),
                "IC4" => await NewTopicsAsync(context, operation, cancellationToken),
                "IC5" => await NewGroupsAsync(context, operation, cancellationToken),
                "IC6" => await CoTagsAsync(context, operation, cancellationToken),
                "IC7" => await RecentLikersAsync(context, operation, cancellationToken),
                "IC8" => await RecentRepliesAsync(context, operation, cancellationToken),
                "IC9" => await NetworkMessagesAsync(context, operation, cancellationToken),
                "IC10" => await RecommendationsAsync(context, operation, cancellationToken),
                "IC14" => await TrustedPathsAsync(context, operation, cancellationToken),
                "IS2" => await LatestMessagesAsync(context, operation, cancellationToken),
                "IS4" => await MessageContentAsync(context, operation, cancellationToken),
                "IS5" => await MessageCreatorAsync(context, operation, cancellationToken),
                "IS6" => await MessageForumAsync(context, operation, cancellationToken),
                "IS7" => await MessageRepliesAsync(context, operation, cancellationToken),
                "IC11" => await WhoWorksWhereAsync(context, operation, cancellationToken),
                "IC13" => PathLength(context, operation),
                "IS1" => await ProfileAsync(context, operation, cancellationToken),
                "IS3" => await ConnectionsAsync(context, operation, cancellationToken),
                _ => throw new InvalidOperationException($"No runner for {operation.Query}."),
            };
            var difference = LdbcExpectations.Difference(operation.Query, operation.Expected, actual);
            if (difference is null)
            {
                tally.Passed++;
            }
            else
            {
                tally.Failed++;
                result.Failures.Add(new LdbcFailure(operation, difference, actual));
            }
        }
        return result;
    }

    /// <summary>
    /// IC1, people search in one's network: members with the given first name within 3 hops, nearest first, then by last
    /// name and id; each with profile, imported attributes, universities and companies.
    /// </summary>
    private static async Task<JsonNode> PeopleSearchAsync(Context c, LdbcOperation operation, CancellationToken cancellationToken)
    {
        var viewer = c.Dense(operation.IdParameter("personIdQ1"));
        var firstName = operation.TextParameter("firstName");
        if (viewer < 0)
        {
            return new JsonArray();
        }
        // The people search does the work: given name within three degrees, with exact degrees. The index folds accents
        // ("José" finds "Jose"); LDBC compares names exactly, so the exact spelling is checked on what it found.
        var matches = c.Search.SearchPeople(c.Graph.MemberIdOf(viewer), new PeopleQuery { GivenName = firstName, MaxDistance = 3 },
            0, int.MaxValue, withFacets: false).Hits;
        var matchIds = matches.Select(m => m.MemberId).ToList();
        var named = await c.Db.Profiles.AsNoTracking()
            .Where(p => matchIds.Contains(p.MemberId) && p.GivenName == firstName)
            .Select(p => new { p.MemberId, p.FamilyName })
            .ToDictionaryAsync(p => p.MemberId, p => p.FamilyName, cancellationToken);
        var found = matches
            .Where(m => named.ContainsKey(m.MemberId) && c.Ids.LdbcOf(m.MemberId) is not null)
            .Select(m => (m.MemberId, Ldbc: c.Ids.LdbcOf(m.MemberId)!.Value, LastName: named[m.MemberId] ?? "", Distance: (int)m.Degree))
            .OrderBy(p => p.Distance).ThenBy(p => p.LastName, StringComparer.Ordinal).ThenBy(p => p.Ldbc)
            .Take(operation.IntParameter("limit"))
            .ToList();
        var memberIds = found.Select(f => f.MemberId).ToList();
        var details = await c.Db.Profiles.AsNoTracking()
            .Where(p => memberIds.Contains(p.MemberId))
            .Select(p => new { p.MemberId, p.FamilyName, p.Birthday, p.Languages, p.Location })
            .ToDictionaryAsync(p => p.MemberId, cancellationToken);
        var attributes = await c.Db.ImportedAttributes.AsNoTracking()
            .Where(a => memberIds.Contains(a.MemberId))
            .ToDictionaryAsync(a => a.MemberId, cancellationToken);
        var studies = (await c.Db.Education.AsNoTracking()
                .Where(e => memberIds.Contains(e.MemberId))
                .Select(e => new { e.MemberId, e.Organization!.Name, e.EndYear, e.Organization.Location })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.MemberId);
        var jobs = (await c.Db.Positions.AsNoTracking()
                .Where(p => memberIds.Contains(p.MemberId))
                .Select(p => new { p.MemberId, p.Organization!.Name, p.StartMonth, p.Organization.Location })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.MemberId);
        var rows = new JsonArray();
        foreach (var f in found)
        {
            var profile = details[f.MemberId];
            var imported = attributes.GetValueOrDefault(f.MemberId);
            rows.Add(new JsonObject
            {
                ["friendId"] = f.Ldbc,
                ["friendLastName"] = profile.FamilyName,
                ["distanceFromPerson"] = f.Distance,
                ["friendBirthday"] = profile.Birthday is { } birthday ? Milliseconds(birthday) : null,
                ["friendCreationDate"] = imported?.OriginalCreatedAt?.ToUnixTimeMilliseconds(),
                ["friendGender"] = imported?.Gender,
                ["friendBrowserUsed"] = imported?.Browser,
                ["friendLocationIp"] = imported?.LocationIp,
                ["friendEmails"] = new JsonArray([.. (imported?.Emails ?? []).Select(e => JsonValue.Create(e))]),
                ["friendLanguages"] = new JsonArray([.. profile.Languages.Select(l => JsonValue.Create(l))]),
                ["friendCityName"] = profile.Location,
                ["friendUniversities"] = new JsonArray([.. studies[f.MemberId].Select(e => new JsonObject
                {
                    ["organizationName"] = e.Name,
                    ["year"] = e.EndYear,
                    ["placeName"] = e.Location,
                })]),
                ["friendCompanies"] = new JsonArray([.. jobs[f.MemberId].Select(p => new JsonObject
                {
                    ["organizationName"] = p.Name,
                    ["year"] = p.StartMonth.Year,
                    ["placeName"] = p.Location,
                })]),
            });
        }
        return rows;
    }

    /// <summary>
    /// IC11, "who in my network works at a company in country X": members within 2 hops with a position at a company
    /// located there that started before the given year; one row per (member, company), earliest start first, then
    /// by id, then by company name descending.
    /// </summary>
    private static async Task<JsonNode> WhoWorksWhereAsync(Context c, LdbcOperation operation, CancellationToken cancellationToken)
    {
        var viewer = c.Dense(operation.IdParameter("personIdQ11"));
        if (viewer < 0)
        {
            return new JsonArray();
        }
        var country = operation.TextParameter("countryName");
        var before = new DateOnly(operation.IntParameter("workFromYear"), 1, 1);
        var positions = await c.Db.Positions.AsNoTracking()
            .Where(p => p.Organization!.Kind == OrganizationKind.Company && p.Organization.Location == country && p.StartMonth < before)
            .Select(p => new { p.MemberId, p.Organization!.Name, p.StartMonth })
            .ToListAsync(cancellationToken);
        var candidates = positions.Select(p => c.DenseOfMember(p.MemberId)).Where(d => d >= 0 && d != viewer).Distinct().ToArray();
        var near = c.Graph.Graph.Reach(viewer, candidates, new ReachOptions { MaxDepth = 2, MaxResults = int.MaxValue })
            .Select(r => c.Graph.MemberIdOf(r.Member))
            .ToHashSet();
        var rows = positions
            .Where(p => near.Contains(p.MemberId) && c.Ids.LdbcOf(p.MemberId) is not null)
            .Select(p => (p.MemberId, Ldbc: c.Ids.LdbcOf(p.MemberId)!.Value, p.Name, Year: p.StartMonth.Year))
            .Distinct()
            .OrderBy(p => p.Year).ThenBy(p => p.Ldbc).ThenByDescending(p => p.Name, StringComparer.Ordinal)
            .Take(operation.IntParameter("limit"))
            .ToList();
        var ids = rows.Select(r => r.MemberId).Distinct().ToList();
        var names = await c.Db.Profiles.AsNoTracking()
            .Where(p => ids.Contains(p.MemberId))
            .Select(p => new { p.MemberId, p.GivenName, p.FamilyName })
            .ToDictionaryAsync(p => p.MemberId, cancellationToken);
        return new JsonArray([.. rows.Select(r => new JsonObject
        {
            ["personId"] = r.Ldbc,
            ["personFirstName"] = names[r.MemberId].GivenName,
            ["personLastName"] = names[r.MemberId].FamilyName,
            ["organizationName"] = r.Name,
            ["organizationWorkFromYear"] = r.Year,
        })]);
    }

    /// <summary>IC13, the degree of connection: −1 when there is no path or a person is unknown, 0 for the same person.</summary>
    private static JsonObject PathLength(Context c, LdbcOperation operation)
    {
        var from = c.Dense(operation.IdParameter("person1IdQ13StartNode"));
        var to = c.Dense(operation.IdParameter("person2IdQ13EndNode"));
        var length = from < 0 || to < 0 ? -1 : c.Graph.Graph.ShortestPathLength(from, to);
        return new JsonObject { ["shortestPathLength"] = length };
    }

    /// <summary>
    /// IS1, a person's profile: through the profile use case (what the API serves), plus the imported attributes;
    /// null for an unknown person, as LDBC answers.
    /// </summary>
    private static async Task<JsonNode?> ProfileAsync(Context c, LdbcOperation operation, CancellationToken cancellationToken)
    {
        var memberId = c.Ids.MemberOf(operation.IdParameter("personIdSQ1"));
        if (memberId is not { } id)
        {
            return null;
        }
        var handle = await c.Db.Profiles.AsNoTracking().Where(p => p.MemberId == id).Select(p => p.Handle).FirstOrDefaultAsync(cancellationToken);
        // As the member sees their own profile: every section, the birthday included.
        var view = handle is null ? null : (await ViewProfile.ExecuteAsync(c.Db, c.Profiles, c.Graph, handle, id, cancellationToken)).Value;
        if (view is null)
        {
            return null;
        }
        var imported = await c.Db.ImportedAttributes.AsNoTracking().FirstOrDefaultAsync(a => a.MemberId == id, cancellationToken);
        return new JsonObject
        {
            ["firstName"] = view.GivenName,
            ["lastName"] = view.FamilyName,
            ["birthday"] = view.Birthday is { } birthday ? Milliseconds(birthday) : null,
            ["locationIp"] = imported?.LocationIp,
            ["browserUsed"] = imported?.Browser,
            ["cityId"] = imported?.CityExternalId,
            ["gender"] = imported?.Gender,
            ["creationDate"] = imported?.OriginalCreatedAt?.ToUnixTimeMilliseconds(),
        };
    }

    /// <summary>
    /// IS3, a person's connections with the date each was made, newest first, then by id. From the store rather than
    /// the connection list use case: the graph keeps a connection's date to the day, and LDBC orders by the millisecond.
    /// </summary>
    private static async Task<JsonNode> ConnectionsAsync(Context c, LdbcOperation operation, CancellationToken cancellationToken)
    {
        if (c.Ids.MemberOf(operation.IdParameter("personIdSQ3")) is not { } id)
        {
            return new JsonArray();
        }
        var connections = await c.Db.Connections.AsNoTracking()
            .Where(x => x.MemberId == id || x.OtherMemberId == id)
            .Select(x => new { Other = x.MemberId == id ? x.OtherMemberId : x.MemberId, x.CreatedAt })
            .ToListAsync(cancellationToken);
        var others = connections.Select(x => x.Other).ToList();
        var names = await c.Db.Profiles.AsNoTracking()
            .Where(p => others.Contains(p.MemberId))
            .Select(p => new { p.MemberId, p.GivenName, p.FamilyName })
            .ToDictionaryAsync(p => p.MemberId, cancellationToken);
        return new JsonArray([.. connections
            .Where(x => c.Ids.LdbcOf(x.Other) is not null)
            .Select(x => (x.Other, Ldbc: c.Ids.LdbcOf(x.Other)!.Value, x.CreatedAt))
            .OrderByDescending(x => x.CreatedAt).ThenBy(x => x.Ldbc)
            .Select(x => new JsonObject
            {
                ["personId"] = x.Ldbc,
                ["firstName"] = names.GetValueOrDefault(x.Other)?.GivenName,
                ["lastName"] = names.GetValueOrDefault(x.Other)?.FamilyName,
                ["friendshipCreationDate"] = x.CreatedAt.ToUnixTimeMilliseconds(),
            })]);
    }

    /// <summary>LDBC dates are epoch milliseconds; a birthday is its day at midnight UTC.</summary>
    private static long Milliseconds(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();

    private sealed record Context(EntregentDb Db, ProfileCache Profiles, NetworkGraph Graph, SearchIndex Search, IdMap Ids)
    {
        /// <summary>The dense graph id of an LDBC person, or −1.</summary>
        public int Dense(long ldbcId) => Ids.MemberOf(ldbcId) is { } member ? DenseOfMember(member) : -1;

        private MessageIds? _messages;
        private Dictionary<string, string>? _tagNames;

        /// <summary>Hashtag → LDBC tag name, loaded on first use.</summary>
        public async Task<Dictionary<string, string>> TagNamesAsync(CancellationToken cancellationToken) =>
            _tagNames ??= await LoadTagNamesAsync(Db, cancellationToken);

        public int DenseOfMember(long memberId) => Graph.TryGetDense(memberId, out var dense) ? dense : -1;

        /// <summary>The forum, post and comment id maps, loaded on first use.</summary>
        public async Task<MessageIds> MessagesAsync(CancellationToken cancellationToken) =>
            _messages ??= await MessageIds.LoadAsync(Db, cancellationToken);
    }

    /// <summary>LDBC person ids ↔ member ids, from the import's external keys.</summary>
    private sealed class IdMap(Dictionary<long, long> members)
    {
        private readonly Dictionary<long, long> _ldbc = members.ToDictionary(p => p.Value, p => p.Key);

        public static async Task<IdMap> LoadAsync(EntregentDb db, CancellationToken cancellationToken) =>
            new(await ImportLdbc.LoadKeysAsync(db, ImportLdbc.MemberKeyKind, cancellationToken));

        public long? MemberOf(long ldbcId) => members.TryGetValue(ldbcId, out var id) ? id : null;

        public long? LdbcOf(long memberId) => _ldbc.TryGetValue(memberId, out var id) ? id : null;
    }
}
