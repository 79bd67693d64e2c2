using System.Diagnostics;
using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Posts;
using Entregent.Web.Features.Profiles;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Feed;

/// <summary>
/// Builds <see cref="FeedIndex"/> from the store before the app serves requests, then follows the change feed into it.
/// Like the graph's follower, each change is applied by re-reading the current state of what it names (a post, a
/// group, a member's reach), so applying a change twice, or after a build that already saw it, is harmless.
/// What a viewer subscribes to (follows, followed hashtags, group memberships) is not kept here: a page reads it from
/// the store, so it is never stale.
/// </summary>
public sealed class FeedIndexFollower(FeedIndex index, ChangeFeed feed, IServiceScopeFactory scopes, TimeProvider time,
    ILogger<FeedIndexFollower> logger) : BackgroundService
{
    private const int BatchSize = 1000;
    private long _after;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // The feed position is taken before reading, so whatever commits during the build is replayed after it.
        _after = await feed.LastSequenceAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        // Two full collections measure what the index keeps on the heap: worth it only when someone asks (Debug).
        var measureHeap = logger.IsEnabled(LogLevel.Debug);
        var heapBefore = measureHeap ? GC.GetTotalMemory(forceFullCollection: true) : 0;
        var state = await BuildAsync(index.NewState(), scopes, cancellationToken);
        index.Replace(state, _after);
        var stats = index.Stats;
        logger.LogInformation(
            "Feed index built: {Posts:N0} posts in {Sources:N0} source lists ({Entries:N0} entries, about {Estimated:N0} MB estimated) in {Seconds:N1} s.",
            stats.Posts, stats.Sources, stats.ListEntries, stats.EstimatedBytes / 1_048_576, clock.Elapsed.TotalSeconds);
        if (measureHeap)
        {
            logger.LogDebug("Feed index: {Heap:N0} MB more on the managed heap after a full collection.",
                (GC.GetTotalMemory(forceFullCollection: true) - heapBefore) / 1_048_576);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await feed.WaitForChangesAsync(_after, BatchSize, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await ApplyAsync(scope.ServiceProvider.GetRequiredService<EntregentDb>(), index, batch, stoppingToken);
                _after = batch[^1].Sequence;
                index.MarkApplied(_after);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A failing store must not end the follower: log, wait, carry on from the same sequence.
                logger.LogWarning(exception, "Following the change feed into the feed index failed at sequence {Sequence}; retrying.", _after);
                await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Reads every published post and its hashtags into <paramref name="state"/>: posts and hashtags each streamed in
    /// post-id order on their own connection and merged, so the build holds no more than the index itself.
    /// </summary>
    internal static async Task<FeedIndex.State> BuildAsync(FeedIndex.State state, IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        await using var postScope = scopes.CreateAsyncScope();
        await using var tagScope = scopes.CreateAsyncScope();
        var db = postScope.ServiceProvider.GetRequiredService<EntregentDb>();
        var tagDb = tagScope.ServiceProvider.GetRequiredService<EntregentDb>();

        await foreach (var group in db.Groups.AsNoTracking().Select(g => new GroupFacts(g.Id, g.Kind, g.OrganizationId, g.IsInternal))
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            state.SetGroup(group);
        }
        await foreach (var profile in db.Profiles.AsNoTracking().Where(p => p.Reach != ProfileReach.Everyone).Select(p => new { p.MemberId, p.Reach })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            state.SetReach(profile.MemberId, profile.Reach);
        }

        // Interned: a popular tag is one string however many posts carry it.
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var tags = tagDb.PostHashtags.AsNoTracking().OrderBy(h => h.PostId).ThenBy(h => h.Tag)
            .Select(h => new { h.PostId, h.Tag }).AsAsyncEnumerable().GetAsyncEnumerator(cancellationToken);
        var moreTags = await tags.MoveNextAsync();
        var postTags = new List<string>();
        await foreach (var post in Published(db.Posts.AsNoTracking().OrderBy(p => p.Id))
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            postTags.Clear();
            while (moreTags && tags.Current.PostId <= post.Id)
            {
                if (tags.Current.PostId == post.Id)
                {
                    var tag = tags.Current.Tag;
                    postTags.Add(interned.TryGetValue(tag, out var known) ? known : interned[tag] = tag);
                }
                moreTags = await tags.MoveNextAsync();
            }
            state.Upsert(post with { Tags = postTags.Count == 0 ? [] : [.. postTags] });
        }
        return state;
    }

    /// <summary>Brings the index up to date with the store for everything <paramref name="changes"/> names.</summary>
    internal static async Task ApplyAsync(EntregentDb db, FeedIndex index, IReadOnlyList<Change> changes, CancellationToken cancellationToken)
    {
        var posts = new HashSet<long>();
        var groups = new HashSet<long>();
        var profiles = new HashSet<long>();
        var deletedMembers = new HashSet<long>();
        foreach (var change in changes)
        {
            switch (change.Kind)
            {
                case "post.created" or "post.updated" or "post.deleted":
                    posts.Add(change.EntityId);
                    break;
                case "group.created" or "group.updated" or "group.deleted":
                    groups.Add(change.EntityId);
                    break;
                case "profile.updated" when change.MemberId is { } member:
                    profiles.Add(member);
                    break;
                case "member.deleted" when change.MemberId is { } member:
                    deletedMembers.Add(member);
                    break;
            }
        }
        if (posts.Count + groups.Count + profiles.Count + deletedMembers.Count == 0)
        {
            return;
        }

        // Read first, outside the lock; then apply in memory under it.
        var groupIds = groups.ToList();
        var groupFacts = groupIds.Count == 0 ? [] : await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id))
            .Select(g => new GroupFacts(g.Id, g.Kind, g.OrganizationId, g.IsInternal)).ToDictionaryAsync(g => g.Id, cancellationToken);
        var profileIds = profiles.ToList();
        var reaches = profileIds.Count == 0 ? [] : await db.Profiles.AsNoTracking().Where(p => profileIds.Contains(p.MemberId))
            .ToDictionaryAsync(p => p.MemberId, p => p.Reach, cancellationToken);
        var postIds = posts.ToList();
        var published = postIds.Count == 0 ? [] : await Published(db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id))).ToListAsync(cancellationToken);
        var publishedIds = published.Select(p => p.Id).ToList();
        var postTags = publishedIds.Count == 0 ? [] : (await db.PostHashtags.AsNoTracking().Where(h => publishedIds.Contains(h.PostId))
                .Select(h => new { h.PostId, h.Tag }).ToListAsync(cancellationToken))
            .GroupBy(h => h.PostId).ToDictionary(g => g.Key, g => g.Select(h => h.Tag).Order(StringComparer.Ordinal).ToArray());

        index.Update(state =>
        {
            foreach (var member in deletedMembers)
            {
                state.RemoveAuthor(member);
            }
            foreach (var id in groupIds)
            {
                if (groupFacts.TryGetValue(id, out var facts))
                {
                    state.SetGroup(facts);
                }
                else
                {
                    state.RemoveGroup(id);
                }
            }
            foreach (var member in profileIds)
            {
                state.SetReach(member, reaches.GetValueOrDefault(member));
            }
            foreach (var id in postIds)
            {
                state.Remove(id);
            }
            foreach (var post in published)
            {
                state.Upsert(post with { Tags = postTags.TryGetValue(post.Id, out var tags) ? tags : [] });
            }
        });
    }

    /// <summary>The published posts of <paramref name="posts"/> as the index keeps them (hashtags added by the caller).</summary>
    private static IQueryable<FeedPost> Published(IQueryable<Post> posts) =>
        posts.Where(p => p.State == PostState.Published)
            .Select(p => new FeedPost(p.Id, p.AuthorId, p.GroupId, p.OrganizationId, p.Audience, p.CreatedAt, Array.Empty<string>()));
}
