using Entregent.Web.Data;
using Entregent.Web.Features.Search;
using Entregent.Web.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Watches;

/// <summary>
/// Creates or edits a watch. A keyword watch has keywords (words or "quoted phrases", any of which matches), optional
/// exclusions and at least one source; a saved search has the people search's query string, checked by the people
/// search's own parser so that what is saved is exactly what /search runs. A new watch looks only at what happens
/// from now on.
/// </summary>
public static class SaveWatch
{
    /// <summary>Kind "keywords" or "savedSearch" (fixed once created); sources among "people", "posts", "groups".</summary>
    public sealed record Request(
        string? Kind = null,
        string? Name = null,
        string? Keywords = null,
        string? Exclusions = null,
        IReadOnlyList<string>? Sources = null,
        string? Query = null);

    public static async Task<Outcome<WatchView>> CreateAsync(EntregentDb db, TimeProvider time, long memberId, Request request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        WatchKind? kind = request.Kind?.Trim().ToLowerInvariant() switch
        {
            "keywords" => WatchKind.Keywords,
            "savedsearch" => WatchKind.SavedSearch,
            null or "" => Required(errors),
            _ => Unknown(errors, request.Kind),
        };
        var fields = kind is { } k ? await ValidateAsync(db, errors, k, request, cancellationToken) : default;
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var count = await db.Watches.CountAsync(w => w.MemberId == memberId, cancellationToken);
        if (count >= Watch.MaxWatchesPerMember)
        {
            return Failure.Conflict("kind", $"You have {Watch.MaxWatchesPerMember} watches already, the most one may keep: delete one first.");
        }
        var watch = new Watch
        {
            MemberId = memberId,
            Kind = kind!.Value,
            Name = fields.Name,
            CreatedAt = time.GetUtcNow(),
            // From now on: a watch reports what is new, not what was there before it.
            CheckedThroughSequence = await db.Changes.MaxAsync(c => (long?)c.Sequence, cancellationToken) ?? 0,
        };
        Apply(watch, fields);
        db.Watches.Add(watch);
        await db.SaveChangesAsync(cancellationToken);
        return WatchView.Of(watch);
    }

    /// <summary>Edits the owner's watch; anyone else's (or none) is 404. Matches already notified stay notified.</summary>
    public static async Task<Outcome<WatchView>> UpdateAsync(EntregentDb db, long memberId, long watchId, Request request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var watch = await db.Watches.FirstOrDefaultAsync(w => w.Id == watchId && w.MemberId == memberId, cancellationToken);
        if (watch is null)
        {
            return Failure.NotFound($"You have no watch {watchId}.");
        }
        var errors = new FieldErrors();
        if (!string.IsNullOrWhiteSpace(request.Kind)
            && !string.Equals(request.Kind.Trim(), watch.Kind == WatchKind.Keywords ? "keywords" : "savedSearch", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("kind", "A watch keeps its kind: create another one instead.");
        }
        var fields = await ValidateAsync(db, errors, watch.Kind, request, cancellationToken);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        Apply(watch, fields);
        await db.SaveChangesAsync(cancellationToken);
        return WatchView.Of(watch);
    }

    /// <summary>
    /// The people search a saved search runs, parsed as /search parses its query string ("q=…&amp;location=…"); the page
    /// number ("p" or "page") is ignored. Null with the reason when it no longer parses (an organisation renamed away).
    /// </summary>
    public static async Task<Outcome<PeopleQuery>> ParseSavedSearchAsync(EntregentDb db, string? query, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var text = query?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Failure.Invalid("query", "Search for people first, then save the search.");
        }
        if (text.Length > Watch.QueryMaxLength)
        {
            return Failure.Invalid("query", $"At most {Watch.QueryMaxLength} characters.");
        }
        if (text.Any(char.IsControl))
        {
            return Failure.Invalid("query", "Line breaks and control characters are not allowed here.");
        }
        var values = QueryHelpers.ParseQuery(text.StartsWith('?') ? text : "?" + text);
        var unknown = values.Keys.FirstOrDefault(key => !SearchPeople.Parameters.Contains(key) && !string.Equals(key, "p", StringComparison.OrdinalIgnoreCase));
        if (unknown is not null)
        {
            return Failure.Invalid("query", $"Unknown filter '{unknown}': use {string.Join(", ", SearchPeople.Parameters.Where(p => p != "page"))}.");
        }
        string? One(string key) => values.TryGetValue(key, out var v) ? v.ToString() : null;
        IReadOnlyList<string>? Many(string key) => values.TryGetValue(key, out var v) ? [.. v.OfType<string>()] : null;
        bool? current = null;
        if (One("current") is { } flag)
        {
            if (!bool.TryParse(flag, out var parsed))
            {
                return Failure.Invalid("query", "current is true or false.");
            }
            current = parsed;
        }
        var request = new SearchPeople.Request(One("q"), Many("organization"), current, One("title"), Many("skill"), One("location"), Many("school"),
            One("language"), Many("openTo"), Many("degree"));
        var parsedQuery = await SearchPeople.ParseAsync(db, request, cancellationToken);
        if (!parsedQuery.Succeeded)
        {
            // The people search names its own fields; here they are all parts of "query".
            var messages = parsedQuery.Failure!.Errors?.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")) ?? [parsedQuery.Failure.Detail];
            foreach (var message in messages)
            {
                errors.Add("query", message);
            }
            return errors.ToFailure();
        }
        return parsedQuery.Value.Query;
    }

