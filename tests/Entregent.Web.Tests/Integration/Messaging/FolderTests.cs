using System.Net;
using System.Text.Json;
using Entregent.Web.Tests.Infrastructure;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Messaging;

/// <summary>Requests, accept and decline, archive, leave, unread counts and blocks, as each participant sees them.</summary>
public class FolderTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Request_Accepted_MovesToInbox_AndCountsFollow()
    {
        var ann = await RegisterMemberAsync("Ann Asker");
        var rob = await RegisterMemberAsync("Rob Receiver");
        await GroupOfAsync(ann, rob);
        var id = await ann.WriteToAsync([rob], "May I ask you something?", cancellationToken: Cancellation);

        Assert.Equal((0, 1), await rob.UnreadAsync(Cancellation));
        var request = Assert.Single(await rob.ConversationsAsync("requests", Cancellation));
        Assert.Equal(1, request.GetProperty("unread").GetInt32());
        Assert.Equal("May I ask you something?", request.GetProperty("lastMessage").GetProperty("text").GetString());
        Assert.Equal(ann.Handle, Assert.Single(request.GetProperty("participants").EnumerateArray()).GetProperty("handle").GetString());
        // Archiving a request would bring it back as accepted with the next message: refused.
        await AssertProblemAsync(await rob.ConversationActionAsync(id, "archive", Cancellation), HttpStatusCode.Conflict, "conversation");

        await rob.DoConversationActionAsync(id, "accept", Cancellation);
        await rob.DoConversationActionAsync(id, "accept", Cancellation);

        Assert.Empty(await rob.ConversationsAsync("requests", Cancellation));
        Assert.Equal(1, Assert.Single(await rob.ConversationsAsync("inbox", Cancellation)).GetProperty("unread").GetInt32());
        Assert.Equal((1, 0), await rob.UnreadAsync(Cancellation));
        await rob.DoConversationActionAsync(id, "read", Cancellation);
        Assert.Equal((0, 0), await rob.UnreadAsync(Cancellation));
        // The sender's own messages are never unread for them.
        Assert.Equal((0, 0), await ann.UnreadAsync(Cancellation));
    }

    [Fact]
    public async Task Request_Declined_StaysOut_AndTheSenderCannotTell()
    {
        var ann = await RegisterMemberAsync("Ann Pushy");
        var rob = await RegisterMemberAsync("Rob Private");
        await GroupOfAsync(ann, rob);
        var id = await ann.WriteToAsync([rob], "Buy my product", cancellationToken: Cancellation);
        var before = await ann.GetJsonAsync($"/api/v1/conversations/{id}", Cancellation);

        App.Time.Advance(TimeSpan.FromSeconds(1));
        await rob.DoConversationActionAsync(id, "decline", Cancellation);
        App.Time.Advance(TimeSpan.FromSeconds(1));
        var again = await ann.WriteToAsync([rob], "Really, buy it", cancellationToken: Cancellation);

        Assert.Equal(id, again);
        Assert.Empty(await rob.ConversationsAsync("requests", Cancellation));
        Assert.Empty(await rob.ConversationsAsync("inbox", Cancellation));
        Assert.Equal((0, 0), await rob.UnreadAsync(Cancellation));
        var seen = await rob.GetJsonAsync($"/api/v1/conversations/{id}", Cancellation);
        Assert.Equal(["Buy my product"], seen.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("body").GetString()));
        Assert.False(seen.GetProperty("canWrite").GetBoolean());
        // The sender's view is the same shape before and after: nothing says read, declined or left.
        var after = await ann.GetJsonAsync($"/api/v1/conversations/{id}", Cancellation);
        Assert.Equal(Names(before), Names(after));
        Assert.True(after.GetProperty("canWrite").GetBoolean());
    }

    [Fact]
    public async Task Archive_NewMessageBringsItBack_Unarchive()
    {
        var ann = await RegisterMemberAsync("Ann Archivist");
        var bob = await RegisterMemberAsync("Bob Chatty");
        await ConnectAsync(ann, bob);
        var id = await ann.WriteToAsync([bob], "Hi", cancellationToken: Cancellation);
        await ann.DoConversationActionAsync(id, "archive", Cancellation);
        Assert.Empty(await ann.ConversationsAsync("inbox", Cancellation));
        Assert.Equal([id], await ann.ConversationIdsAsync("archived", Cancellation));

        App.Time.Advance(TimeSpan.FromSeconds(1));
        await bob.ReplyAsync(id, "Still there?", Cancellation);
        Assert.Equal([id], await ann.ConversationIdsAsync("inbox", Cancellation));
        Assert.Equal((1, 0), await ann.UnreadAsync(Cancellation));

        await ann.DoConversationActionAsync(id, "archive", Cancellation);
        await ann.DoConversationActionAsync(id, "unarchive", Cancellation);
        Assert.Equal([id], await ann.ConversationIdsAsync("inbox", Cancellation));
        await AssertProblemAsync(await ann.ConversationActionAsync(id, "decline", Cancellation), HttpStatusCode.Conflict, "conversation");
        await AssertProblemAsync(await ann.ConversationActionAsync(id, "leave", Cancellation), HttpStatusCode.Conflict, "conversation");
    }

    [Fact]
    public async Task Leave_GroupConversation_NothingAfter_CannotWrite()
    {
        var ann = await RegisterMemberAsync("Ann Group");
        var bob = await RegisterMemberAsync("Bob Group");
        var cat = await RegisterMemberAsync("Cat Group");
        await ConnectAsync(ann, bob);
        await ConnectAsync(ann, cat);
        var id = await ann.WriteToAsync([bob, cat], "Welcome", "Team", Cancellation);
        App.Time.Advance(TimeSpan.FromSeconds(1));
        await cat.DoConversationActionAsync(id, "leave", Cancellation);
        App.Time.Advance(TimeSpan.FromSeconds(1));
        await ann.ReplyAsync(id, "After Cat left", Cancellation);

        var seen = await cat.GetJsonAsync($"/api/v1/conversations/{id}", Cancellation);
        Assert.Equal(["Welcome"], seen.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("body").GetString()));
        Assert.True(seen.GetProperty("left").GetBoolean());
        Assert.Empty(await cat.ConversationsAsync("inbox", Cancellation));
        await AssertProblemAsync(await cat.SendMessageAsync(id, "Back!", Cancellation), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await cat.ConversationActionAsync(id, "leave", Cancellation), HttpStatusCode.Conflict);
        var participants = (await bob.GetJsonAsync($"/api/v1/conversations/{id}", Cancellation)).GetProperty("participants");
        Assert.Equal([ann.Handle, bob.Handle], participants.EnumerateArray().Select(p => p.GetProperty("handle").GetString()).Order());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Block_EitherWay_StopsMessages_AndHidesTheConversation(bool recipientBlocks)
    {
        var ann = await RegisterMemberAsync("Ann Blocked");
        var bob = await RegisterMemberAsync("Bob Blocker");
        await ConnectAsync(ann, bob);
        var id = await ann.WriteToAsync([bob], "Hello", cancellationToken: Cancellation);
        await (recipientBlocks ? bob.BlockAsync(ann, Cancellation) : ann.BlockAsync(bob, Cancellation));

        foreach (var (member, other) in new[] { (ann, bob), (bob, ann) })
        {
            await AssertProblemAsync(await member.SendMessageAsync(id, "Still?", Cancellation), HttpStatusCode.Forbidden);
            await AssertProblemAsync(await member.SendOpenConversationAsync([other.Handle], "New?", cancellationToken: Cancellation), HttpStatusCode.NotFound);
            Assert.Empty(await member.ConversationsAsync("inbox", Cancellation));
            Assert.Equal((0, 0), await member.UnreadAsync(Cancellation));
            // Their own history stays readable, without the other in it, and read-only.
            var seen = await member.GetJsonAsync($"/api/v1/conversations/{id}", Cancellation);
            Assert.False(seen.GetProperty("canWrite").GetBoolean());
            Assert.Equal([member.Handle], seen.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("handle").GetString()));
        }
        var count = await App.InStoreAsync(db => Task.FromResult(db.Messages.Count(m => m.ConversationId == id)));
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task Block_InAGroupConversation_HidesTheBlockedMembersMessages_OldOnesToo()
    {
        var ann = await RegisterMemberAsync("Ann Group Host");
        var bob = await RegisterMemberAsync("Bob Group Talker");
        var cleo = await RegisterMemberAsync("Cleo Group Blocker");
        await ConnectAsync(ann, bob);
        await ConnectAsync(ann, cleo);
        var id = await ann.WriteToAsync([bob, cleo], "Welcome both", "Project", Cancellation);
        await cleo.ReplyAsync(id, "Hello", Cancellation);
        App.Time.Advance(TimeSpan.FromSeconds(1));
        await bob.ReplyAsync(id, "Thanks Ann", Cancellation);
        Assert.Equal((1, 0), await cleo.UnreadAsync(Cancellation));

        await cleo.BlockAsync(bob, Cancellation);

        // Nothing of Bob's in Cleo's list: not the preview, not the unread counts.
        var listed = Assert.Single(await cleo.ConversationsAsync("inbox", Cancellation));
        Assert.Equal("Hello", listed.GetProperty("lastMessage").GetProperty("text").GetString());
        Assert.Equal(0, listed.GetProperty("unread").GetInt32());
        Assert.Equal((0, 0), await cleo.UnreadAsync(Cancellation));
        var seen = await cleo.GetJsonAsync($"/api/v1/conversations/{id}", Cancellation);
        Assert.Equal(["Welcome both", "Hello"], seen.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("body").GetString()));
        Assert.Equal(2, seen.GetProperty("total").GetInt32());
        // Ann still sees everyone's.
        Assert.Equal(3, (await ann.GetJsonAsync($"/api/v1/conversations/{id}", Cancellation)).GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task List_PagesNewestFirst_WithACursor()
    {
        var ann = await RegisterMemberAsync("Ann Popular");
        for (var i = 0; i < Entregent.Web.Features.Messaging.ListConversations.PageSize + 2; i++)
        {
            var friend = await RegisterMemberAsync("Friend " + i);
            await ConnectAsync(ann, friend);
            await friend.WriteToAsync([ann], "Hi " + i, cancellationToken: Cancellation);
            App.Time.Advance(TimeSpan.FromSeconds(1));
        }
        var first = await ann.GetJsonAsync("/api/v1/conversations", Cancellation);
        var next = first.GetProperty("nextBefore").GetString();
        Assert.NotNull(next);
        var second = await ann.GetJsonAsync("/api/v1/conversations?before=" + next, Cancellation);
        var texts = first.GetProperty("conversations").EnumerateArray().Concat(second.GetProperty("conversations").EnumerateArray())
            .Select(c => c.GetProperty("lastMessage").GetProperty("text").GetString()).ToList();
        Assert.Equal(Enumerable.Range(0, Entregent.Web.Features.Messaging.ListConversations.PageSize + 2).Reverse().Select(i => "Hi " + i), texts);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextBefore").ValueKind);
    }

    private static List<string> Names(JsonElement conversation) => [.. conversation.EnumerateObject().Select(p => p.Name)];
}
