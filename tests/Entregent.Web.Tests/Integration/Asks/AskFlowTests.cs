using System.Net;
using System.Text.Json;
using Entregent.Web.Features.Introductions;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Tests.Integration.Asks;

/// <summary>An ask from creation to its answers: groups by introducer, requests, forward, suggest, decline.</summary>
public class AskFlowTests(EntregentFactory app) : IntegrationTest(app)
{
    /// <summary>
    /// owner — paul, owner — lea, owner — direct; paul — jeanne, paul — marc, lea — hugo, hugo — remi (3rd degree through lea).
    /// jeanne, marc, hugo, remi and direct list the skill; other lists something else. Paul and Jeanne were colleagues, so
    /// Paul is Jeanne's best introducer.
    /// </summary>
    internal sealed record World(string Skill, Member Owner, Member Paul, Member Lea, Member Direct, Member Jeanne, Member Marc, Member Hugo,
        Member Remi, Member Other);

    internal static async Task<World> BuildAsync(EntregentFactory app, string tag)
    {
        var skill = "Zymurgy " + tag + Guid.NewGuid().ToString("N")[..6];
        var c = TestContext.Current.CancellationToken;
        var owner = await app.RegisterMemberAsync("Olga Owner", c);
        var paul = await app.RegisterMemberAsync("Paul Broker", c);
        var lea = await app.RegisterMemberAsync("Lea Broker", c);
        var direct = await app.RegisterMemberAsync("Dora Direct", c);
        var jeanne = await app.RegisterMemberAsync("Jeanne Brewer", c);
        var marc = await app.RegisterMemberAsync("Marc Brewer", c);
        var hugo = await app.RegisterMemberAsync("Hugo Brewer", c);
        var remi = await app.RegisterMemberAsync("Remi Brewer", c);
        var other = await app.RegisterMemberAsync("Otto Other", c);
        foreach (var m in new[] { jeanne, marc, hugo, remi, direct })
        {
            await m.SetSkillsAsync([skill], c);
        }
        await other.SetSkillsAsync(["Knitting"], c);
        var company = MemberActions.UniqueName("Brewery " + tag);
        await paul.AddPositionAsync(company, "Brewer", "2016-01", cancellationToken: c);
        await jeanne.AddPositionAsync(company, "Head brewer", "2017-01", cancellationToken: c);
        await app.ConnectAsync(owner, paul, c);
        await app.ConnectAsync(owner, lea, c);
        await app.ConnectAsync(owner, direct, c);
        await app.ConnectAsync(paul, jeanne, c);
        await app.ConnectAsync(paul, marc, c);
        await app.ConnectAsync(lea, hugo, c);
        await app.ConnectAsync(hugo, remi, c);
        await app.ConnectAsync(paul, other, c);
        await app.WaitForNetworkAsync(c);
        return new World(skill, owner, paul, lea, direct, jeanne, marc, hugo, remi, other);
    }