    private readonly record struct Fields(string Name, string? Keywords, string? Exclusions, WatchSources Sources, string? Query);

    private static async Task<Fields> ValidateAsync(EntregentDb db, FieldErrors errors, WatchKind kind, Request request, CancellationToken cancellationToken)
    {
        var name = errors.Line("name", request.Name, Watch.NameMaxLength, required: true) ?? "";
        if (kind == WatchKind.SavedSearch)
        {
            var parsed = await ParseSavedSearchAsync(db, request.Query, cancellationToken);
            if (!parsed.Succeeded)
            {
                foreach (var message in parsed.Failure!.Errors?.SelectMany(e => e.Value) ?? [parsed.Failure.Detail])
                {
                    errors.Add("query", message);
                }
            }
            return new Fields(name, null, null, WatchSources.People, request.Query?.Trim().TrimStart('?'));
        }
        var keywords = errors.Line("keywords", request.Keywords, Watch.KeywordsMaxLength, required: true);
        if (keywords is not null && !HasTerms(KeywordQuery.Split(keywords)))
        {
            errors.Add("keywords", "Give at least one word to look for.");
        }
        var exclusions = errors.Line("exclusions", request.Exclusions, Watch.KeywordsMaxLength);
        var sources = WatchSources.None;
        foreach (var value in request.Sources ?? [])
        {
            if (Enum.TryParse<WatchSources>(value?.Trim(), ignoreCase: true, out var source) && source != WatchSources.None && Enum.IsDefined(source)
                && !int.TryParse(value, out _))
            {
                sources |= source;
            }
            else
            {
                errors.Add("sources", $"Unknown source '{value}': use people, posts or groups.");
            }
        }
        if (sources == WatchSources.None && (request.Sources ?? []).Count == 0)
        {
            errors.Add("sources", "Choose at least one source: people, posts or groups.");
        }
        return new Fields(name, keywords, exclusions, sources, null);
    }

    private static bool HasTerms(IReadOnlyList<string> keywords) =>
        keywords.Any(k => SearchAnalysis.Terms(SearchAnalysis.Words, k).Count > 0);

    private static void Apply(Watch watch, Fields fields)
    {
        watch.Name = fields.Name;
        watch.Keywords = fields.Keywords;
        watch.Exclusions = fields.Exclusions;
        watch.Sources = fields.Sources;
        watch.Query = fields.Query;
    }

    private static WatchKind? Required(FieldErrors errors)
    {
        errors.Add("kind", "Choose a kind: keywords or savedSearch.");
        return null;
    }

    private static WatchKind? Unknown(FieldErrors errors, string? value)
    {
        errors.Add("kind", $"Unknown kind '{value}': use keywords or savedSearch.");
        return null;
    }
}
