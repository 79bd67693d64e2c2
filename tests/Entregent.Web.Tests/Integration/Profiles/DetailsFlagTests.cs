using System.Net;
using System.Net.Http.Json;
using Entregent.Web.Tests.Infrastructure;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Profiles;

/// <summary>"Still at Acme?": flags between connections, confirming a section, and editing it.</summary>
public class DetailsFlagTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Flag_Position_OwnerToldAndConfirmResolves()
    {
        var ada = await RegisterMemberAsync("Ada Flagged");
        var bob = await RegisterMemberAsync("Bob Curious");
        await ConnectAsync(ada, bob);
        var position = await ada.AddPositionAsync("Acme " + MemberActions.UniqueName("Flag"), "Engineer", App.MonthsAgo(20), cancellationToken: Cancellation);
        App.Time.Advance(TimeSpan.FromMinutes(5));

        using var flagged = await bob.FlagDetailsAsync(ada.Handle, new { section = "positions", positionId = position.Id(), note = "Saw a post about a move" }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, flagged.StatusCode);
        var notice = (await ada.NotificationsAsync(cancellationToken: Cancellation)).GetProperty("items")[0];
        Assert.Equal("detailsFlagged", notice.GetProperty("kind").GetString());
        Assert.Contains("still Engineer at Acme", notice.GetProperty("text").GetString(), StringComparison.Ordinal);
        var open = await ada.GetJsonAsync("/api/v1/me/details-flags", Cancellation);
        Assert.Equal(bob.Handle, Assert.Single(open.EnumerateArray()).GetProperty("flaggedBy").GetProperty("handle").GetString());

        using var confirmed = await ada.ConfirmSectionAsync("positions", Cancellation);
        var body = await confirmed.ReadJsonAsync(Cancellation);

        Assert.Equal(1, body.GetProperty("flagsResolved").GetInt32());
        Assert.Equal(0, (await ada.GetJsonAsync("/api/v1/me/details-flags", Cancellation)).GetArrayLength());
        var profile = await bob.GetJsonAsync($"/api/v1/members/{ada.Handle}", Cancellation);
        var confirmedAt = profile.GetProperty("updated").GetProperty("positions").GetDateTimeOffset();
        Assert.Equal(App.Time.GetUtcNow(), confirmedAt, TimeSpan.FromSeconds(1));
        Assert.Equal(App.Time.GetUtcNow(), profile.GetProperty("positions")[0].GetProperty("confirmedAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
        // Once answered, the same question may be asked again.
        using var again = await bob.FlagDetailsAsync(ada.Handle, new { section = "positions" }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task Flag_EditingTheSection_ResolvesAsUpdated()
    {
        var ada = await RegisterMemberAsync("Ada Editor");
        var bob = await RegisterMemberAsync("Bob Asker");
        await ConnectAsync(ada, bob);
        using (var flagged = await bob.FlagDetailsAsync(ada.Handle, new { section = "skills" }, Cancellation))
        {
            Assert.Equal(HttpStatusCode.Created, flagged.StatusCode);
        }
        using (var other = await bob.FlagDetailsAsync(ada.Handle, new { section = "intro" }, Cancellation))
        {
            Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        }

        await ada.SetSkillsAsync(Cancellation, "Graph theory");

        var open = await ada.GetJsonAsync("/api/v1/me/details-flags", Cancellation);
        Assert.Equal(["intro"], open.EnumerateArray().Select(f => f.GetProperty("section").GetString()));
        var states = await App.InStoreAsync(db => Task.FromResult(db.DetailsFlags.Select(f => f.State).ToList()));
        Assert.Contains(Entregent.Web.Features.Profiles.DetailsFlagState.Updated, states);
    }

    [Fact]
    public async Task Flag_NotConnectedSelfDuplicateOrBlocked_Refused()
    {
        var ada = await RegisterMemberAsync("Ada Guarded");
        var bob = await RegisterMemberAsync("Bob Connected");
        var eve = await RegisterMemberAsync("Eve Stranger");
        var mal = await RegisterMemberAsync("Mal Blocked");
        await ConnectAsync(ada, bob);
        await ConnectAsync(ada, mal);
        await ada.BlockAsync(mal, Cancellation);

        using var stranger = await eve.FlagDetailsAsync(ada.Handle, new { section = "intro" }, Cancellation);
        using var self = await ada.FlagDetailsAsync(ada.Handle, new { section = "intro" }, Cancellation);
        using var blocked = await mal.FlagDetailsAsync(ada.Handle, new { section = "intro" }, Cancellation);
        using var unknown = await bob.FlagDetailsAsync("nobody-" + Guid.NewGuid().ToString("N")[..8], new { section = "intro" }, Cancellation);
        using var first = await bob.FlagDetailsAsync(ada.Handle, new { section = "intro" }, Cancellation);
        using var duplicate = await bob.FlagDetailsAsync(ada.Handle, new { section = "INTRO", note = "again" }, Cancellation);

        await AssertProblemAsync(stranger, HttpStatusCode.Forbidden);
        await AssertProblemAsync(self, HttpStatusCode.BadRequest, "handle");
        await AssertProblemAsync(blocked, HttpStatusCode.NotFound);
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await AssertProblemAsync(duplicate, HttpStatusCode.Conflict, "section");
        Assert.Equal(1, (await ada.GetJsonAsync("/api/v1/me/details-flags", Cancellation)).GetArrayLength());
    }

    [Theory]
    [InlineData("{\"section\":\"hobbies\"}", "section")]
    [InlineData("{}", "section")]
    [InlineData("{\"section\":\"intro\",\"positionId\":1}", "positionId")]
    [InlineData("{\"section\":\"positions\",\"positionId\":999999999}", "positionId")]
    [InlineData("{\"section\":\"intro\",\"note\":\"<script>alert(1)</script>\"}", "note")]
    public async Task Flag_BadInput_BadRequestNamingTheField(string json, string field)
    {
        var ada = await RegisterMemberAsync("Ada Input");
        var bob = await RegisterMemberAsync("Bob Input");
        await ConnectAsync(ada, bob);

        using var response = await bob.Client.PostAsync(new Uri($"/api/v1/members/{ada.Handle}/details-flags", UriKind.Relative), RawJson(json), Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(0, (await ada.GetJsonAsync("/api/v1/me/details-flags", Cancellation)).GetArrayLength());
    }

    [Fact]
    public async Task Flag_OverLongNote_BadRequest()
    {
        var ada = await RegisterMemberAsync("Ada Long");
        var bob = await RegisterMemberAsync("Bob Long");
        await ConnectAsync(ada, bob);
        using var response = await bob.FlagDetailsAsync(ada.Handle, new { section = "intro", note = new string('x', 301) }, Cancellation);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "note");
    }

    [Fact]
    public async Task DismissAndConfirm_OthersFlagsOrBadSection_Refused()
    {
        var ada = await RegisterMemberAsync("Ada Dismiss");
        var bob = await RegisterMemberAsync("Bob Dismiss");
        await ConnectAsync(ada, bob);
        using var flagged = await bob.FlagDetailsAsync(ada.Handle, new { section = "contact" }, Cancellation);
        var id = (await flagged.ReadJsonAsync(Cancellation)).Id();

        using var notTheirs = await bob.Client.PostAsync(new Uri($"/api/v1/me/details-flags/{id}/dismiss", UriKind.Relative), null, Cancellation);
        using var badSection = await ada.ConfirmSectionAsync("hobbies", Cancellation);
        using var dismissed = await ada.Client.PostAsync(new Uri($"/api/v1/me/details-flags/{id}/dismiss", UriKind.Relative), null, Cancellation);

        await AssertProblemAsync(notTheirs, HttpStatusCode.NotFound);
        await AssertProblemAsync(badSection, HttpStatusCode.BadRequest, "section");
        Assert.Equal(HttpStatusCode.NoContent, dismissed.StatusCode);
        Assert.Equal(0, (await ada.GetJsonAsync("/api/v1/me/details-flags", Cancellation)).GetArrayLength());
    }
}