    private static IReadOnlyList<string> Candidates(JsonElement group) =>
        [.. group.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("member").GetProperty("handle").GetString()!)];

    private static JsonElement GroupOf(JsonElement view, Member? connection) =>
        view.GetProperty("groups").EnumerateArray().Single(g => connection is null
            ? g.GetProperty("connection").ValueKind == JsonValueKind.Null
            : g.GetProperty("connection").ValueKind != JsonValueKind.Null && g.GetProperty("connection").GetProperty("handle").GetString() == connection.Handle);

    [Fact]
    public async Task Create_GroupsMatchesByTheConnectionBestPlacedToIntroduce()
    {
        var w = await BuildAsync(App, "Groups");

        using var response = await w.Owner.PostAskAsync("Someone who brews beer", [w.Skill], cancellationToken: Cancellation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var view = await response.ReadJsonAsync(Cancellation);
        Assert.Equal("open", view.GetProperty("ask").GetProperty("status").GetString());
        Assert.Equal([w.Skill], view.GetProperty("ask").GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(new[] { w.Jeanne.Handle, w.Marc.Handle }.Order(), Candidates(GroupOf(view, w.Paul)).Order());
        Assert.Equal(new[] { w.Hugo.Handle, w.Remi.Handle }.Order(), Candidates(GroupOf(view, w.Lea)).Order());
        Assert.Equal([w.Direct.Handle], Candidates(GroupOf(view, null)));
        var all = view.GetProperty("groups").EnumerateArray().SelectMany(Candidates).ToList();
        Assert.DoesNotContain(w.Other.Handle, all);
        Assert.DoesNotContain(w.Owner.Handle, all);
        Assert.Equal(3, view.GetProperty("groups").GetArrayLength());
        var jeanne = GroupOf(view, w.Paul).GetProperty("candidates").EnumerateArray()
            .Single(c => c.GetProperty("member").GetProperty("handle").GetString() == w.Jeanne.Handle);
        Assert.Equal("Head brewer", jeanne.GetProperty("reason").GetProperty("title").GetString());
        Assert.Equal([w.Skill], jeanne.GetProperty("reason").GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Request_Forward_CreatesAnIntroductionAwaitingTheCandidate()
    {
        var w = await BuildAsync(App, "Forward");
        var ask = await w.Owner.AskAsync("Someone who brews beer", [w.Skill], cancellationToken: Cancellation);
        var askId = ask.GetProperty("ask").GetProperty("id").GetInt64();

        var sent = await w.Owner.AskConnectionAsync(askId, w.Paul, "Could you help?", Cancellation);

        Assert.Equal("pending", sent.GetProperty("status").GetString());
        Assert.Equal(2, sent.GetProperty("candidateCount").GetInt32());
        // Mails written at the same instant of the test clock sort in no set order: pick the ask's by its subject.
        var mail = Assert.Single(await App.MailsToAsync(w.Paul.Email, Cancellation), m => m.Subject?.Contains("asks:", StringComparison.Ordinal) == true);
        Assert.Contains("Olga Owner", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Someone who brews beer", mail.TextBody, StringComparison.Ordinal);
        var inbox = await w.Paul.GetJsonAsync("/api/v1/me/ask-requests", Cancellation);
        var request = inbox.EnumerateArray().Single(r => r.GetProperty("askId").GetInt64() == askId);
        Assert.Equal(new[] { w.Jeanne.Handle, w.Marc.Handle }.Order(), request.GetProperty("candidates").Handles().Order());
        var asked = await w.Paul.GetJsonAsync($"/api/v1/asks/{askId}", Cancellation);
        Assert.Equal(JsonValueKind.Null, asked.GetProperty("ask").ValueKind);
        Assert.Equal("Someone who brews beer", asked.GetProperty("request").GetProperty("text").GetString());
        var requestId = request.GetProperty("id").GetInt64();

        using var forward = await w.Paul.AnswerAskRequestAsync(requestId, "forward", new { candidate = w.Jeanne.Handle, note = "Jeanne is great" }, Cancellation);

        Assert.Equal(HttpStatusCode.OK, forward.StatusCode);
        var answered = await forward.ReadJsonAsync(Cancellation);
        Assert.Equal("forwarded", answered.GetProperty("status").GetString());
        var introductionId = answered.GetProperty("introductionId").GetInt64();
        var ownerId = await App.MemberIdAsync(w.Owner, Cancellation);
        var introduction = await App.InStoreAsync(db => db.Introductions.AsNoTracking().SingleAsync(i => i.Id == introductionId, Cancellation));
        Assert.Equal(IntroductionStatus.AwaitingTarget, introduction.Status);
        Assert.Equal(ownerId, introduction.RequesterId);
        Assert.Equal(await App.MemberIdAsync(w.Paul, Cancellation), introduction.IntermediaryId);
        Assert.Equal(await App.MemberIdAsync(w.Jeanne, Cancellation), introduction.TargetId);
        Assert.Equal("Someone who brews beer", introduction.Message);
        Assert.Equal("Jeanne is great", introduction.IntermediaryNote);
        Assert.Equal(askId, introduction.AskId);
        var ownerView = await w.Owner.GetJsonAsync($"/api/v1/asks/{askId}", Cancellation);
        var seen = ownerView.GetProperty("ask").GetProperty("requests")[0];
        Assert.Equal("forwarded", seen.GetProperty("status").GetString());
        Assert.Equal("Jeanne is great", seen.GetProperty("responseNote").GetString());
        Assert.Equal(w.Jeanne.Handle, seen.GetProperty("suggested").GetProperty("handle").GetString());

        // Answering twice is refused and changes nothing.
        using var again = await w.Paul.AnswerAskRequestAsync(requestId, "decline", new { }, Cancellation);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(1, await App.InStoreAsync(db => db.Introductions.CountAsync(i => i.AskId == askId, Cancellation)));
    }

    [Fact]
    public async Task Request_SuggestAndDecline_OwnerSeesTheAnswers()
    {
        var w = await BuildAsync(App, "Suggest");
        var ask = await w.Owner.AskAsync("Someone who brews beer", [w.Skill], cancellationToken: Cancellation);
        var askId = ask.GetProperty("ask").GetProperty("id").GetInt64();
        var toPaul = (await w.Owner.AskConnectionAsync(askId, w.Paul, cancellationToken: Cancellation)).GetProperty("id").GetInt64();
        var toLea = (await w.Owner.AskConnectionAsync(askId, w.Lea, cancellationToken: Cancellation)).GetProperty("id").GetInt64();

        using var suggest = await w.Paul.AnswerAskRequestAsync(toPaul, "suggest", new { member = w.Other.Handle, note = "Otto knows everyone" }, Cancellation);
        using var decline = await w.Lea.AnswerAskRequestAsync(toLea, "decline", new { note = "Not now" }, Cancellation);

        Assert.Equal(HttpStatusCode.OK, suggest.StatusCode);
        Assert.Equal(HttpStatusCode.OK, decline.StatusCode);
        var view = (await w.Owner.GetJsonAsync($"/api/v1/asks/{askId}", Cancellation)).GetProperty("ask");
        var requests = view.GetProperty("requests").EnumerateArray().ToDictionary(r => r.GetProperty("connection").GetProperty("handle").GetString()!);
        Assert.Equal("suggested", requests[w.Paul.Handle].GetProperty("status").GetString());
        Assert.Equal(w.Other.Handle, requests[w.Paul.Handle].GetProperty("suggested").GetProperty("handle").GetString());
        Assert.Equal("declined", requests[w.Lea.Handle].GetProperty("status").GetString());
        Assert.Equal("Not now", requests[w.Lea.Handle].GetProperty("responseNote").GetString());
        Assert.Equal(2, view.GetProperty("ask").GetProperty("requestCount").GetInt32());
        Assert.Equal(0, await App.InStoreAsync(db => db.Introductions.CountAsync(i => i.AskId == askId, Cancellation)));
    }

    [Fact]
    public async Task Close_ThenRequestsAndAnswersAreRefused()
    {
        var w = await BuildAsync(App, "Close");
        var askId = (await w.Owner.AskAsync("Someone who brews beer", [w.Skill], cancellationToken: Cancellation)).GetProperty("ask").GetProperty("id").GetInt64();
        var toPaul = (await w.Owner.AskConnectionAsync(askId, w.Paul, cancellationToken: Cancellation)).GetProperty("id").GetInt64();

        using var close = await w.Owner.Client.PostAsync(new Uri($"/api/v1/asks/{askId}/close", UriKind.Relative), null, Cancellation);

        var closed = await close.ReadJsonAsync(Cancellation);
        Assert.Equal("closed", closed.GetProperty("ask").GetProperty("status").GetString());
        Assert.Empty(closed.GetProperty("groups").EnumerateArray());
        using var request = await w.Owner.PostAskRequestAsync(askId, w.Lea.Handle, cancellationToken: Cancellation);
        Assert.Equal(HttpStatusCode.Conflict, request.StatusCode);
        using var answer = await w.Paul.AnswerAskRequestAsync(toPaul, "decline", new { }, Cancellation);
        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        var mine = await w.Owner.GetJsonAsync("/api/v1/asks", Cancellation);
        Assert.Equal(askId, mine[0].GetProperty("id").GetInt64());
    }
}
