using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Tests.Integration.Posts;

/// <summary>Posts and articles from writing to deleting: mentions, hashtags, edits with history, group moderation, lists and paging.</summary>
public class PostFlowTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Create_MentionsAndHashtags_LinkedStoredAndNotified()
    {
        var ada = await RegisterMemberAsync("Ada Mentioner");
        var bob = await RegisterMemberAsync("Bob Mentioned");
        var eve = await RegisterMemberAsync("Eve Blocker");
        await ConnectAsync(ada, bob);
        await eve.BlockAsync(ada, Cancellation);

        using var response = await ada.SendPostAsync($"Thanks @{bob.Handle} and @{eve.Handle}! #Énergie #énergie #2024 mail: ada@example.com",
            cancellationToken: Cancellation);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var detail = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        var id = detail.GetProperty("post").GetProperty("id").GetInt64();
        var html = detail.GetProperty("post").GetProperty("bodyHtml").GetString()!;

        Assert.Contains($"<a href=\"/in/{bob.Handle}\" class=\"mention\">@{bob.Handle}</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/in/{eve.Handle}", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/hashtags/energie\" class=\"hashtag\">#Énergie</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/hashtags/2024", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/in/example", html, StringComparison.Ordinal);
        Assert.Equal(["energie"], await App.InStoreAsync(db => db.PostHashtags.Where(h => h.PostId == id).Select(h => h.Tag).ToListAsync(Cancellation)));
        var bobId = await App.MemberIdAsync(bob, Cancellation);
        Assert.Equal([bobId], await App.InStoreAsync(db => db.PostMentions.Where(m => m.PostId == id).Select(m => m.MemberId).ToListAsync(Cancellation)));
        Assert.Single(await NotificationsAsync(bob, NotificationKind.Mention));
        Assert.Empty(await NotificationsAsync(eve, NotificationKind.Mention));

        var tagged = await bob.GetJsonAsync("/api/v1/hashtags/ENERGIE/posts", Cancellation);
        Assert.Contains(tagged.GetProperty("posts").EnumerateArray(), p => p.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task Edit_KeepsHistoryRefreshesTagsAndRefusesStaleVersion()
    {
        var ada = await RegisterMemberAsync("Ada Editor");
        var bob = await RegisterMemberAsync("Bob Reader");
        await ConnectAsync(ada, bob);
        var id = await ada.PostAsync("First words #first", "connections", cancellationToken: Cancellation);

        using (var edit = await ada.Client.PutAsJsonAsync(Url(id), new { body = $"Second words #second with @{bob.Handle}", version = 0 }, Cancellation))
        {
            var edited = await edit.ReadJsonAsync(Cancellation);
            Assert.Equal(1, edited.GetProperty("version").GetInt32());
            Assert.Equal(1, edited.GetProperty("revisionCount").GetInt32());
            Assert.Equal(JsonValueKind.String, edited.GetProperty("post").GetProperty("editedAt").ValueKind);
        }
        using (var stale = await ada.Client.PutAsJsonAsync(Url(id), new { body = "Third words", version = 0 }, Cancellation))
        {
            await Problems.AssertProblemAsync(stale, HttpStatusCode.Conflict, "version");
        }

        var revisions = await bob.GetJsonAsync($"/api/v1/posts/{id}/revisions", Cancellation);
        Assert.Equal(["First words #first"], revisions.EnumerateArray().Select(r => r.GetProperty("body").GetString()));
        Assert.Equal(["second"], await App.InStoreAsync(db => db.PostHashtags.Where(h => h.PostId == id).Select(h => h.Tag).ToListAsync(Cancellation)));
        Assert.Single(await NotificationsAsync(bob, NotificationKind.Mention));
        Assert.Equal("Second words #second with @" + bob.Handle, (await bob.ReadPostAsync(id, Cancellation)).GetProperty("body").GetString());
    }

    [Fact]
    public async Task Article_TitleRequiredHeadingsShifted()
    {
        var ada = await RegisterMemberAsync("Ada Writer");
        using (var untitled = await ada.SendPostAsync("# Heading", kind: "article", cancellationToken: Cancellation))
        {
            await Problems.AssertProblemAsync(untitled, HttpStatusCode.BadRequest, "title");
        }
        var id = await ada.ArticleAsync("On graphs", "# Part one\n\nText.\n\n#### Deep\n\n#graphs", cancellationToken: Cancellation);
        var post = (await ada.ReadPostAsync(id, Cancellation)).GetProperty("post");
        Assert.Equal("On graphs", post.GetProperty("title").GetString());
        var html = post.GetProperty("bodyHtml").GetString()!;
        Assert.Contains("<h2>Part one</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h4>Deep</h4>", html, StringComparison.Ordinal);
        Assert.Contains("/hashtags/graphs", html, StringComparison.Ordinal);
        using var shortPost = await ada.SendPostAsync("# Not a heading in a post", cancellationToken: Cancellation);
        var shortHtml = (await shortPost.ReadJsonAsync(Cancellation)).GetProperty("post").GetProperty("bodyHtml").GetString()!;
        Assert.DoesNotContain("<h", shortHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupWithApproval_PendingApprovedOrRemoved_ManagersAndAuthorTold()
    {
        var greta = await RegisterMemberAsync("Greta Owner");
        var ada = await RegisterMemberAsync("Ada Member");
        var mia = await RegisterMemberAsync("Mia Member");
        var slug = await App.CreateGroupInStoreAsync(greta, GroupKind.Private, [ada, mia], postsNeedApproval: true, cancellationToken: Cancellation);

        var first = await ada.PostAsync("Please approve me", groupSlug: slug, cancellationToken: Cancellation);
        var second = await ada.PostAsync("Please remove me", groupSlug: slug, cancellationToken: Cancellation);
        Assert.Equal("pending", (await ada.ReadPostAsync(first, Cancellation)).GetProperty("post").GetProperty("state").GetString());
        Assert.Equal(2, (await NotificationsAsync(greta, NotificationKind.GroupActivity)).Count);
        using (var hidden = await mia.GetAsync($"/api/v1/posts/{first}", Cancellation))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }
        using (var notManager = await mia.GetAsync($"/api/v1/groups/{slug}/pending-posts", Cancellation))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notManager.StatusCode);
        }
        var queue = await greta.GetJsonAsync($"/api/v1/groups/{slug}/pending-posts", Cancellation);
        Assert.Equal([second, first], queue.GetProperty("posts").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));
        // A manager's own post is published at once.
        var own = await greta.PostAsync("Rules reminder", groupSlug: slug, cancellationToken: Cancellation);
        Assert.Equal("published", (await greta.ReadPostAsync(own, Cancellation)).GetProperty("post").GetProperty("state").GetString());

        using (var approve = await greta.Client.PostAsync(new Uri($"/api/v1/posts/{first}/approval", UriKind.Relative), null, Cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        }
        using (var again = await greta.Client.PostAsync(new Uri($"/api/v1/posts/{first}/approval", UriKind.Relative), null, Cancellation))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }
        using (var noReason = await greta.Client.PostAsJsonAsync(new Uri($"/api/v1/posts/{second}/removal", UriKind.Relative), new { reason = "" }, Cancellation))
        {
            await Problems.AssertProblemAsync(noReason, HttpStatusCode.BadRequest, "reason");
        }
        using (var remove = await greta.Client.PostAsJsonAsync(new Uri($"/api/v1/posts/{second}/removal", UriKind.Relative), new { reason = "Off topic." },
            Cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        }

        var list = await mia.GetJsonAsync($"/api/v1/groups/{slug}/posts", Cancellation);
        Assert.Equal([own, first], list.GetProperty("posts").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));
        var removed = await ada.ReadPostAsync(second, Cancellation);
        Assert.Equal("removed", removed.GetProperty("post").GetProperty("state").GetString());
        Assert.Equal("Off topic.", removed.GetProperty("removalReason").GetString());
        Assert.Equal(2, (await NotificationsAsync(ada, NotificationKind.GroupActivity)).Count);
        Assert.Empty((await greta.GetJsonAsync($"/api/v1/groups/{slug}/pending-posts", Cancellation)).GetProperty("posts").EnumerateArray());
    }

    [Fact]
    public async Task GroupPost_NonMember_ForbiddenAndUnknownGroupNotFound()
    {
        var greta = await RegisterMemberAsync("Greta Host");
        var sam = await RegisterMemberAsync("Sam Outsider");
        var open = await App.CreateGroupInStoreAsync(greta, GroupKind.Public, cancellationToken: Cancellation);
        var hidden = await App.CreateGroupInStoreAsync(greta, GroupKind.Unlisted, cancellationToken: Cancellation);

        using var outsider = await sam.SendPostAsync("Hello", "group", open, cancellationToken: Cancellation);
        using var unlisted = await sam.SendPostAsync("Hello", "group", hidden, cancellationToken: Cancellation);
        using var unknown = await sam.SendPostAsync("Hello", "group", "no-such-group", cancellationToken: Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, outsider.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unlisted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Delete_Author_PostCommentsAndReactionsGone()
    {
        var ada = await RegisterMemberAsync("Ada Deleter");
        var bob = await RegisterMemberAsync("Bob Commenter");
        await ConnectAsync(ada, bob);
        var id = await ada.PostAsync("Short-lived", cancellationToken: Cancellation);
        var comment = await bob.CommentAsync(id, "A comment", cancellationToken: Cancellation);
        var reply = await ada.CommentAsync(id, "A reply", comment, Cancellation);
        await bob.CommentAsync(id, "A reply to the reply", reply, Cancellation);
        await bob.ReactAsync(id, cancellationToken: Cancellation);
        await ada.ReactAsync(id, "celebrate", comment, Cancellation);

        using (var notAuthor = await bob.Client.DeleteAsync(Url(id), Cancellation))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notAuthor.StatusCode);
        }
        using (var delete = await ada.Client.DeleteAsync(Url(id), Cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }
        using (var gone = await ada.GetAsync($"/api/v1/posts/{id}", Cancellation))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }
        Assert.Equal(0, await App.InStoreAsync(db => db.Comments.CountAsync(c => c.PostId == id, Cancellation)));
        Assert.Equal(0, await App.InStoreAsync(db => db.Reactions.CountAsync(r => r.PostId == id, Cancellation)));
    }

    [Fact]
    public async Task Image_ValidReencodedBadRefused()
    {
        var ada = await RegisterMemberAsync("Ada Pictured");
        var id = await ada.PostAsync("With a picture", cancellationToken: Cancellation);
        using (var form = new MultipartFormDataContent())
        {
            var image = new ByteArrayContent(Unit.Infrastructure.Imaging.TestImages.Encode(800, 400, SkiaSharp.SKEncodedImageFormat.Png));
            image.Headers.ContentType = new("image/png");
            form.Add(image, "image", "picture.png");
            using var put = await ada.Client.PutAsync(Url(id, "/image"), form, Cancellation);
            var body = await put.ReadJsonAsync(Cancellation);
            using var served = await ada.GetAsync(body.GetProperty("imageUrl").GetString()!, Cancellation);
            Assert.Equal("image/webp", served.Content.Headers.ContentType?.MediaType);
        }
        Assert.StartsWith("/media/", (await ada.ReadPostAsync(id, Cancellation)).GetProperty("post").GetProperty("imageUrl").GetString(), StringComparison.Ordinal);

        using var bad = new ByteArrayContent("<svg onload=alert(1)>"u8.ToArray());
        bad.Headers.ContentType = new("image/png");
        using var refused = await ada.Client.PutAsync(Url(id, "/image"), bad, Cancellation);
        await Problems.AssertProblemAsync(refused, HttpStatusCode.BadRequest, "image");
    }

    [Fact]
    public async Task GroupList_CursorPages_StayCorrectWhenSomeAreHidden()
    {
        var ada = await RegisterMemberAsync("Ada Pager");
        var eve = await RegisterMemberAsync("Eve Hidden");
        var mia = await RegisterMemberAsync("Mia Pager");
        var slug = await App.CreateGroupInStoreAsync(ada, GroupKind.Public, [eve, mia], cancellationToken: Cancellation);
        var visible = new List<long>();
        for (var i = 0; i < 25; i++)
        {
            // Same instant for several posts: the cursor breaks ties by id.
            if (i % 3 == 0)
            {
                App.Time.Advance(TimeSpan.FromSeconds(1));
            }
            visible.Add(await ada.PostAsync($"Post {i}", groupSlug: slug, cancellationToken: Cancellation));
            await App.CreatePostInStoreAsync(eve, $"Hidden {i}", groupSlug: slug, cancellationToken: Cancellation);
        }
        await eve.BlockAsync(mia, Cancellation);

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await mia.GetJsonAsync($"/api/v1/groups/{slug}/posts" + (cursor is null ? "" : "?before=" + cursor), Cancellation);
            seen.AddRange(page.GetProperty("posts").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("next").ValueKind == JsonValueKind.String ? page.GetProperty("next").GetString() : null;
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Reverse(visible), seen);
        var first = await mia.GetJsonAsync($"/api/v1/groups/{slug}/posts", Cancellation);
        Assert.Equal(20, first.GetProperty("posts").GetArrayLength());
    }

    [Fact]
    public async Task MemberActivity_OwnPendingShownToAuthorOnly()
    {
        var greta = await RegisterMemberAsync("Greta Approver");
        var ada = await RegisterMemberAsync("Ada Active");
        var bob = await RegisterMemberAsync("Bob Watcher");
        await ConnectAsync(ada, bob);
        var slug = await App.CreateGroupInStoreAsync(greta, GroupKind.Public, [ada], postsNeedApproval: true, cancellationToken: Cancellation);
        var pending = await ada.PostAsync("Waiting", groupSlug: slug, cancellationToken: Cancellation);
        var open = await ada.PostAsync("For my connections", "connections", cancellationToken: Cancellation);

        var mine = await ada.GetJsonAsync($"/api/v1/members/{ada.Handle}/posts", Cancellation);
        var theirs = await bob.GetJsonAsync($"/api/v1/members/{ada.Handle}/posts", Cancellation);

        Assert.Equal([open, pending], mine.GetProperty("posts").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));
        Assert.Equal([open], theirs.GetProperty("posts").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task HashtagFollow_FoldedIdempotentListedAndUnfollowed()
    {
        var ada = await RegisterMemberAsync("Ada Follower");
        using (var follow = await ada.Client.PutAsync(new Uri("/api/v1/hashtags/Économie/follow", UriKind.Relative), null, Cancellation))
        {
            Assert.Equal("economie", (await follow.ReadJsonAsync(Cancellation)).GetProperty("tag").GetString());
        }
        using (var again = await ada.Client.PutAsync(new Uri("/api/v1/hashtags/economie/follow", UriKind.Relative), null, Cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }
        Assert.Equal(["economie"], (await ada.GetJsonAsync("/api/v1/me/hashtags", Cancellation)).EnumerateArray().Select(t => t.GetProperty("tag").GetString()));
        using (var bad = await ada.Client.PutAsync(new Uri("/api/v1/hashtags/%3Cb%3E/follow", UriKind.Relative), null, Cancellation))
        {
            await Problems.AssertProblemAsync(bad, HttpStatusCode.BadRequest, "tag");
        }
        using (var unfollow = await ada.Client.DeleteAsync(new Uri("/api/v1/hashtags/ECONOMIE/follow", UriKind.Relative), Cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, unfollow.StatusCode);
        }
        Assert.Empty((await ada.GetJsonAsync("/api/v1/me/hashtags", Cancellation)).EnumerateArray());
    }

    private static Uri Url(long id, string rest = "") => new($"/api/v1/posts/{id}{rest}", UriKind.Relative);

    private async Task<List<string>> NotificationsAsync(Member member, NotificationKind kind)
    {
        var id = await App.MemberIdAsync(member, Cancellation);
        return await App.InStoreAsync(db => db.Notifications.Where(n => n.RecipientId == id && n.Kind == kind).Select(n => n.Text).ToListAsync(Cancellation));
    }
}
