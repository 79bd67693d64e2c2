using System.Net;
using System.Text.Json;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Endorsements;

public class EndorsementTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Endorse_AnySpellingOfAListedSkill_CountedOnceAndIdempotent()
    {
        var ada = await RegisterMemberAsync("Ada Skilled");
        var bob = await RegisterMemberAsync("Bob Endorser");
        await ada.SetSkillsAsync(Cancellation, "Gestion de projet", "C#");
        await ConnectAsync(ada, bob);

        var first = await bob.EndorseAsync(ada, "gestion de projét", Cancellation);
        var again = await bob.EndorseAsync(ada, "GESTION DE PROJET", Cancellation);

        Assert.Equal("Gestion de projet", first.GetProperty("name").GetString());
        Assert.Equal(1, first.GetProperty("count").GetInt32());
        Assert.True(first.GetProperty("endorsedByYou").GetBoolean());
        Assert.Equal(1, again.GetProperty("count").GetInt32());
        var skills = (await bob.SkillsOfAsync(ada, Cancellation)).EnumerateArray().ToList();
        Assert.Equal(["Gestion de projet", "C#"], skills.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal([1, 0], skills.Select(s => s.GetProperty("count").GetInt32()));
        var id = await App.MemberIdAsync(ada, Cancellation);
        Assert.Equal(1, await App.InStoreAsync(db => db.Endorsements.CountAsync(e => e.MemberId == id, Cancellation)));
    }

    [Fact]
    public async Task Remove_Twice_NoContentAndCountBackToZero()
    {
        var ada = await RegisterMemberAsync("Ada Unendorsed");
        var bob = await RegisterMemberAsync("Bob Regrets");
        await ada.SetSkillsAsync(Cancellation, "C#");
        await ConnectAsync(ada, bob);
        await bob.EndorseAsync(ada, "c#", Cancellation);

        using var first = await bob.RemoveEndorsementAsync(ada.Handle, "C#", Cancellation);
        using var second = await bob.RemoveEndorsementAsync(ada.Handle, "C#", Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        var skill = (await bob.SkillsOfAsync(ada, Cancellation))[0];
        Assert.Equal(0, skill.GetProperty("count").GetInt32());
        Assert.False(skill.GetProperty("endorsedByYou").GetBoolean());
    }

    [Fact]
    public async Task List_ViewersConnectionsFirst_NamedClosestFirstThenCounted()
    {
        var ada = await RegisterMemberAsync("Ada Popular");
        var viewer = await RegisterMemberAsync("Vic Viewer");
        await ada.SetSkillsAsync(Cancellation, "Negotiation");
        await ConnectAsync(ada, viewer);
        var endorsers = new List<Member>();
        for (var i = 0; i < 6; i++)
        {
            var endorser = await RegisterMemberAsync($"Endorser {i}");
            await ConnectAsync(ada, endorser);
            await endorser.EndorseAsync(ada, "Negotiation", Cancellation);
            endorsers.Add(endorser);
        }
        // The viewer knows four of the six; the closest (a colleague) is named first.
        await App.ConnectAsAsync(viewer, endorsers[4], "colleague", Cancellation);
        foreach (var known in new[] { endorsers[0], endorsers[2], endorsers[5] })
        {
            await App.ConnectAsAsync(viewer, known, "event", Cancellation);
        }

        var skill = (await viewer.SkillsOfAsync(ada, Cancellation))[0];

        Assert.Equal(6, skill.GetProperty("count").GetInt32());
        Assert.Equal(4, skill.GetProperty("knownCount").GetInt32());
        var named = skill.GetProperty("knownEndorsers").Handles();
        Assert.Equal(3, named.Count);
        Assert.Equal(endorsers[4].Handle, named[0]);
        Assert.Subset(new[] { endorsers[0], endorsers[2], endorsers[4], endorsers[5] }.Select(e => e.Handle).ToHashSet(), named.ToHashSet());
        // A viewer who knows none of them sees the count alone.
        var stranger = await RegisterMemberAsync("Sam Stranger");
        var seen = (await stranger.SkillsOfAsync(ada, Cancellation))[0];
        Assert.Equal(6, seen.GetProperty("count").GetInt32());
        Assert.Equal(0, seen.GetProperty("knownCount").GetInt32());
        Assert.Empty(seen.GetProperty("knownEndorsers").EnumerateArray());
    }

    [Fact]
    public async Task List_EndorserBlockedEitherWay_NotCounted()
    {
        var ada = await RegisterMemberAsync("Ada Blocked Endorser");
        var bob = await RegisterMemberAsync("Bob Blocker");
        var eve = await RegisterMemberAsync("Eve Endorser");
        var viewer = await RegisterMemberAsync("Val Viewer");
        await ada.SetSkillsAsync(Cancellation, "Rust");
        await ConnectAsync(ada, bob);
        await ConnectAsync(ada, eve);
        await bob.EndorseAsync(ada, "Rust", Cancellation);
        await eve.EndorseAsync(ada, "Rust", Cancellation);

        await viewer.BlockAsync(bob, Cancellation);
        Assert.Equal(1, (await viewer.SkillsOfAsync(ada, Cancellation))[0].GetProperty("count").GetInt32());
        // Across a block between the member and an endorser nothing is counted, for anyone, but nothing is removed.
        await ada.BlockAsync(eve, Cancellation);
        Assert.Equal(0, (await viewer.SkillsOfAsync(ada, Cancellation))[0].GetProperty("count").GetInt32());
        await ada.UnblockAsync(eve, Cancellation);
        Assert.Equal(1, (await viewer.SkillsOfAsync(ada, Cancellation))[0].GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task List_SkillRemovedThenListedAgain_EndorsementsComeBack()
    {
        var ada = await RegisterMemberAsync("Ada Relists");
        var bob = await RegisterMemberAsync("Bob Stays");
        await ada.SetSkillsAsync(Cancellation, "Go", "SQL");
        await ConnectAsync(ada, bob);
        await bob.EndorseAsync(ada, "Go", Cancellation);

        await ada.SetSkillsAsync(Cancellation, "SQL");
        Assert.Equal(["SQL"], (await bob.SkillsOfAsync(ada, Cancellation)).EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        using var refused = await bob.SendEndorsementAsync(ada.Handle, "Go", Cancellation);
        await AssertProblemAsync(refused, HttpStatusCode.NotFound, "skill");

        await ada.SetSkillsAsync(Cancellation, "SQL", "go");
        var skills = (await bob.SkillsOfAsync(ada, Cancellation)).EnumerateArray().ToList();
        Assert.Equal(1, skills.Single(s => s.GetProperty("name").GetString() == "Go").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Endorse_ConcurrentDuplicates_OneRowNoServerError()
    {
        var ada = await RegisterMemberAsync("Ada Raced");
        var bob = await RegisterMemberAsync("Bob Racer");
        await ada.SetSkillsAsync(Cancellation, "Kotlin");
        await ConnectAsync(ada, bob);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => bob.SendEndorsementAsync(ada.Handle, "Kotlin", Cancellation)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var response in responses)
        {
            response.Dispose();
        }
        var id = await App.MemberIdAsync(ada, Cancellation);
        Assert.Equal(1, await App.InStoreAsync(db => db.Endorsements.CountAsync(e => e.MemberId == id, Cancellation)));
    }

    [Theory]
    [InlineData("self", HttpStatusCode.BadRequest, "handle")]
    [InlineData("stranger", HttpStatusCode.Forbidden, null)]
    [InlineData("second", HttpStatusCode.Forbidden, null)]
    [InlineData("unknownSkill", HttpStatusCode.NotFound, "skill")]
    [InlineData("longSkill", HttpStatusCode.NotFound, "skill")]
    [InlineData("htmlSkill", HttpStatusCode.NotFound, "skill")]
    [InlineData("unknownHandle", HttpStatusCode.NotFound, null)]
    [InlineData("blocked", HttpStatusCode.NotFound, null)]
    public async Task Endorse_BadInput_Problem(string variant, HttpStatusCode status, string? field)
    {
        var ada = await RegisterMemberAsync("Ada Target");
        var bob = await RegisterMemberAsync("Bob Friend");
        var sid = await RegisterMemberAsync("Sid Second");
        await ada.SetSkillsAsync(Cancellation, "Design");
        await ConnectAsync(ada, bob);
        await ConnectAsync(bob, sid);
        if (variant == "blocked")
        {
            await ada.BlockAsync(bob, Cancellation);
        }
        var (actor, handle, skill) = variant switch
        {
            "self" => (ada, ada.Handle, "Design"),
            "stranger" => (await RegisterMemberAsync("Stan Stranger"), ada.Handle, "Design"),
            "second" => (sid, ada.Handle, "Design"),
            "unknownSkill" => (bob, ada.Handle, "Cooking"),
            "longSkill" => (bob, ada.Handle, new string('x', 500)),
            "htmlSkill" => (bob, ada.Handle, "<script>alert(1)</script>"),
            "unknownHandle" => (bob, "no-such-member-" + Guid.NewGuid().ToString("N")[..8], "Design"),
            _ => (bob, ada.Handle, "Design"),
        };

        using var response = await actor.SendEndorsementAsync(handle, skill, Cancellation);

        var problem = await AssertProblemAsync(response, status, field);
        if (status == HttpStatusCode.Forbidden)
        {
            Assert.Contains("1st-degree", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Strength_EndorsedThenTakenBack_RisesThenFallsBack()
    {
        var ada = await RegisterMemberAsync("Ada Strong");
        var bob = await RegisterMemberAsync("Bob Strong");
        await ada.SetSkillsAsync(Cancellation, "Testing");
        await bob.SetSkillsAsync(Cancellation, "Testing");
        await ConnectAsync(ada, bob);
        var before = await StrengthAsync(ada, bob);

        await bob.EndorseAsync(ada, "Testing", Cancellation);
        var oneWay = await StrengthAsync(ada, bob);
        await ada.EndorseAsync(bob, "Testing", Cancellation);
        var bothWays = await StrengthAsync(ada, bob);
        (await bob.RemoveEndorsementAsync(ada.Handle, "Testing", Cancellation)).Dispose();
        (await ada.RemoveEndorsementAsync(bob.Handle, "Testing", Cancellation)).Dispose();
        var after = await StrengthAsync(ada, bob);

        Assert.NotNull(before);
        Assert.True(oneWay > before, $"{oneWay} should exceed {before}");
        Assert.True(bothWays > oneWay, $"{bothWays} should exceed {oneWay}");
        Assert.Equal(before, after);
    }
}
