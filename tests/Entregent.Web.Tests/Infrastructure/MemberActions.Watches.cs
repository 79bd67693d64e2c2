using System.Net.Http.Json;
using System.Text.Json;
using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Features.Posts;
using Entregent.Web.Features.Watches;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Tests.Infrastructure;

/// <summary>What a member does to search posts and groups and to keep watches, and the store set-ups those tests need.</summary>
public static partial class MemberActions
{
    /// <summary><c>GET /api/v1/search/posts?{query}</c>: total and items (post views).</summary>
    public static Task<JsonElement> SearchPostsAsync(this Member member, string query, CancellationToken cancellationToken = default) =>
        member.GetJsonAsync("/api/v1/search/posts?" + query, cancellationToken);

    /// <summary><c>GET /api/v1/search/groups?{query}</c>: total and items (slug, name…).</summary>
    public static Task<JsonElement> SearchGroupsAsync(this Member member, string query, CancellationToken cancellationToken = default) =>
        member.GetJsonAsync("/api/v1/search/groups?" + query, cancellationToken);

    /// <summary>The ids of the posts in a post search result, in rank order.</summary>
    public static IReadOnlyList<long> FoundPostIds(this JsonElement result) =>
        [.. result.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt64())];

    /// <summary>The slugs of the groups in a group search result, in rank order.</summary>
    public static IReadOnlyList<string> FoundGroupSlugs(this JsonElement result) =>
        [.. result.GetProperty("items").EnumerateArray().Select(g => g.GetProperty("slug").GetString()!)];

    /// <summary><c>POST /api/v1/watches</c> with <paramref name="body"/>; the created watch.</summary>
    public static async Task<JsonElement> CreateWatchAsync(this Member member, object body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        using var response = await member.Client.PostAsJsonAsync(new Uri("/api/v1/watches", UriKind.Relative), body, cancellationToken);
        return await response.ReadJsonAsync(cancellationToken);
    }

    /// <summary>A keyword watch over <paramref name="sources"/> ("posts" by default); its id.</summary>
    public static async Task<long> WatchKeywordsAsync(this Member member, string keywords, string? exclusions = null, string[]? sources = null,
        CancellationToken cancellationToken = default)
    {
        var watch = await member.CreateWatchAsync(new { kind = "keywords", name = "Watch " + keywords, keywords, exclusions, sources = sources ?? ["posts"] },
            cancellationToken);
        return watch.GetProperty("id").GetInt64();
    }

    /// <summary><c>GET /api/v1/watches/{id}/matches</c>: the watch and its recent visible matches (items[] with type, itemId, url…).</summary>
    public static Task<JsonElement> WatchMatchesAsync(this Member member, long watchId, CancellationToken cancellationToken = default) =>
        member.GetJsonAsync($"/api/v1/watches/{watchId}/matches", cancellationToken);

    /// <summary>
    /// Moves the test clock one <see cref="WatchOptions.CheckEvery"/> at a time until every watch has looked through all that
    /// is in the change feed now (the index having applied it first), as the <see cref="WatchJob"/> does on its own.
    /// </summary>
    public static async Task RunWatchesAsync(this EntregentFactory app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.WaitForNetworkAsync(cancellationToken);
        var last = await app.Services.GetRequiredService<ChangeFeed>().LastSequenceAsync(cancellationToken);
        var every = app.Services.GetRequiredService<IOptions<WatchOptions>>().Value.CheckEvery;
        for (var i = 0; i < 100; i++)
        {
            if (i % 10 == 0)
            {
                app.Time.Advance(every);
            }
            await Task.Delay(50, cancellationToken);
            if (!await app.InStoreAsync(db => db.Watches.AnyAsync(w => w.CheckedThroughSequence < last, cancellationToken)))
            {
                return;
            }
        }
        throw new TimeoutException("The watches did not look through the change feed within 5 seconds.");
    }

    /// <summary>The watch notifications <paramref name="member"/> received: their dedupe keys ("watch:{id}:{type}:{itemId}").</summary>
    public static async Task<IReadOnlyList<string>> WatchNotificationsAsync(this EntregentFactory app, Member member, CancellationToken cancellationToken = default)
    {
        var memberId = await app.MemberIdAsync(member, cancellationToken);
        return await app.InStoreAsync(db => db.Notifications.Where(n => n.RecipientId == memberId && n.Kind == NotificationKind.WatchMatch)
            .OrderBy(n => n.Id).Select(n => n.DedupeKey!).ToListAsync(cancellationToken));
    }

    /// <summary>Gives a post hashtags straight in the store (and marks it changed, so the indexes read it again).</summary>
    public static Task TagPostInStoreAsync(this EntregentFactory app, long postId, params string[] tags) =>
        app.InStoreAsync(async db =>
        {
            db.PostHashtags.AddRange(tags.Select(t => new PostHashtag { PostId = postId, Tag = t }));
            var post = await db.Posts.SingleAsync(p => p.Id == postId);
            post.Version++;
            return await db.SaveChangesAsync();
        });

    /// <summary>Sets a member's state in a group straight in the store (banned, requested…).</summary>
    public static async Task SetGroupStateInStoreAsync(this EntregentFactory app, string slug, Member member, GroupMembershipState state,
        CancellationToken cancellationToken = default)
    {
        var memberId = await app.MemberIdAsync(member, cancellationToken);
        await app.InStoreAsync(async db =>
        {
            var group = await db.Groups.SingleAsync(g => g.Slug == slug, cancellationToken);
            var membership = await db.GroupMemberships.SingleOrDefaultAsync(m => m.GroupId == group.Id && m.MemberId == memberId, cancellationToken);
            if (membership is null)
            {
                db.GroupMemberships.Add(new GroupMembership
                {
                    GroupId = group.Id, MemberId = memberId, Role = GroupRole.Member, State = state, CreatedAt = app.Time.GetUtcNow(),
                });
            }
            else
            {
                membership.State = state;
            }
            return await db.SaveChangesAsync(cancellationToken);
        });
    }

    /// <summary>Renames a group and sets its description straight in the store.</summary>
    public static Task DescribeGroupInStoreAsync(this EntregentFactory app, string slug, string name, string? description = null) =>
        app.InStoreAsync(async db =>
        {
            var group = await db.Groups.SingleAsync(g => g.Slug == slug);
            group.Name = name;
            group.Description = description;
            return await db.SaveChangesAsync();
        });

    /// <summary>The id of the organisation named <paramref name="name"/>.</summary>
    public static Task<long> OrganizationIdAsync(this EntregentFactory app, string name) =>
        app.InStoreAsync(db => db.Organizations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());
}
