using System.Net;
using System.Text.Json;
using Entregent.Web.Tests.Infrastructure;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Introductions;

/// <summary>Introductions from request to conversation: 2nd and 3rd degree, declines, withdrawal, connecting afterwards.</summary>
public class IntroductionFlowTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task SecondDegree_ForwardedAndAccepted_ConversationBetweenTheThreeAndTheyMayConnect()
    {
        var ada = await RegisterMemberAsync("Ada Asker");
        var bob = await RegisterMemberAsync("Bob Between");
        var cyd = await RegisterMemberAsync("Cyd Target");
        await ConnectAsync(ada, bob);
        await ConnectAsync(bob, cyd);

        var paths = await ada.GetJsonAsync($"/api/v1/members/{cyd.Handle}/introduction-paths", Cancellation);
        Assert.Equal("second", paths.GetProperty("degree").GetString());
        var proposed = paths.GetProperty("paths")[0];
        Assert.Equal([bob.Handle], proposed.GetProperty("intermediaries").Handles());
        var hops = proposed.GetProperty("hops");
        Assert.Equal(2, hops.GetArrayLength());
        Assert.Contains("Bob Between", hops[1].GetProperty("explanation").GetString(), StringComparison.Ordinal);

        var requested = await ada.RequestIntroductionAsync(cyd, bob, "We both build graph databases.", Cancellation);
        var id = requested.Id();
        Assert.Equal("awaitingIntermediary", requested.GetProperty("status").GetString());
        Assert.Equal(["withdraw"], Actions(requested));
        Assert.Contains(await App.MailsToAsync(bob.Email, Cancellation), m => (m.Subject ?? "").Contains("Ada Asker", StringComparison.Ordinal));

        // The target does not see it before it reaches them.
        using (var early = await cyd.Client.GetAsync(new Uri($"/api/v1/introductions/{id}", UriKind.Relative), Cancellation))
        {
            Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        }
        Assert.Empty((await cyd.GetJsonAsync("/api/v1/introductions?box=all", Cancellation)).GetProperty("items").EnumerateArray());
        var toAct = await bob.GetJsonAsync("/api/v1/introductions", Cancellation);
        Assert.Equal(id, toAct.GetProperty("items")[0].Id());
        Assert.Equal(["forward", "decline"], Actions(toAct.GetProperty("items")[0]));

        var forwarded = await bob.ForwardIntroductionAsync(id, "Cyd, Ada is great.", Cancellation);
        Assert.Equal("awaitingTarget", forwarded.GetProperty("status").GetString());
        Assert.Contains(await App.MailsToAsync(cyd.Email, Cancellation), m => (m.Subject ?? "").Contains("Ada Asker", StringComparison.Ordinal));
        var seen = await cyd.GetJsonAsync($"/api/v1/introductions/{id}", Cancellation);
        Assert.Equal("target", seen.GetProperty("role").GetString());
        Assert.Equal(["accept", "decline"], Actions(seen));
        Assert.Equal(["requested", "forwarded"], Kinds(seen));
        Assert.Equal("Cyd, Ada is great.", seen.GetProperty("timeline")[1].GetProperty("note").GetString());

        var accepted = await cyd.AcceptIntroductionAsync(id, Cancellation);
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        Assert.Equal(["connect"], Actions(accepted));
        Assert.Contains(await App.MailsToAsync(ada.Email, Cancellation), m => (m.Subject ?? "").Contains("accepted", StringComparison.Ordinal));
        var conversationId = accepted.GetProperty("conversationId").GetInt64();

        foreach (var member in new[] { ada, bob, cyd })
        {
            var view = await member.GetJsonAsync($"/api/v1/introductions/{id}", Cancellation);
            Assert.Equal("accepted", view.GetProperty("status").GetString());
            var conversation = await member.GetJsonAsync($"/api/v1/conversations/{conversationId}", Cancellation);
            Assert.Equal([ada.Handle, bob.Handle, cyd.Handle], conversation.GetProperty("participants").Handles().Order());
            Assert.Equal(["We both build graph databases.", "Cyd, Ada is great."], Bodies(conversation));
            Assert.Equal(id, conversation.GetProperty("introductionId").GetInt64());
        }

        // Connect afterwards, saying they met through the introduction.
        var invitation = await ada.InviteAsync(cyd, "Thanks for accepting.", "introduction", cancellationToken: Cancellation);
        await cyd.AcceptAsync(invitation.Id(), Cancellation);
        var after = await ada.GetJsonAsync($"/api/v1/introductions/{id}", Cancellation);
        Assert.Empty(Actions(after));
        Assert.Equal("first", (await ada.GetJsonAsync($"/api/v1/members/{cyd.Handle}/connection", Cancellation)).GetProperty("degree").GetString());
    }

    [Fact]
    public async Task ThirdDegree_TwoIntermediaries_EachSeesItWhenItReachesThem()
    {
        var ada = await RegisterMemberAsync("Ada Far");
        var bob = await RegisterMemberAsync("Bob First");
        var dan = await RegisterMemberAsync("Dan Second");
        var cyd = await RegisterMemberAsync("Cyd Far");
        await ConnectAsync(ada, bob);
        await ConnectAsync(bob, dan);
        await ConnectAsync(dan, cyd);

        var paths = await ada.GetJsonAsync($"/api/v1/members/{cyd.Handle}/introduction-paths", Cancellation);
        Assert.Equal("third", paths.GetProperty("degree").GetString());
        Assert.Equal([bob.Handle, dan.Handle], paths.GetProperty("paths")[0].GetProperty("intermediaries").Handles());

        var requested = await ada.RequestIntroductionAsync(cyd, bob, "Hello Cyd.", Cancellation);
        var id = requested.Id();
        Assert.Equal(dan.Handle, requested.GetProperty("secondIntermediary").GetProperty("handle").GetString());
        foreach (var notYet in new[] { dan, cyd })
        {
            using var hidden = await notYet.Client.GetAsync(new Uri($"/api/v1/introductions/{id}", UriKind.Relative), Cancellation);
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        var first = await bob.ForwardIntroductionAsync(id, null, Cancellation);
        Assert.Equal("awaitingSecondIntermediary", first.GetProperty("status").GetString());
        Assert.Contains(await App.MailsToAsync(dan.Email, Cancellation), m => (m.Subject ?? "").Contains("Ada Far", StringComparison.Ordinal));
        Assert.Equal(["forward", "decline"], Actions(await dan.GetJsonAsync($"/api/v1/introductions/{id}", Cancellation)));
        using (var stillHidden = await cyd.Client.GetAsync(new Uri($"/api/v1/introductions/{id}", UriKind.Relative), Cancellation))
        {
            Assert.Equal(HttpStatusCode.NotFound, stillHidden.StatusCode);
        }
        // Not Bob's turn any more.
        using (var again = await bob.AnswerIntroductionAsync(id, "forward", cancellationToken: Cancellation))
        {
            await AssertProblemAsync(again, HttpStatusCode.Conflict, "status");
        }

        await dan.ForwardIntroductionAsync(id, "Cyd, meet Ada.", Cancellation);
        var accepted = await cyd.AcceptIntroductionAsync(id, Cancellation);
        var conversation = await dan.GetJsonAsync($"/api/v1/conversations/{accepted.GetProperty("conversationId").GetInt64()}", Cancellation);
        Assert.Equal(4, conversation.GetProperty("participants").GetArrayLength());
        // Bob forwarded without a note: only the request and Dan's note open the thread.
        Assert.Equal(["Hello Cyd.", "Cyd, meet Ada."], Bodies(conversation));
        Assert.Equal(["requested", "forwarded", "forwarded", "accepted"], Kinds(await ada.GetJsonAsync($"/api/v1/introductions/{id}", Cancellation)));
    }

    [Theory]
    [InlineData("intermediary")]
    [InlineData("target")]
    public async Task Decline_ClosesItTellsTheRequesterAndAllowsANewRequest(string decliner)
    {
        var ada = await RegisterMemberAsync("Ada Declined");
        var bob = await RegisterMemberAsync("Bob Decliner");
        var cyd = await RegisterMemberAsync("Cyd Decliner");
        await ConnectAsync(ada, bob);
        await ConnectAsync(bob, cyd);
        var id = (await ada.RequestIntroductionAsync(cyd, bob, cancellationToken: Cancellation)).Id();
        var by = bob;
        if (decliner == "target")
        {
            await bob.ForwardIntroductionAsync(id, cancellationToken: Cancellation);
            by = cyd;
        }

        var declined = await by.DeclineIntroductionAsync(id, "Not now, sorry.", Cancellation);

        Assert.Equal("declined", declined.GetProperty("status").GetString());
        Assert.Empty(Actions(declined));
        var seen = await ada.GetJsonAsync($"/api/v1/introductions/{id}", Cancellation);
        var last = seen.GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal("declined", last.GetProperty("kind").GetString());
        Assert.Equal(by.Handle, last.GetProperty("by").GetProperty("handle").GetString());
        Assert.Equal("Not now, sorry.", last.GetProperty("note").GetString());
        Assert.Contains(await App.MailsToAsync(ada.Email, Cancellation), m => (m.Subject ?? "").Contains("declined", StringComparison.Ordinal));
        using (var accept = await cyd.AnswerIntroductionAsync(id, "accept", cancellationToken: Cancellation))
        {
            Assert.Equal(decliner == "target" ? HttpStatusCode.Conflict : HttpStatusCode.NotFound, accept.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Created, (await ada.SendIntroductionRequestAsync(cyd.Handle, bob.Handle, "Once more?", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task Withdraw_WhileOpen_ClosedForEveryoneAndNotTwice()
    {
        var ada = await RegisterMemberAsync("Ada Withdraws");
        var bob = await RegisterMemberAsync("Bob Withdrawn");
        var cyd = await RegisterMemberAsync("Cyd Withdrawn");
        await ConnectAsync(ada, bob);
        await ConnectAsync(bob, cyd);
        var id = (await ada.RequestIntroductionAsync(cyd, bob, cancellationToken: Cancellation)).Id();

        using (var withdrawn = await ada.Client.DeleteAsync(new Uri($"/api/v1/introductions/{id}", UriKind.Relative), Cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        }

        var seen = await bob.GetJsonAsync($"/api/v1/introductions/{id}", Cancellation);
        Assert.Equal("withdrawn", seen.GetProperty("status").GetString());
        Assert.Empty(Actions(seen));
        Assert.Empty((await bob.GetJsonAsync("/api/v1/introductions?box=toAct", Cancellation)).GetProperty("items").EnumerateArray());
        using (var forward = await bob.AnswerIntroductionAsync(id, "forward", cancellationToken: Cancellation))
        {
            await AssertProblemAsync(forward, HttpStatusCode.Conflict, "status");
        }
        using (var twice = await ada.Client.DeleteAsync(new Uri($"/api/v1/introductions/{id}", UriKind.Relative), Cancellation))
        {
            await AssertProblemAsync(twice, HttpStatusCode.Conflict, "status");
        }
        // It never reached the target: still invisible to them.
        using var hidden = await cyd.Client.GetAsync(new Uri($"/api/v1/introductions/{id}", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task Paths_SharedEmployer_ExplainedWithTheYears()
    {
        var ada = await RegisterMemberAsync("Ada Paths");
        var marie = await RegisterMemberAsync("Marie Worked");
        var paul = await RegisterMemberAsync("Paul Target");
        var acme = MemberActions.UniqueName("Acme");
        await marie.AddPositionAsync(acme, "Engineer", "2018-01", "2021-06", Cancellation);
        await paul.AddPositionAsync(acme, "Manager", "2017-03", "2022-01", Cancellation);
        await ConnectAsync(ada, marie);
        await ConnectAsync(marie, paul);
        await WaitForNetworkAsync();

        var paths = await ada.GetJsonAsync($"/api/v1/members/{paul.Handle}/introduction-paths", Cancellation);

        var hop = paths.GetProperty("paths")[0].GetProperty("hops")[1];
        Assert.Equal("workedTogether", hop.GetProperty("reason").GetProperty("kind").GetString());
        Assert.Equal($"Marie Worked worked with Paul Target at {acme}, 2018–2021", hop.GetProperty("explanation").GetString());
        var first = paths.GetProperty("paths")[0].GetProperty("hops")[0];
        Assert.Equal("howMet", first.GetProperty("reason").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Conversation_ReplyByAParticipant_OthersSeeItEncodedAsSent()
    {
        var (ada, _, cyd, conversationId) = await AcceptedIntroductionAsync();

        using (var sent = await ada.SendMessageAsync(conversationId, "Thanks! <b>Coffee</b> on Tuesday?", Cancellation))
        {
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        var conversation = await cyd.GetJsonAsync($"/api/v1/conversations/{conversationId}", Cancellation);
        Assert.Equal("Thanks! <b>Coffee</b> on Tuesday?", Bodies(conversation)[^1]);
        Assert.False(conversation.GetProperty("messages").EnumerateArray().Last().GetProperty("mine").GetBoolean());
    }

    [Fact]
    public async Task Conversation_BlockBetweenParticipants_ForbiddenToWrite()
    {
        var (ada, bob, cyd, conversationId) = await AcceptedIntroductionAsync();
        await cyd.BlockAsync(ada, Cancellation);

        using var refused = await ada.SendMessageAsync(conversationId, "Hello?", Cancellation);

        var problem = await AssertProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.Contains("blocked", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var allowed = await bob.SendMessageAsync(conversationId, "Bob can still write.", Cancellation);
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
    }

    private async Task<(Member Ada, Member Bob, Member Cyd, long ConversationId)> AcceptedIntroductionAsync()
    {
        var ada = await RegisterMemberAsync("Ada Thread");
        var bob = await RegisterMemberAsync("Bob Thread");
        var cyd = await RegisterMemberAsync("Cyd Thread");
        await ConnectAsync(ada, bob);
        await ConnectAsync(bob, cyd);
        var id = (await ada.RequestIntroductionAsync(cyd, bob, cancellationToken: Cancellation)).Id();
        await bob.ForwardIntroductionAsync(id, cancellationToken: Cancellation);
        var accepted = await cyd.AcceptIntroductionAsync(id, Cancellation);
        return (ada, bob, cyd, accepted.GetProperty("conversationId").GetInt64());
    }

    internal static string[] Actions(JsonElement introduction) =>
        [.. introduction.GetProperty("actions").EnumerateArray().Select(a => a.GetString()!)];

    private static string[] Kinds(JsonElement introduction) =>
        [.. introduction.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()!)];

    private static string[] Bodies(JsonElement conversation) =>
        [.. conversation.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("body").GetString()!)];
}
