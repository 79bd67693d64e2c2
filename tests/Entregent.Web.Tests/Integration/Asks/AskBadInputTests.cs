using System.Net;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Asks;

/// <summary>Refusals of asks and requests: the field at fault, never a 500, never a half-written change.</summary>
public class AskBadInputTests(EntregentFactory app) : IntegrationTest(app)
{
    [Theory]
    [InlineData("", "text")]
    [InlineData("   ", "text")]
    [InlineData("<script>alert(1)</script>", "text")]
    [InlineData("<b>bold</b> brewer", "text")]
    public async Task Create_BadText_BadRequestOnText(string text, string field)
    {
        var ada = await RegisterMemberAsync("Ada Asker");

        using var response = await ada.PostAskAsync(text, cancellationToken: Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(0, await AskCountAsync(ada));
    }

    [Fact]
    public async Task Create_TenKilobytes_BadRequestOnText()
    {
        var ada = await RegisterMemberAsync("Ada Long");

        using var response = await ada.PostAskAsync(new string('a', 10_000), cancellationToken: Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "text");
    }

    [Fact]
    public async Task Create_ElevenSkills_BadRequestOnSkills()
    {
        var ada = await RegisterMemberAsync("Ada Skills");

        using var response = await ada.PostAskAsync("A brewer", [.. Enumerable.Range(1, 11).Select(i => $"Skill {i}")], cancellationToken: Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "skills");
    }

    [Fact]
    public async Task Create_UnknownOrganisation_BadRequestOnOrganization()
    {
        var ada = await RegisterMemberAsync("Ada Organisation");

        using var response = await ada.PostAskAsync("A brewer", organization: "no-such-organisation-here", cancellationToken: Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "organization");
    }

    [Fact]
    public async Task Create_OverTheWeeklyLimit_TooManyRequestsWithRetryAfter()
    {
        var ada = await RegisterMemberAsync("Ada Limit");
        for (var i = 0; i < 10; i++)
        {
            await ada.AskAsync($"Brewer number {i}", cancellationToken: Cancellation);
        }

        using var response = await ada.PostAskAsync("One more brewer", cancellationToken: Cancellation);

        var problem = await AssertProblemAsync(response, HttpStatusCode.TooManyRequests);
        Assert.True(problem.GetProperty("retryAfterSeconds").GetInt32() > 0);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(10, await AskCountAsync(ada));
        App.Time.Advance(TimeSpan.FromDays(7.1));
        await App.SignInAgainAsync(Cancellation, ada);
        using var later = await ada.PostAskAsync("One more brewer", cancellationToken: Cancellation);
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
    }

    [Fact]
    public async Task Request_ToNonConnection_BadRequestOnConnection()
    {
        var w = await AskFlowTests.BuildAsync(App, "NonConnection");
        var askId = (await w.Owner.AskAsync("A brewer", [w.Skill], cancellationToken: Cancellation)).GetProperty("ask").GetProperty("id").GetInt64();

        using var second = await w.Owner.PostAskRequestAsync(askId, w.Jeanne.Handle, cancellationToken: Cancellation);
        using var unknown = await w.Owner.PostAskRequestAsync(askId, "no-such-member-anywhere", cancellationToken: Cancellation);
        using var empty = await w.Owner.PostAskRequestAsync(askId, "", cancellationToken: Cancellation);
        using var longNote = await w.Owner.PostAskRequestAsync(askId, w.Paul.Handle, new string('n', 501), Cancellation);

        await AssertProblemAsync(second, HttpStatusCode.BadRequest, "connection");
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        await AssertProblemAsync(empty, HttpStatusCode.BadRequest, "connection");
        await AssertProblemAsync(longNote, HttpStatusCode.BadRequest, "note");
        Assert.Equal(0, await App.InStoreAsync(db => db.AskRequests.CountAsync(r => r.AskId == askId, Cancellation)));
    }

    [Fact]
    public async Task Request_Duplicate_Conflict()
    {
        var w = await AskFlowTests.BuildAsync(App, "Duplicate");
        var askId = (await w.Owner.AskAsync("A brewer", [w.Skill], cancellationToken: Cancellation)).GetProperty("ask").GetProperty("id").GetInt64();
        await w.Owner.AskConnectionAsync(askId, w.Paul, cancellationToken: Cancellation);

        using var again = await w.Owner.PostAskRequestAsync(askId, w.Paul.Handle, cancellationToken: Cancellation);

        await AssertProblemAsync(again, HttpStatusCode.Conflict, "connection");
    }

    [Fact]
    public async Task Request_ConcurrentDuplicates_OneRow()
    {
        var w = await AskFlowTests.BuildAsync(App, "Concurrent");
        var askId = (await w.Owner.AskAsync("A brewer", [w.Skill], cancellationToken: Cancellation)).GetProperty("ask").GetProperty("id").GetInt64();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => w.Owner.PostAskRequestAsync(askId, w.Paul.Handle, cancellationToken: Cancellation)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await App.InStoreAsync(db => db.AskRequests.CountAsync(r => r.AskId == askId, Cancellation)));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Answer_BadCandidateOrMember_BadRequestAndStillPending()
    {
        var w = await AskFlowTests.BuildAsync(App, "Answers");
        var askId = (await w.Owner.AskAsync("A brewer", [w.Skill], cancellationToken: Cancellation)).GetProperty("ask").GetProperty("id").GetInt64();
        var requestId = (await w.Owner.AskConnectionAsync(askId, w.Paul, cancellationToken: Cancellation)).GetProperty("id").GetInt64();

        // Otto is Paul's connection but no candidate; Hugo is nobody Paul knows; the owner cannot be suggested back.
        using var notCandidate = await w.Paul.AnswerAskRequestAsync(requestId, "forward", new { candidate = w.Other.Handle }, Cancellation);
        using var notConnection = await w.Paul.AnswerAskRequestAsync(requestId, "suggest", new { member = w.Hugo.Handle }, Cancellation);
        using var owner = await w.Paul.AnswerAskRequestAsync(requestId, "suggest", new { member = w.Owner.Handle }, Cancellation);
        using var noCandidate = await w.Paul.AnswerAskRequestAsync(requestId, "forward", new { candidate = "" }, Cancellation);
        using var longNote = await w.Paul.AnswerAskRequestAsync(requestId, "decline", new { note = new string('n', 501) }, Cancellation);
        using var unknown = await w.Paul.AnswerAskRequestAsync(long.MaxValue, "decline", new { }, Cancellation);

        await AssertProblemAsync(notCandidate, HttpStatusCode.BadRequest, "candidate");
        await AssertProblemAsync(notConnection, HttpStatusCode.BadRequest, "member");
        await AssertProblemAsync(owner, HttpStatusCode.BadRequest, "member");
        await AssertProblemAsync(noCandidate, HttpStatusCode.BadRequest, "candidate");
        await AssertProblemAsync(longNote, HttpStatusCode.BadRequest, "note");
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        var inbox = await w.Paul.GetJsonAsync("/api/v1/me/ask-requests", Cancellation);
        Assert.Equal("pending", inbox.EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == requestId).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Answer_ConcurrentAnswers_OneWins()
    {
        var w = await AskFlowTests.BuildAsync(App, "Race");
        var askId = (await w.Owner.AskAsync("A brewer", [w.Skill], cancellationToken: Cancellation)).GetProperty("ask").GetProperty("id").GetInt64();
        var requestId = (await w.Owner.AskConnectionAsync(askId, w.Paul, cancellationToken: Cancellation)).GetProperty("id").GetInt64();

        var responses = await Task.WhenAll(
            w.Paul.AnswerAskRequestAsync(requestId, "forward", new { candidate = w.Jeanne.Handle }, Cancellation),
            w.Paul.AnswerAskRequestAsync(requestId, "decline", new { }, Cancellation),
            w.Paul.AnswerAskRequestAsync(requestId, "forward", new { candidate = w.Marc.Handle }, Cancellation));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var introductions = await App.InStoreAsync(db => db.Introductions.CountAsync(i => i.AskId == askId, Cancellation));
        var status = await App.InStoreAsync(db => db.AskRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync(Cancellation));
        Assert.Equal(status == Web.Features.Asks.AskRequestStatus.Forwarded ? 1 : 0, introductions);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private Task<int> AskCountAsync(Member member) =>
        App.InStoreAsync(async db =>
        {
            var id = await App.MemberIdAsync(member, Cancellation);
            return await db.Asks.CountAsync(a => a.OwnerId == id, Cancellation);
        });
}
