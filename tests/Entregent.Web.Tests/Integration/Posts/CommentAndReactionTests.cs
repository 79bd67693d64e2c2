using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Tests.Integration.Posts;

/// <summary>Comments with one level of replies, reactions, their counts (exact under races) and who is told.</summary>
public class CommentAndReactionTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Replies_ReplyToReplySitsUnderTopLevel_AuthorsNotified()
    {
        var ada = await RegisterMemberAsync("Ada Poster");
        var bob = await RegisterMemberAsync("Bob Commenter");
        var cleo = await RegisterMemberAsync("Cleo Replier");
        await ConnectAsync(ada, bob);
        await ConnectAsync(ada, cleo);
        var id = await ada.PostAsync("Discuss", cancellationToken: Cancellation);

        var top = await bob.CommentAsync(id, "First!", cancellationToken: Cancellation);
        var reply = await cleo.CommentAsync(id, "Answering Bob", top, Cancellation);
        var deeper = await bob.CommentAsync(id, $"Answering Cleo, cc @{ada.Handle}", reply, Cancellation);

        var comments = await ada.GetJsonAsync($"/api/v1/posts/{id}/comments", Cancellation);
        var only = Assert.Single(comments.EnumerateArray());
        Assert.Equal(top, only.GetProperty("id").GetInt64());
        var replies = only.GetProperty("replies").EnumerateArray().ToList();
        Assert.Equal([reply, deeper], replies.Select(r => r.GetProperty("id").GetInt64()));
        Assert.Equal(JsonValueKind.Null, replies[0].GetProperty("replyToCommentId").ValueKind);
        Assert.Equal(reply, replies[1].GetProperty("replyToCommentId").GetInt64());
        Assert.Equal(cleo.Handle, replies[1].GetProperty("replyTo").GetProperty("handle").GetString());
        Assert.Equal(3, (await ada.ReadPostAsync(id, Cancellation)).GetProperty("post").GetProperty("commentCount").GetInt32());

        // Ada: three comments on her post (and a mention); Bob: Cleo's reply; Cleo: Bob's answer.
        Assert.Equal(3, (await NotificationsAsync(ada, NotificationKind.Reply)).Count);
        Assert.Single(await NotificationsAsync(ada, NotificationKind.Mention));
        Assert.Single(await NotificationsAsync(bob, NotificationKind.Reply));
        Assert.Single(await NotificationsAsync(cleo, NotificationKind.Reply));
    }

    [Fact]
    public async Task DeleteComment_TopLevelTakesReplies_CountExact()
    {
        var ada = await RegisterMemberAsync("Ada Host");
        var bob = await RegisterMemberAsync("Bob Talker");
        await ConnectAsync(ada, bob);
        var id = await ada.PostAsync("Thread", cancellationToken: Cancellation);
        var top = await bob.CommentAsync(id, "Top", cancellationToken: Cancellation);
        var reply = await ada.CommentAsync(id, "Reply", top, Cancellation);
        await bob.CommentAsync(id, "Reply to reply", reply, Cancellation);
        var other = await ada.CommentAsync(id, "Another top", cancellationToken: Cancellation);
        await bob.ReactAsync(id, "like", reply, Cancellation);

        using (var notMine = await ada.Client.DeleteAsync(new Uri($"/api/v1/posts/{id}/comments/{top}", UriKind.Relative), Cancellation))
        {
            await Problems.AssertProblemAsync(notMine, HttpStatusCode.Forbidden);
        }
        using (var edit = await bob.Client.PutAsJsonAsync(new Uri($"/api/v1/posts/{id}/comments/{top}", UriKind.Relative), new { body = "Top, edited" },
            Cancellation))
        {
            var edited = await edit.ReadJsonAsync(Cancellation);
            Assert.Equal("<p>Top, edited</p>", edited.GetProperty("bodyHtml").GetString());
            Assert.Equal(JsonValueKind.String, edited.GetProperty("editedAt").ValueKind);
        }
        using (var delete = await bob.Client.DeleteAsync(new Uri($"/api/v1/posts/{id}/comments/{top}", UriKind.Relative), Cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        var comments = await ada.GetJsonAsync($"/api/v1/posts/{id}/comments", Cancellation);
        Assert.Equal([other], comments.EnumerateArray().Select(c => c.GetProperty("id").GetInt64()));
        Assert.Equal(1, (await ada.ReadPostAsync(id, Cancellation)).GetProperty("post").GetProperty("commentCount").GetInt32());
        Assert.Equal(1, await App.InStoreAsync(db => db.Comments.CountAsync(c => c.PostId == id, Cancellation)));
    }

    [Fact]
    public async Task Reactions_ReplaceRemoveNotifyOncePerReactor()
    {
        var ada = await RegisterMemberAsync("Ada Reacted");
        var bob = await RegisterMemberAsync("Bob Reactor");
        await ConnectAsync(ada, bob);
        var id = await ada.PostAsync("React to me", cancellationToken: Cancellation);

        await bob.ReactAsync(id, "like", cancellationToken: Cancellation);
        await bob.ReactAsync(id, "insightful", cancellationToken: Cancellation);
        var post = (await bob.ReadPostAsync(id, Cancellation)).GetProperty("post");
        Assert.Equal(1, post.GetProperty("reactionCount").GetInt32());
        Assert.Equal("insightful", post.GetProperty("myReaction").GetString());
        var reactions = await ada.GetJsonAsync($"/api/v1/posts/{id}/reactions", Cancellation);
        Assert.Equal(1, reactions.GetProperty("byKind").GetProperty("insightful").GetInt32());
        Assert.Equal(bob.Handle, Assert.Single(reactions.GetProperty("reactors").EnumerateArray()).GetProperty("member").GetProperty("handle").GetString());

        using (var remove = await bob.Client.DeleteAsync(new Uri($"/api/v1/posts/{id}/reaction", UriKind.Relative), Cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        }
        using (var twice = await bob.Client.DeleteAsync(new Uri($"/api/v1/posts/{id}/reaction", UriKind.Relative), Cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, twice.StatusCode);
        }
        Assert.Equal(0, (await bob.ReadPostAsync(id, Cancellation)).GetProperty("post").GetProperty("reactionCount").GetInt32());
        await bob.ReactAsync(id, "celebrate", cancellationToken: Cancellation);
        Assert.Equal(1, (await bob.ReadPostAsync(id, Cancellation)).GetProperty("post").GetProperty("reactionCount").GetInt32());
        Assert.Single(await NotificationsAsync(ada, NotificationKind.Reaction));
    }

    [Fact]
    public async Task Reactions_BlockedReactorNeverListed()
    {
        var ada = await RegisterMemberAsync("Ada Public");
        var bob = await RegisterMemberAsync("Bob Liker");
        var eve = await RegisterMemberAsync("Eve Liker");
        var id = await ada.PostAsync("Public words", cancellationToken: Cancellation);
        await bob.ReactAsync(id, cancellationToken: Cancellation);
        await eve.ReactAsync(id, cancellationToken: Cancellation);
        var comment = await eve.CommentAsync(id, "Eve was here", cancellationToken: Cancellation);
        await bob.BlockAsync(eve, Cancellation);

        var reactions = await bob.GetJsonAsync($"/api/v1/posts/{id}/reactions", Cancellation);
        Assert.Equal([bob.Handle], reactions.GetProperty("reactors").EnumerateArray().Select(r => r.GetProperty("member").GetProperty("handle").GetString()));
        Assert.Equal(1, reactions.GetProperty("total").GetInt32());
        Assert.Empty((await bob.GetJsonAsync($"/api/v1/posts/{id}/comments", Cancellation)).EnumerateArray());
        using var hidden = await bob.GetAsync($"/api/v1/posts/{id}/comments/{comment}/reactions", Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task Replies_UnderAThreadHiddenFromTheReplier_RefusedOrEditedWithoutFailing()
    {
        var ada = await RegisterMemberAsync("Ada Thread Host");
        var bob = await RegisterMemberAsync("Bob Thread Starter");
        var cleo = await RegisterMemberAsync("Cleo Thread Reply");
        var dan = await RegisterMemberAsync("Dan Thread Late");
        var id = await ada.PostAsync("A public thread", cancellationToken: Cancellation);
        var top = await bob.CommentAsync(id, "Bob starts", cancellationToken: Cancellation);
        var reply = await cleo.CommentAsync(id, "Cleo answers", top, Cancellation);
        var dans = await dan.CommentAsync(id, "Dan answers Cleo", reply, Cancellation);

        // Bob blocks Dan: Dan no longer sees Bob's thread, so he cannot answer into it, though Cleo's reply is visible to him.
        await bob.BlockAsync(dan, Cancellation);
        using (var refused = await dan.SendCommentAsync(id, "Again", reply, Cancellation))
        {
            await Problems.AssertProblemAsync(refused, HttpStatusCode.BadRequest, "replyTo");
        }
        // His own earlier reply still edits, and the answer names whom it answers.
        using var edited = await dan.Client.PutAsJsonAsync(new Uri($"/api/v1/posts/{id}/comments/{dans}", UriKind.Relative),
            new { body = "Dan answers Cleo, edited" }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var view = await edited.ReadJsonAsync(Cancellation);
        Assert.Equal("Dan answers Cleo, edited", view.GetProperty("body").GetString());
        Assert.Equal(cleo.Handle, view.GetProperty("replyTo").GetProperty("handle").GetString());
        // The refused answer wrote nothing.
        Assert.Equal(3, (await ada.ReadPostAsync(id, Cancellation)).GetProperty("post").GetProperty("commentCount").GetInt32());
    }

    [Fact]
    public async Task Concurrent_ReactionsAndComments_CountsExact()
    {
        var ada = await RegisterMemberAsync("Ada Popular");
        var fans = new List<Member>();
        for (var i = 0; i < 6; i++)
        {
            fans.Add(await RegisterMemberAsync($"Fan {i}"));
        }
        var id = await ada.PostAsync("Race me", cancellationToken: Cancellation);

        var responses = await Task.WhenAll(fans.SelectMany(f => new[]
        {
            f.SendReactionAsync(id, "like", cancellationToken: Cancellation),
            f.SendReactionAsync(id, "support", cancellationToken: Cancellation),
            f.SendCommentAsync(id, "Me too", cancellationToken: Cancellation),
        }));
        foreach (var response in responses)
        {
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancellation)}");
            response.Dispose();
        }

        var post = (await ada.ReadPostAsync(id, Cancellation)).GetProperty("post");
        Assert.Equal(6, post.GetProperty("reactionCount").GetInt32());
        Assert.Equal(6, post.GetProperty("commentCount").GetInt32());
        Assert.Equal(6, await App.InStoreAsync(db => db.Reactions.CountAsync(r => r.PostId == id, Cancellation)));
        Assert.Equal(6, (await NotificationsAsync(ada, NotificationKind.Reaction)).Count);
    }

    private async Task<List<string>> NotificationsAsync(Member member, NotificationKind kind)
    {
        var id = await App.MemberIdAsync(member, Cancellation);
        return await App.InStoreAsync(db => db.Notifications.Where(n => n.RecipientId == id && n.Kind == kind).Select(n => n.Text).ToListAsync(Cancellation));
    }
}
