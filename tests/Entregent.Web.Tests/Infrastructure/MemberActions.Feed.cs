using System.Text.Json;
using Entregent.Web.Data;
using Entregent.Web.Features.Connections;
using Entregent.Web.Features.Feed;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Organizations;
using Entregent.Web.Features.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entregent.Web.Tests.Infrastructure;

/// <summary>What a member does with the home feed, and the store set-ups its tests need beyond the shared ones.</summary>
public static partial class MemberActions
{
    /// <summary><c>GET /api/v1/feed</c> (items[].post, items[].why, next), after checking it succeeded.</summary>
    public static Task<JsonElement> FeedAsync(this Member member, string? before = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        var query = new List<string>();
        if (before is not null)
        {
            query.Add("before=" + Uri.EscapeDataString(before));
        }
        if (limit is not null)
        {
            query.Add("limit=" + limit.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return member.GetJsonAsync("/api/v1/feed" + (query.Count == 0 ? "" : "?" + string.Join('&', query)), cancellationToken);
    }

    /// <summary>The post ids of a feed page, in order.</summary>
    public static IReadOnlyList<long> FeedPostIds(this JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("post").GetProperty("id").GetInt64())];

    /// <summary>Every post id of the member's feed, following the cursors <paramref name="limit"/> at a time.</summary>
    public static async Task<IReadOnlyList<long>> WholeFeedAsync(this Member member, int limit = 20, CancellationToken cancellationToken = default)
    {
        var ids = new List<long>();
        string? before = null;
        for (var pages = 0; pages < 1000; pages++)
        {
            var page = await member.FeedAsync(before, limit, cancellationToken);
            ids.AddRange(page.FeedPostIds());
            if (page.GetProperty("next").ValueKind == JsonValueKind.Null)
            {
                return ids;
            }
            before = page.GetProperty("next").GetString();
        }
        throw new InvalidOperationException("The feed did not end after 1,000 pages.");
    }

    /// <summary>
    /// Writes a published post (or <paramref name="state"/>) with hashtags, optionally on behalf of an organisation, at
    /// <paramref name="createdAt"/> (default: the app's time), all in one transaction as the posts feature does.
    /// </summary>
    public static async Task<long> CreateFeedPostInStoreAsync(this EntregentFactory app, long authorId, string body,
        PostAudience audience = PostAudience.Public, long? groupId = null, IEnumerable<string>? tags = null, long? organizationId = null,
        PostState state = PostState.Published, DateTimeOffset? createdAt = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var at = createdAt ?? app.Time.GetUtcNow();
        return await app.InStoreAsync(async db =>
        {
            // One transaction, as the posts feature writes a post and its hashtags: the index sees both at once.
            await using var transaction = await db.Database.BeginTransactionAsync();
            var post = new Post
            {
                AuthorId = authorId,
                Kind = PostKind.Post,
                Audience = groupId is null ? audience : PostAudience.Group,
                GroupId = groupId,
                OrganizationId = organizationId,
                State = state,
                Body = body,
                BodyHtml = "<p>" + System.Net.WebUtility.HtmlEncode(body) + "</p>",
                CreatedAt = at,
            };
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            if (tags is not null)
            {
                db.PostHashtags.AddRange(tags.Distinct().Select(t => new PostHashtag { PostId = post.Id, Tag = t }));
                await db.SaveChangesAsync();
            }
            await transaction.CommitAsync();
            return post.Id;
        });
    }

    /// <summary>Changes a post's state (a moderator's removal, an approval) straight in the store.</summary>
    public static Task SetPostStateInStoreAsync(this EntregentFactory app, long postId, PostState state) =>
        app.InStoreAsync(async db =>
        {
            var post = await db.Posts.SingleAsync(p => p.Id == postId);
            post.State = state;
            post.Version++;
            return await db.SaveChangesAsync();
        });

    /// <summary>Deletes a post straight in the store (its author deleting it).</summary>
    public static Task DeletePostInStoreAsync(this EntregentFactory app, long postId) =>
        app.InStoreAsync(async db =>
        {
            db.Posts.Remove(await db.Posts.SingleAsync(p => p.Id == postId));
            return await db.SaveChangesAsync();
        });

    public static Task FollowHashtagInStoreAsync(this EntregentFactory app, long memberId, string tag) =>
        app.InStoreAsync(async db =>
        {
            db.HashtagFollows.Add(new HashtagFollow { MemberId = memberId, Tag = tag, CreatedAt = app.Time.GetUtcNow() });
            return await db.SaveChangesAsync();
        });

    public static Task UnfollowHashtagInStoreAsync(this EntregentFactory app, long memberId, string tag) =>
        app.InStoreAsync(async db =>
        {
            db.HashtagFollows.RemoveRange(db.HashtagFollows.Where(f => f.MemberId == memberId && f.Tag == tag));
            return await db.SaveChangesAsync();
        });

    /// <summary>Follows a member or an organisation straight in the store (for large set-ups).</summary>
    public static Task FollowInStoreAsync(this EntregentFactory app, long followerId, long? memberId = null, long? organizationId = null) =>
        app.InStoreAsync(async db =>
        {
            db.Follows.Add(new Follow { FollowerId = followerId, FollowedMemberId = memberId, FollowedOrganizationId = organizationId, CreatedAt = app.Time.GetUtcNow() });
            return await db.SaveChangesAsync();
        });

    /// <summary>Connects two members straight in the store (for large set-ups; <c>ConnectAsync</c> goes through the API).</summary>
    public static Task ConnectInStoreAsync(this EntregentFactory app, long a, long b) =>
        app.InStoreAsync(async db =>
        {
            db.Connections.Add(new Connection { MemberId = Math.Min(a, b), OtherMemberId = Math.Max(a, b), CreatedAt = app.Time.GetUtcNow() });
            return await db.SaveChangesAsync();
        });

    public static Task BlockInStoreAsync(this EntregentFactory app, long blockerId, long blockedId) =>
        app.InStoreAsync(async db =>
        {
            db.Blocks.Add(new Block { BlockerId = blockerId, BlockedId = blockedId, CreatedAt = app.Time.GetUtcNow() });
            return await db.SaveChangesAsync();
        });

    public static Task<long> GroupIdAsync(this EntregentFactory app, string slug) =>
        app.InStoreAsync(db => db.Groups.Where(g => g.Slug == slug).Select(g => g.Id).SingleAsync());

    /// <summary>Sets a member's standing in a group straight in the store (null: leaves it).</summary>
    public static Task SetMembershipInStoreAsync(this EntregentFactory app, long groupId, long memberId, GroupMembershipState? state,
        GroupRole role = GroupRole.Member) =>
        app.InStoreAsync(async db =>
        {
            var membership = await db.GroupMemberships.SingleOrDefaultAsync(m => m.GroupId == groupId && m.MemberId == memberId);
            if (membership is not null)
            {
                db.GroupMemberships.Remove(membership);
                await db.SaveChangesAsync();
            }
            if (state is { } s)
            {
                var now = app.Time.GetUtcNow();
                db.GroupMemberships.Add(new GroupMembership { GroupId = groupId, MemberId = memberId, Role = role, State = s, CreatedAt = now, JoinedAt = now });
            }
            return await db.SaveChangesAsync();
        });

    /// <summary>Waits until the graph, search and feed indexes have applied every change committed so far.</summary>
    public static async Task WaitForFeedAsync(this EntregentFactory app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.WaitForNetworkAsync(cancellationToken);
        var last = await app.Services.GetRequiredService<ChangeFeed>().LastSequenceAsync(cancellationToken);
        var feed = app.Services.GetRequiredService<FeedIndex>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (feed.AppliedSequence < last)
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
