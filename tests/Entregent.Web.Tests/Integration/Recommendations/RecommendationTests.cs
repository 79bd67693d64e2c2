using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Recommendations;

public class RecommendationTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Write_ApproveHideShow_ShownOnlyWhenApproved()
    {
        var (ada, bob, carol) = await TrioAsync("Flow");
        var organization = MemberActions.UniqueName("Acme");
        await ada.AddPositionAsync(organization, "Engineer", App.MonthsAgo(30), App.MonthsAgo(10), Cancellation);
        await bob.AddPositionAsync(organization, "Lead", App.MonthsAgo(40), cancellationToken: Cancellation);
        var slug = (await ada.GetMyProfileAsync(Cancellation)).GetProperty("profile").GetProperty("positions")[0]
            .GetProperty("organization").GetProperty("slug").GetString();

        var written = await bob.RecommendAsync(ada, "Ada **ships**.", "managed", slug, Cancellation);
        var id = written.GetProperty("id").GetInt64();
        Assert.Equal("pending", written.GetProperty("status").GetString());
        Assert.Empty((await carol.GetJsonAsync($"/api/v1/members/{ada.Handle}/recommendations", Cancellation)).EnumerateArray());

        var approved = await ada.ApproveRecommendationAsync(id, Cancellation);
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        var shown = (await carol.GetJsonAsync($"/api/v1/members/{ada.Handle}/recommendations", Cancellation)).EnumerateArray().Single();
        Assert.Equal(bob.Handle, shown.GetProperty("author").GetProperty("handle").GetString());
        Assert.Equal($"managed {ada.DisplayName} at {organization}", shown.GetProperty("label").GetString());
        Assert.Contains("<strong>ships</strong>", shown.GetProperty("html").GetString(), StringComparison.Ordinal);

        (await ada.DecideRecommendationAsync(id, "hide", Cancellation)).Dispose();
        Assert.Empty((await carol.GetJsonAsync($"/api/v1/members/{ada.Handle}/recommendations", Cancellation)).EnumerateArray());
        var own = (await ada.GetJsonAsync($"/api/v1/members/{ada.Handle}/recommendations", Cancellation)).EnumerateArray().Single();
        Assert.Equal("hidden", own.GetProperty("status").GetString());

        using var show = await ada.DecideRecommendationAsync(id, "show", Cancellation);
        Assert.Equal(HttpStatusCode.OK, show.StatusCode);
        Assert.Single((await carol.GetJsonAsync($"/api/v1/members/{ada.Handle}/recommendations", Cancellation)).EnumerateArray());
    }

    [Fact]
    public async Task Request_ThenWritten_FillsTheRequest()
    {
        var (ada, bob, _) = await TrioAsync("Request");

        using var asked = await ada.SendRecommendationRequestAsync(bob.Handle, "reportedTo", "Could you say a word about the migration?", cancellationToken: Cancellation);
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var request = await asked.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("requested", request.GetProperty("status").GetString());
        var toWrite = await bob.GetJsonAsync("/api/v1/me/recommendations?box=requests", Cancellation);
        Assert.Equal(request.GetProperty("id").GetInt64(), toWrite.GetProperty("items")[0].GetProperty("id").GetInt64());
        Assert.Equal("Could you say a word about the migration?", toWrite.GetProperty("items")[0].GetProperty("requestMessage").GetString());
        using var again = await ada.SendRecommendationRequestAsync(bob.Handle, cancellationToken: Cancellation);
        await AssertProblemAsync(again, HttpStatusCode.Conflict, "from");

        var written = await bob.RecommendAsync(ada, "She led the migration.", "managed", cancellationToken: Cancellation);

        Assert.Equal(request.GetProperty("id").GetInt64(), written.GetProperty("id").GetInt64());
        Assert.Equal("pending", written.GetProperty("status").GetString());
        var received = await ada.GetJsonAsync("/api/v1/me/recommendations?box=received", Cancellation);
        Assert.Equal(1, received.GetProperty("pendingCount").GetInt32());
        Assert.Empty((await bob.GetJsonAsync("/api/v1/me/recommendations?box=requests", Cancellation)).GetProperty("items").EnumerateArray());
        Assert.Single((await bob.GetJsonAsync("/api/v1/me/recommendations?box=given", Cancellation)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Edit_RequestedThenPending_WritesThenRewrites()
    {
        var (ada, bob, _) = await TrioAsync("Edit");
        using var asked = await ada.SendRecommendationRequestAsync(bob.Handle, cancellationToken: Cancellation);
        var id = (await asked.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("id").GetInt64();

        var first = await (await bob.Client.PutAsJsonAsync(new Uri($"/api/v1/recommendations/{id}", UriKind.Relative), new { text = "First draft." }, Cancellation))
            .ReadJsonAsync(Cancellation);
        var second = await (await bob.Client.PutAsJsonAsync(new Uri($"/api/v1/recommendations/{id}", UriKind.Relative),
            new { text = "Second draft.", relationship = "mentored" }, Cancellation)).ReadJsonAsync(Cancellation);

        Assert.Equal("pending", first.GetProperty("status").GetString());
        Assert.Equal("Second draft.", second.GetProperty("text").GetString());
        Assert.Equal("mentored", second.GetProperty("relationship").GetString());
        await ada.ApproveRecommendationAsync(id, Cancellation);
        using var late = await bob.Client.PutAsJsonAsync(new Uri($"/api/v1/recommendations/{id}", UriKind.Relative), new { text = "Third." }, Cancellation);
        await AssertProblemAsync(late, HttpStatusCode.Conflict, "status");
        using var withdraw = await bob.Client.DeleteAsync(new Uri($"/api/v1/recommendations/{id}", UriKind.Relative), Cancellation);
        await AssertProblemAsync(withdraw, HttpStatusCode.Conflict, "status");
    }

    [Fact]
    public async Task Decline_ByAuthorOrRecipient_ClosesAndAllowsANewOne()
    {
        var (ada, bob, _) = await TrioAsync("Decline");
        using var asked = await ada.SendRecommendationRequestAsync(bob.Handle, cancellationToken: Cancellation);
        var requestId = (await asked.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("id").GetInt64();

        var declined = await (await bob.DecideRecommendationAsync(requestId, "decline", Cancellation)).ReadJsonAsync(Cancellation);
        Assert.Equal("declined", declined.GetProperty("status").GetString());
        using var again = await bob.DecideRecommendationAsync(requestId, "decline", Cancellation);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        var written = await bob.RecommendAsync(ada, cancellationToken: Cancellation);
        var id = written.GetProperty("id").GetInt64();
        Assert.NotEqual(requestId, id);
        using var authorDecline = await bob.DecideRecommendationAsync(id, "decline", Cancellation);
        await AssertProblemAsync(authorDecline, HttpStatusCode.Conflict, "status");
        var refused = await (await ada.DecideRecommendationAsync(id, "decline", Cancellation)).ReadJsonAsync(Cancellation);
        Assert.Equal("declined", refused.GetProperty("status").GetString());
        using var approveDeclined = await ada.DecideRecommendationAsync(id, "approve", Cancellation);
        await AssertProblemAsync(approveDeclined, HttpStatusCode.Conflict, "status");
        Assert.Empty((await ada.GetJsonAsync($"/api/v1/members/{ada.Handle}/recommendations", Cancellation)).EnumerateArray());
    }

    [Fact]
    public async Task Withdraw_Pending_Gone()
    {
        var (ada, bob, _) = await TrioAsync("Withdraw");
        var id = (await bob.RecommendAsync(ada, cancellationToken: Cancellation)).GetProperty("id").GetInt64();

        using var withdrawn = await bob.Client.DeleteAsync(new Uri($"/api/v1/recommendations/{id}", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        Assert.Equal(0, (await ada.GetJsonAsync("/api/v1/me/recommendations", Cancellation)).GetProperty("total").GetInt32());
        using var approve = await ada.DecideRecommendationAsync(id, "approve", Cancellation);
        await AssertProblemAsync(approve, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Block_AfterApproval_HidesItFromEveryoneButRemovesNothing()
    {
        var (ada, bob, carol) = await TrioAsync("Blocked");
        var id = (await bob.RecommendAsync(ada, cancellationToken: Cancellation)).GetProperty("id").GetInt64();
        await ada.ApproveRecommendationAsync(id, Cancellation);

        await ada.BlockAsync(bob, Cancellation);
        Assert.Empty((await carol.GetJsonAsync($"/api/v1/members/{ada.Handle}/recommendations", Cancellation)).EnumerateArray());
        Assert.Equal(0, (await bob.GetJsonAsync("/api/v1/me/recommendations?box=given", Cancellation)).GetProperty("total").GetInt32());
        using var hide = await ada.DecideRecommendationAsync(id, "hide", Cancellation);
        await AssertProblemAsync(hide, HttpStatusCode.NotFound);

        await ada.UnblockAsync(bob, Cancellation);
        Assert.Single((await carol.GetJsonAsync($"/api/v1/members/{ada.Handle}/recommendations", Cancellation)).EnumerateArray());
    }

    [Fact]
    public async Task Write_HtmlInText_ShownAsTextNeverAsMarkup()
    {
        var (ada, bob, carol) = await TrioAsync("Html");
        var id = (await bob.RecommendAsync(ada, "<script>alert('x')</script> <img src=x onerror=alert(1)> [link](javascript:alert(1))", cancellationToken: Cancellation))
            .GetProperty("id").GetInt64();
        await ada.ApproveRecommendationAsync(id, Cancellation);

        var html = (await carol.GetJsonAsync($"/api/v1/members/{ada.Handle}/recommendations", Cancellation))[0].GetProperty("html").GetString()!;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("emptyText", HttpStatusCode.BadRequest, "text")]
    [InlineData("blankText", HttpStatusCode.BadRequest, "text")]
    [InlineData("longText", HttpStatusCode.BadRequest, "text")]
    [InlineData("noRelationship", HttpStatusCode.BadRequest, "relationship")]
    [InlineData("unknownRelationship", HttpStatusCode.BadRequest, "relationship")]
    [InlineData("numericRelationship", HttpStatusCode.BadRequest, "relationship")]
    [InlineData("unknownOrganization", HttpStatusCode.BadRequest, "organization")]
    [InlineData("notSharedOrganization", HttpStatusCode.BadRequest, "organization")]
    [InlineData("self", HttpStatusCode.BadRequest, "for")]
    [InlineData("noHandle", HttpStatusCode.BadRequest, "for")]
    [InlineData("unknownHandle", HttpStatusCode.NotFound, null)]
    [InlineData("notConnected", HttpStatusCode.Forbidden, null)]
    [InlineData("duplicate", HttpStatusCode.Conflict, "for")]
    public async Task Write_BadInput_ProblemAndNothingWritten(string variant, HttpStatusCode status, string? field)
    {
        var (ada, bob, carol) = await TrioAsync("Bad " + variant);
        var organization = MemberActions.UniqueName("Only Bob");
        await bob.AddPositionAsync(organization, "Engineer", App.MonthsAgo(20), cancellationToken: Cancellation);
        var bobsSlug = (await bob.GetMyProfileAsync(Cancellation)).GetProperty("profile").GetProperty("positions")[0]
            .GetProperty("organization").GetProperty("slug").GetString();
        if (variant == "duplicate")
        {
            await bob.RecommendAsync(ada, cancellationToken: Cancellation);
        }
        var before = await App.InStoreAsync(db => db.Recommendations.CountAsync(Cancellation));
        using var response = variant switch
        {
            "emptyText" => await bob.SendRecommendationAsync(ada.Handle, "", cancellationToken: Cancellation),
            "blankText" => await bob.SendRecommendationAsync(ada.Handle, "  \n ", cancellationToken: Cancellation),
            "longText" => await bob.SendRecommendationAsync(ada.Handle, new string('a', 3001), cancellationToken: Cancellation),
            "noRelationship" => await bob.SendRecommendationAsync(ada.Handle, "Fine.", relationship: null, cancellationToken: Cancellation),
            "unknownRelationship" => await bob.SendRecommendationAsync(ada.Handle, "Fine.", relationship: "cousinOf", cancellationToken: Cancellation),
            "numericRelationship" => await bob.Client.PostAsync(new Uri("/api/v1/recommendations", UriKind.Relative),
                RawJson($$"""{"for": "{{ada.Handle}}", "relationship": 2, "text": "Fine."}"""), Cancellation),
            "unknownOrganization" => await bob.SendRecommendationAsync(ada.Handle, "Fine.", organization: "no-such-org-" + Guid.NewGuid().ToString("N")[..6],
                cancellationToken: Cancellation),
            "notSharedOrganization" => await bob.SendRecommendationAsync(ada.Handle, "Fine.", organization: bobsSlug, cancellationToken: Cancellation),
            "self" => await bob.SendRecommendationAsync(bob.Handle, "Fine.", cancellationToken: Cancellation),
            "noHandle" => await bob.SendRecommendationAsync(null, "Fine.", cancellationToken: Cancellation),
            "unknownHandle" => await bob.SendRecommendationAsync("nobody-" + Guid.NewGuid().ToString("N")[..8], "Fine.", cancellationToken: Cancellation),
            "notConnected" => await (await RegisterMemberAsync("Stan Stranger")).SendRecommendationAsync(ada.Handle, "Fine.", cancellationToken: Cancellation),
            _ => await bob.SendRecommendationAsync(ada.Handle, "Again.", cancellationToken: Cancellation),
        };

        await AssertProblemAsync(response, status, field);
        Assert.Equal(before, await App.InStoreAsync(db => db.Recommendations.CountAsync(Cancellation)));
        _ = carol;
    }

    [Theory]
    [InlineData("box=sent", "box")]
    [InlineData("page=0", "page")]
    [InlineData("page=2147483647", "page")]
    public async Task Mine_BadQuery_Problem(string query, string field)
    {
        var ada = await RegisterMemberAsync("Ada Query");
        using var response = await ada.Client.GetAsync(new Uri("/api/v1/me/recommendations?" + query, UriKind.Relative), Cancellation);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("emptyMessageAllowed", HttpStatusCode.Created, null)]
    [InlineData("longMessage", HttpStatusCode.BadRequest, "message")]
    [InlineData("self", HttpStatusCode.BadRequest, "from")]
    [InlineData("noRelationship", HttpStatusCode.BadRequest, "relationship")]
    [InlineData("notConnected", HttpStatusCode.Forbidden, null)]
    public async Task Request_Input_Answer(string variant, HttpStatusCode status, string? field)
    {
        var (ada, bob, _) = await TrioAsync("Ask " + variant);
        using var response = variant switch
        {
            "emptyMessageAllowed" => await ada.SendRecommendationRequestAsync(bob.Handle, message: "", cancellationToken: Cancellation),
            "longMessage" => await ada.SendRecommendationRequestAsync(bob.Handle, message: new string('m', 501), cancellationToken: Cancellation),
            "self" => await ada.SendRecommendationRequestAsync(ada.Handle, cancellationToken: Cancellation),
            "noRelationship" => await ada.SendRecommendationRequestAsync(bob.Handle, relationship: null, cancellationToken: Cancellation),
            _ => await (await RegisterMemberAsync("Stan Asker")).SendRecommendationRequestAsync(ada.Handle, cancellationToken: Cancellation),
        };
        if (status == HttpStatusCode.Created)
        {
            Assert.Equal(status, response.StatusCode);
        }
        else
        {
            await AssertProblemAsync(response, status, field);
        }
    }

    [Fact]
    public async Task Write_ConcurrentDuplicates_OneWrittenOthersConflict()
    {
        var (ada, bob, _) = await TrioAsync("Race");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => bob.SendRecommendationAsync(ada.Handle, $"Version {i}.", cancellationToken: Cancellation)));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var response in responses)
        {
            response.Dispose();
        }
        var author = await App.MemberIdAsync(bob, Cancellation);
        Assert.Equal(1, await App.InStoreAsync(db => db.Recommendations.CountAsync(r => r.AuthorId == author, Cancellation)));
    }

    [Fact]
    public async Task Approve_ConcurrentWithRewrite_NeverBothNeverServerError()
    {
        var (ada, bob, _) = await TrioAsync("Version");
        var id = (await bob.RecommendAsync(ada, "Draft.", cancellationToken: Cancellation)).GetProperty("id").GetInt64();

        var approve = ada.DecideRecommendationAsync(id, "approve", Cancellation);
        var rewrite = bob.Client.PutAsJsonAsync(new Uri($"/api/v1/recommendations/{id}", UriKind.Relative), new { text = "Rewritten." }, Cancellation);
        using var approved = await approve;
        using var rewritten = await rewrite;

        Assert.True((int)approved.StatusCode < 500 && (int)rewritten.StatusCode < 500);
        var row = await App.InStoreAsync(db => db.Recommendations.AsNoTracking().SingleAsync(r => r.Id == id, Cancellation));
        // Whatever won, the approved text is the one the recipient saw: a rewrite after approval is refused.
        if (approved.StatusCode == HttpStatusCode.OK && rewritten.StatusCode == HttpStatusCode.OK)
        {
            Assert.Equal("Rewritten.", (await rewritten.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("text").GetString());
            Assert.Equal(Web.Features.Recommendations.RecommendationStatus.Pending, row.Status);
        }
    }

    [Fact]
    public async Task Strength_ApprovedThenHidden_RisesThenFallsBack()
    {
        var (ada, bob, _) = await TrioAsync("Strength");
        var before = await StrengthAsync(ada, bob);
        var id = (await bob.RecommendAsync(ada, cancellationToken: Cancellation)).GetProperty("id").GetInt64();
        Assert.Equal(before, await StrengthAsync(ada, bob));

        await ada.ApproveRecommendationAsync(id, Cancellation);
        var approved = await StrengthAsync(ada, bob);
        var back = (await ada.RecommendAsync(bob, cancellationToken: Cancellation)).GetProperty("id").GetInt64();
        await bob.ApproveRecommendationAsync(back, Cancellation);
        var both = await StrengthAsync(ada, bob);
        (await ada.DecideRecommendationAsync(id, "hide", Cancellation)).Dispose();
        (await bob.DecideRecommendationAsync(back, "hide", Cancellation)).Dispose();
        var hidden = await StrengthAsync(ada, bob);

        Assert.True(approved > before, $"{approved} should exceed {before}");
        Assert.True(both > approved, $"{both} should exceed {approved}");
        Assert.Equal(before, hidden);
    }

    /// <summary>Ada and Bob connected; Carol connected to both.</summary>
    private async Task<(Member Ada, Member Bob, Member Carol)> TrioAsync(string tag)
    {
        var ada = await RegisterMemberAsync($"Ada {tag}");
        var bob = await RegisterMemberAsync($"Bob {tag}");
        var carol = await RegisterMemberAsync($"Carol {tag}");
        await ConnectAsync(ada, bob);
        await ConnectAsync(carol, ada);
        await ConnectAsync(carol, bob);
        return (ada, bob, carol);
    }
}
