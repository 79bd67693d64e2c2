using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Features.Posts;
using Entregent.Web.Features.Search;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Features.Watches;

/// <summary>
/// Runs every watch over what is new. A periodic pass rather than a change-feed follower, on purpose: a follower would
/// run every watch once per batch of changes (per post, at quiet times), where a pass every
/// <see cref="WatchOptions.CheckEvery"/> runs each watch once over everything new since it last looked — one restricted
/// index query per watch and source, whatever the traffic. Each watch remembers the feed sequence it has looked through
/// (<see cref="Watch.CheckedThroughSequence"/>), so a restart or a crash resumes without repeats, and the dedupe key of
/// each notification makes a repeat harmless anyway. A pass looks only as far as the search index has applied the feed,
/// so whatever it reads about is already searchable; matching goes through the index (the same analysis as search:
/// accents, French and English stems, exclusions), and visibility is asked at notify time with the owner's current
/// graph and memberships.
/// </summary>
public sealed class WatchJob(IServiceScopeFactory scopes, TimeProvider time, IOptions<WatchOptions> options, ILogger<WatchJob> logger) : BackgroundService
{
    private const int WatchBatch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var services = scope.ServiceProvider;
                var notified = await RunAsync(services.GetRequiredService<EntregentDb>(), services.GetRequiredService<SearchIndex>(),
                    services.GetRequiredService<NetworkGraph>(), services.GetRequiredService<MarkdownRenderer>(), time, options.Value, stoppingToken);
                if (notified > 0)
                {
                    logger.LogInformation("Watches: {Notified} new matches notified.", notified);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Running the watches failed; the next pass will try again.");
            }
        }
    }

    /// <summary>One pass over every watch behind the search index; returns the notifications queued.</summary>
    public static async Task<int> RunAsync(EntregentDb db, SearchIndex index, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time,
        WatchOptions settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(settings);
        var target = index.AppliedSequence;
        var notified = 0;
        var after = 0L;
        while (target > 0)
        {
            var watches = await db.Watches.Where(w => w.Id > after && w.CheckedThroughSequence < target).OrderBy(w => w.Id).Take(WatchBatch)
                .ToListAsync(cancellationToken);
            if (watches.Count == 0)
            {
                break;
            }
            after = watches[^1].Id;
            var from = watches.Min(w => w.CheckedThroughSequence);
            var changes = await db.Changes.AsNoTracking().Where(c => c.Sequence > from && c.Sequence <= target).OrderBy(c => c.Sequence)
                .Take(settings.MaxChangesPerPass).Select(c => new Change { Sequence = c.Sequence, Kind = c.Kind, EntityId = c.EntityId, MemberId = c.MemberId })
                .ToListAsync(cancellationToken);
            var through = changes.Count == settings.MaxChangesPerPass ? changes[^1].Sequence : target;
            foreach (var watch in watches.Where(w => w.CheckedThroughSequence < through))
            {
                var news = New(changes.Where(c => c.Sequence > watch.CheckedThroughSequence && c.Sequence <= through), watch.Sources);
                var found = await MatchAsync(db, index, network, watch, news, cancellationToken);
                notified += await NotifyAsync(db, network, markdown, time, watch, found, cancellationToken);
                watch.CheckedThroughSequence = through;
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Deleted meanwhile: nothing to notify for it any more. Only its own pending rows (its notifications) are
                    // dropped: the batch's other watches stay tracked, so their progress is still saved.
                    foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is not (EntityState.Unchanged or EntityState.Detached)).ToList())
                    {
                        entry.State = EntityState.Detached;
                    }
                }
            }
            db.ChangeTracker.Clear();
        }
        return notified;
    }

    /// <summary>What is new among a watch's sources: members whose profile changed, posts written or edited, groups created or changed.</summary>
    private static (List<long> Members, List<long> Posts, List<long> Groups) New(IEnumerable<Change> changes, WatchSources sources)
    {
        var members = new HashSet<long>();
        var posts = new HashSet<long>();
        var groups = new HashSet<long>();
        foreach (var change in changes)
        {
            if (change.Kind.EndsWith(".deleted", StringComparison.Ordinal))
            {
                continue;
            }
            var noun = change.Kind[..Math.Max(0, change.Kind.IndexOf('.', StringComparison.Ordinal))];
            switch (noun)
            {
                case "member" or "profile" or "position" or "education" or "skills" when sources.HasFlag(WatchSources.People) && change.MemberId is { } member:
                    members.Add(member);
                    break;
                case "post" when sources.HasFlag(WatchSources.Posts):
                    posts.Add(change.EntityId);
                    break;
                case "group" when sources.HasFlag(WatchSources.Groups):
                    groups.Add(change.EntityId);
                    break;
            }
        }
        return ([.. members], [.. posts], [.. groups]);
    }

    private static async Task<List<(string Type, long Id)>> MatchAsync(EntregentDb db, SearchIndex index, NetworkGraph network, Watch watch,
        (List<long> Members, List<long> Posts, List<long> Groups) news, CancellationToken cancellationToken)
    {
        var found = new List<(string, long)>();
        if (news.Members.Count + news.Posts.Count + news.Groups.Count == 0)
        {
            return found;
        }
        // Never the owner's own profile or posts.
        news.Members.Remove(watch.MemberId);
        if (watch.Kind == WatchKind.SavedSearch)
        {
            var query = await SaveWatch.ParseSavedSearchAsync(db, watch.Query, cancellationToken);
            if (query.Succeeded)
            {
                found.AddRange(index.MatchPeople(watch.MemberId, query.Value!, news.Members).Select(id => ("member", id)));
            }
            return found;
        }
        var keywords = new KeywordQuery(KeywordQuery.Split(watch.Keywords), KeywordQuery.Split(watch.Exclusions));
        found.AddRange(index.MatchPeople(watch.MemberId, keywords, news.Members).Select(id => ("member", id)));
        if (news.Posts.Count + news.Groups.Count > 0)
        {
            var groups = await GroupViewer.LoadAsync(db, watch.MemberId, cancellationToken);
            found.AddRange(index.MatchPosts(new PostViewer(watch.MemberId, network, groups), keywords, news.Posts).Select(id => ("post", id)));
            found.AddRange(index.MatchGroups(groups, keywords, news.Groups).Select(id => ("group", id)));
        }
        return found;
    }

    private static async Task<int> NotifyAsync(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time, Watch watch, List<(string Type, long Id)> found,
        CancellationToken cancellationToken)
    {
        if (found.Count == 0)
        {
            return 0;
        }
        // The index answered from what it had applied; the store has the last word (a post deleted or narrowed since).
        var candidates = found.Select(f => new WatchMatches.Match(f.Type, f.Id, "", "", default, null)).ToList();
        var visible = (await WatchMatches.VisibleAsync(db, network, watch.MemberId, candidates, cancellationToken)).Select(m => (m.Type, m.ItemId)).ToHashSet();
        found = [.. found.Where(visible.Contains)];
        var memberIds = found.Where(f => f.Type == "member").Select(f => f.Id).ToList();
        var postIds = found.Where(f => f.Type == "post").Select(f => f.Id).ToList();
        var groupIds = found.Where(f => f.Type == "group").Select(f => f.Id).ToList();
        var members = await db.Profiles.AsNoTracking().Where(p => memberIds.Contains(p.MemberId))
            .ToDictionaryAsync(p => p.MemberId, p => new { p.Handle, p.DisplayName, p.Headline }, cancellationToken);
        var posts = await db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new { p.AuthorId, p.Title, p.Body }, cancellationToken);
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id))
            .ToDictionaryAsync(g => g.Id, g => new { g.Slug, g.Name }, cancellationToken);
        var count = 0;
        foreach (var (type, id) in found)
        {
            (long? Actor, string Text, string Url)? what = type switch
            {
                "member" when members.TryGetValue(id, out var m) => (id, m.DisplayName + (m.Headline is null ? "" : " – " + m.Headline), "/in/" + m.Handle),
                "post" when posts.TryGetValue(id, out var p) => (p.AuthorId, p.Title ?? markdown.ToPlainText(p.Body, 140), "/posts/" + id),
                "group" when groups.TryGetValue(id, out var g) => (null, g.Name, "/groups/" + g.Slug),
                _ => null,
            };
            if (what is not { } notification)
            {
                continue;
            }
            var before = db.ChangeTracker.Entries<Notification>().Count();
            await Notify.AddAsync(db, time, watch.MemberId, NotificationKind.WatchMatch, notification.Actor, $"{watch.Name}: {notification.Text}",
                notification.Url, WatchMatches.DedupeKey(watch.Id, type, id), cancellationToken);
            if (db.ChangeTracker.Entries<Notification>().Count() > before)
            {
                count++;
                watch.LastMatchAt = time.GetUtcNow();
            }
        }
        return count;
    }
}
