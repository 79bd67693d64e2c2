using System.Net;
using System.Text.Json;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Posts;
using Entregent.Web.Tests.Infrastructure;

namespace Entregent.Web.Tests.Integration.Feed;

/// <summary>The home feed's API: order and cursor paging, each source and why, de-duplication, live changes, bad input.</summary>
public class FeedTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Paging_ThroughEveryPage_NewestFirstWithoutGapsOrDuplicates()
    {
        var author = await RegisterMemberAsync("Paging Author");
        var viewer = await RegisterMemberAsync("Paging Viewer");
        await ConnectAsync(author, viewer);
        var authorId = await MemberIdAsync(author);
        var start = App.Time.GetUtcNow();
        var written = new List<long>();
        for (var i = 0; i < 23; i++)
        {
            // Some posts share a time: the id breaks the tie.
            written.Add(await App.CreateFeedPostInStoreAsync(authorId, $"Post {i}", createdAt: start.AddMinutes(-(i / 2))));
        }
        await WaitForFeedAsync();

        var first = await viewer.FeedAsync(limit: 10, cancellationToken: Cancellation);
        Assert.Equal(10, first.FeedPostIds().Count);
        var all = await viewer.WholeFeedAsync(10, Cancellation);
        var expected = written.Select((id, i) => (id, at: start.AddMinutes(-(i / 2))))
            .OrderByDescending(p => p.at).ThenByDescending(p => p.id).Select(p => p.id).ToList();
        Assert.Equal(expected, all);
        Assert.Equal(expected.Take(10), first.FeedPostIds());
    }

    [Fact]
    public async Task Paging_NewPostsArriveBetweenPages_NextPageContinuesWhereTheFirstEnded()
    {
        var author = await RegisterMemberAsync("Stable Author");
        var viewer = await RegisterMemberAsync("Stable Viewer");
        await ConnectAsync(author, viewer);
        var authorId = await MemberIdAsync(author);
        var start = App.Time.GetUtcNow();
        var older = new List<long>();
        for (var i = 0; i < 12; i++)
        {
            older.Add(await App.CreateFeedPostInStoreAsync(authorId, $"Older {i}", createdAt: start.AddMinutes(-i)));
        }
        await WaitForFeedAsync();
        var first = await viewer.FeedAsync(limit: 5, cancellationToken: Cancellation);
        Assert.Equal(older.Take(5), first.FeedPostIds());

        var newer = await App.CreateFeedPostInStoreAsync(authorId, "Newer", createdAt: start.AddMinutes(1));
        await WaitForFeedAsync();
        var second = await viewer.FeedAsync(first.GetProperty("next").GetString(), 5, Cancellation);
        Assert.Equal(older.Skip(5).Take(5), second.FeedPostIds());
        var third = await viewer.FeedAsync(second.GetProperty("next").GetString(), 5, Cancellation);
        Assert.Equal(older.Skip(10), third.FeedPostIds());
        Assert.Equal(JsonValueKind.Null, third.GetProperty("next").ValueKind);
        Assert.Equal(newer, (await viewer.FeedAsync(limit: 1, cancellationToken: Cancellation)).FeedPostIds().Single());
    }

    [Fact]
    public async Task Sources_EachOne_BringsItsPostsWithTheReason()
    {
        var viewer = await RegisterMemberAsync("Sources Viewer");
        var connection = await RegisterMemberAsync("Sources Connection");
        var followed = await RegisterMemberAsync("Sources Followed");
        var stranger = await RegisterMemberAsync("Sources Stranger");
        await ConnectAsync(connection, viewer);
        await viewer.FollowAsync(followed.Handle, Cancellation);
        var viewerId = await MemberIdAsync(viewer);
        var strangerId = await MemberIdAsync(stranger);
        var organizationId = (await App.CreateOrganizationInStoreAsync(name: MemberActions.UniqueName("Feed Org"), cancellationToken: TestContext.Current.CancellationToken)).Id;
        await App.FollowInStoreAsync(viewerId, organizationId: organizationId);
        await App.FollowHashtagInStoreAsync(viewerId, "energie");
        var slug = await App.CreateGroupInStoreAsync(stranger, GroupKind.Private, [viewer], cancellationToken: Cancellation);

        var own = await App.CreateFeedPostInStoreAsync(viewerId, "Mine");
        var fromConnection = await App.CreatePostInStoreAsync(connection, "From a connection", PostAudience.Connections, cancellationToken: Cancellation);
        var fromFollowed = await App.CreatePostInStoreAsync(followed, "From someone I follow", cancellationToken: Cancellation);
        var fromOrganization = await App.CreateFeedPostInStoreAsync(strangerId, "On behalf of the organisation", organizationId: organizationId);
        var fromTag = await App.CreateFeedPostInStoreAsync(strangerId, "About #energie", tags: ["energie"]);
        var fromGroup = await App.CreatePostInStoreAsync(stranger, "In the group", groupSlug: slug, cancellationToken: Cancellation);
        var unrelated = await App.CreateFeedPostInStoreAsync(strangerId, "Not for this feed", tags: ["autre"]);
        await WaitForFeedAsync();

        var page = await viewer.FeedAsync(cancellationToken: Cancellation);
        var why = page.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("post").GetProperty("id").GetInt64(),
            i => (Kind: i.GetProperty("why").GetProperty("kind").GetString(), Name: i.GetProperty("why").GetProperty("name").GetString()));
        Assert.DoesNotContain(unrelated, why.Keys);
        Assert.Equal(("own", null), why[own]);
        Assert.Equal(("connection", "Sources Connection"), why[fromConnection]);
        Assert.Equal(("followedMember", "Sources Followed"), why[fromFollowed]);
        Assert.Equal("followedOrganization", why[fromOrganization].Kind);
        Assert.StartsWith("Feed Org", why[fromOrganization].Name, StringComparison.Ordinal);
        Assert.Equal(("hashtag", "#energie"), why[fromTag]);
        Assert.Equal("group", why[fromGroup].Kind);
        Assert.Equal(6, why.Count);
        // Newest first: written in this order at the same time, so by id descending.
        Assert.Equal([fromGroup, fromTag, fromOrganization, fromFollowed, fromConnection, own], page.FeedPostIds());
    }

    [Fact]
    public async Task Deduplication_PostReachedByThreeSources_ShownOnceAsFromAConnection()
    {
        var viewer = await RegisterMemberAsync("Dedup Viewer");
        var author = await RegisterMemberAsync("Dedup Author");
        await ConnectAsync(author, viewer);
        await viewer.FollowAsync(author.Handle, Cancellation);
        var viewerId = await MemberIdAsync(viewer);
        await App.FollowHashtagInStoreAsync(viewerId, "dedup");
        var post = await App.CreateFeedPostInStoreAsync(await MemberIdAsync(author), "Everywhere #dedup", tags: ["dedup"]);
        await WaitForFeedAsync();

        var page = await viewer.FeedAsync(cancellationToken: Cancellation);
        Assert.Equal([post], page.FeedPostIds());
        Assert.Equal("connection", page.GetProperty("items")[0].GetProperty("why").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Live_PostWrittenAfterStartAppears_DeletedOrRemovedDisappears()
    {
        var viewer = await RegisterMemberAsync("Live Viewer");
        var author = await RegisterMemberAsync("Live Author");
        await ConnectAsync(author, viewer);
        var authorId = await MemberIdAsync(author);
        var kept = await App.CreateFeedPostInStoreAsync(authorId, "Kept");
        var deleted = await App.CreateFeedPostInStoreAsync(authorId, "Deleted");
        var removedThenRestored = await App.CreateFeedPostInStoreAsync(authorId, "Removed");
        await WaitForFeedAsync();
        Assert.Equal([removedThenRestored, deleted, kept], (await viewer.FeedAsync(cancellationToken: Cancellation)).FeedPostIds());

        await App.DeletePostInStoreAsync(deleted);
        await App.SetPostStateInStoreAsync(removedThenRestored, PostState.Removed);
        await WaitForFeedAsync();
        Assert.Equal([kept], (await viewer.FeedAsync(cancellationToken: Cancellation)).FeedPostIds());

        await App.SetPostStateInStoreAsync(removedThenRestored, PostState.Published);
        await WaitForFeedAsync();
        Assert.Equal([removedThenRestored, kept], (await viewer.FeedAsync(cancellationToken: Cancellation)).FeedPostIds());
    }

    [Fact]
    public async Task Edit_HashtagsChange_HashtagSourceFollowsThem()
    {
        var viewer = await RegisterMemberAsync("Retag Viewer");
        var author = await RegisterMemberAsync("Retag Author");
        var viewerId = await MemberIdAsync(viewer);
        await App.FollowHashtagInStoreAsync(viewerId, "avant");
        var post = await App.CreateFeedPostInStoreAsync(await MemberIdAsync(author), "#avant", tags: ["avant"]);
        await WaitForFeedAsync();
        Assert.Equal([post], (await viewer.FeedAsync(cancellationToken: Cancellation)).FeedPostIds());

        await App.InStoreAsync(async db =>
        {
            db.PostHashtags.RemoveRange(db.PostHashtags.Where(h => h.PostId == post));
            db.PostHashtags.Add(new PostHashtag { PostId = post, Tag = "apres" });
            (await db.Posts.FindAsync([post], Cancellation))!.Version++;
            return await db.SaveChangesAsync(Cancellation);
        });
        await WaitForFeedAsync();
        Assert.Empty((await viewer.FeedAsync(cancellationToken: Cancellation)).FeedPostIds());
    }

    [Theory]
    [InlineData("before=nope", "before")]
    [InlineData("before=AAAAAAAAAAAAAAAAAAAAAA", "before")]
    [InlineData("before=%3Cscript%3E", "before")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=51", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=-1", "limit")]
    public async Task Get_BadCursorOrLimit_400WithTheField(string query, string field)
    {
        var viewer = await RegisterMemberAsync("Bad Input Viewer");
        using var response = await viewer.Client.GetAsync(new Uri("/api/v1/feed?" + query, UriKind.Relative), Cancellation);
        await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Get_Anonymous_401()
    {
        using var response = await AnonymousClient().GetAsync(new Uri("/api/v1/feed", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_NoSources_EmptyPageWithoutNext()
    {
        var viewer = await RegisterMemberAsync("Lonely Viewer");
        var page = await viewer.FeedAsync(cancellationToken: Cancellation);
        Assert.Empty(page.FeedPostIds());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
    }
}
