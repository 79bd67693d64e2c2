using System.Net;
using Entregent.Web.Tests.Infrastructure;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Network;

/// <summary>A block removes the connection and hides both members from each other everywhere; unblocking lifts that.</summary>
public class BlockTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Block_Connection_GoneAndHiddenBothWaysEverywhere()
    {
        // ada — grace — hal — ada (a triangle), grace — zed: without the block grace is ada's connection, a mutual of
        // ada and hal, and the way from ada to zed.
        var ada = await RegisterMemberAsync("Ada Blocker");
        var grace = await RegisterMemberAsync("Grace Blocked");
        var hal = await RegisterMemberAsync("Hal Between");
        var zed = await RegisterMemberAsync("Zed Beyond");
        await ConnectAsync(ada, grace);
        await ConnectAsync(grace, hal);
        await ConnectAsync(hal, ada);
        await ConnectAsync(grace, zed);
        await grace.FollowAsync(ada.Handle, Cancellation);

        await ada.BlockAsync(grace, Cancellation);

        Assert.DoesNotContain(grace.Handle, (await ada.GetJsonAsync("/api/v1/me/connections", Cancellation)).Handles());
        Assert.DoesNotContain(ada.Handle, (await grace.GetJsonAsync("/api/v1/me/connections", Cancellation)).Handles());
        foreach (var (viewer, other) in new[] { (ada, grace), (grace, ada) })
        {
            foreach (var path in new[] { "", "/connection", "/mutual", "/connections" })
            {
                using var response = await viewer.Client.GetAsync(new Uri($"/api/v1/members/{other.Handle}{path}", UriKind.Relative), Cancellation);
                await AssertProblemAsync(response, HttpStatusCode.NotFound);
            }
            using var invite = await viewer.SendInvitationAsync(other.Handle, cancellationToken: Cancellation);
            await AssertProblemAsync(invite, HttpStatusCode.NotFound);
            using var follow = await viewer.Client.PutAsync(new Uri($"/api/v1/me/follows/{other.Handle}", UriKind.Relative), null, Cancellation);
            await AssertProblemAsync(follow, HttpStatusCode.NotFound);
        }
        Assert.Empty(await grace.FollowsAsync(Cancellation));
        // Hal's list, hal's mutuals and hal's counts: each of the two is left out for the other.
        var halForAda = await ada.GetJsonAsync($"/api/v1/members/{hal.Handle}/connections", Cancellation);
        Assert.DoesNotContain(grace.Handle, halForAda.Handles());
        Assert.Equal(halForAda.Handles().Count, halForAda.GetProperty("total").GetInt32());
        Assert.DoesNotContain(ada.Handle, (await grace.GetJsonAsync($"/api/v1/members/{hal.Handle}/connections", Cancellation)).Handles());
        Assert.DoesNotContain(grace.Handle, (await ada.GetJsonAsync($"/api/v1/members/{hal.Handle}/mutual", Cancellation)).Handles());
        Assert.Equal(0, (await ada.GetJsonAsync($"/api/v1/members/{hal.Handle}", Cancellation)).GetProperty("mutualCount").GetInt32());
        Assert.Equal(0, (await grace.GetJsonAsync($"/api/v1/members/{hal.Handle}", Cancellation)).GetProperty("mutualCount").GetInt32());
        Assert.DoesNotContain(grace.Handle, (await ada.GetJsonAsync("/api/v1/me/suggestions", Cancellation)).Handles());
        Assert.DoesNotContain(ada.Handle, (await grace.GetJsonAsync("/api/v1/me/suggestions", Cancellation)).Handles());
        // Zed is reached through hal and grace only: grace is never on ada's way.
        var toZed = await ada.GetJsonAsync($"/api/v1/members/{zed.Handle}/connection", Cancellation);
        Assert.DoesNotContain(toZed.GetProperty("paths").EnumerateArray(), p => p.GetProperty("through").Handles().Contains(grace.Handle));
        Assert.Equal(0, toZed.GetProperty("mutualCount").GetInt32());
        // Only the blocker sees the block.
        Assert.Equal([grace.Handle], (await ada.GetJsonAsync("/api/v1/me/blocks", Cancellation)).EnumerateArray().Select(b => b.GetProperty("handle").GetString()));
        Assert.Empty((await grace.GetJsonAsync("/api/v1/me/blocks", Cancellation)).EnumerateArray());
    }

    [Fact]
    public async Task Block_OrganisationPage_NeitherListedNorCountedForTheBlocker()
    {
        var ada = await RegisterMemberAsync("Ada Counted");
        var grace = await RegisterMemberAsync("Grace Counted");
        var carol = await RegisterMemberAsync("Carol Counted");
        var organization = MemberActions.UniqueName("Counted Corp");
        var position = await ada.AddPositionAsync(organization, "Engineer", App.MonthsAgo(12), cancellationToken: Cancellation);
        await grace.AddPositionAsync(organization, "Engineer", App.MonthsAgo(12), cancellationToken: Cancellation);
        var slug = position.GetProperty("organization").GetProperty("slug").GetString();

        await ada.BlockAsync(grace, Cancellation);

        foreach (var (viewer, expected) in new[] { (ada, new[] { ada.Handle }), (grace, new[] { grace.Handle }), (carol, new[] { ada.Handle, grace.Handle }) })
        {
            var view = await viewer.GetJsonAsync($"/api/v1/organizations/{slug}", Cancellation);
            Assert.Equal(expected.Length, view.GetProperty("currentMembers").GetInt32());
            var members = await viewer.GetJsonAsync($"/api/v1/organizations/{slug}/members", Cancellation);
            Assert.Equal(expected.Order(), members.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("handle").GetString()!).Order());
        }
    }

    [Fact]
    public async Task Block_PendingInvitation_SettledBothWays()
    {
        var ada = await RegisterMemberAsync("Ada Invited Blocker");
        var grace = await RegisterMemberAsync("Grace Inviting Blocked");
        await grace.InviteAsync(ada, cancellationToken: Cancellation);

        await ada.BlockAsync(grace, Cancellation);

        Assert.Empty((await ada.GetJsonAsync("/api/v1/invitations", Cancellation)).GetProperty("items").EnumerateArray());
        Assert.Empty((await grace.GetJsonAsync("/api/v1/invitations?direction=sent", Cancellation)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Unblock_VisibleAgainButNotReconnected()
    {
        var ada = await RegisterMemberAsync("Ada Unblocker");
        var grace = await RegisterMemberAsync("Grace Unblocked");
        await ConnectAsync(ada, grace);
        await ada.BlockAsync(grace, Cancellation);

        await ada.UnblockAsync(grace, Cancellation);

        Assert.Equal("none", (await ada.GetJsonAsync($"/api/v1/members/{grace.Handle}", Cancellation)).GetProperty("degree").GetString());
        Assert.Equal(grace.Handle, (await ada.GetJsonAsync($"/api/v1/members/{grace.Handle}", Cancellation)).GetProperty("handle").GetString());
        Assert.Equal(ada.Handle, (await grace.GetJsonAsync($"/api/v1/members/{ada.Handle}", Cancellation)).GetProperty("handle").GetString());
        Assert.Empty((await ada.GetJsonAsync("/api/v1/me/connections", Cancellation)).Handles());
        Assert.Empty((await ada.GetJsonAsync("/api/v1/me/blocks", Cancellation)).EnumerateArray());
        using (var again = await ada.Client.DeleteAsync(new Uri($"/api/v1/me/blocks/{grace.Handle}", UriKind.Relative), Cancellation))
        {
            await AssertProblemAsync(again, HttpStatusCode.NotFound);
        }
        await ConnectAsync(grace, ada);
        Assert.Equal([grace.Handle], (await ada.GetJsonAsync("/api/v1/me/connections", Cancellation)).Handles());
    }

    [Fact]
    public async Task Block_OnlyTheBlockerCanLiftIt_AndTheBlockedMayBlockBack()
    {
        var ada = await RegisterMemberAsync("Ada First Blocker");
        var grace = await RegisterMemberAsync("Grace Blocks Back");
        await ada.BlockAsync(grace, Cancellation);

        using (var lift = await grace.Client.DeleteAsync(new Uri($"/api/v1/me/blocks/{ada.Handle}", UriKind.Relative), Cancellation))
        {
            await AssertProblemAsync(lift, HttpStatusCode.NotFound);
        }
        await grace.BlockAsync(ada, Cancellation);
        await ada.UnblockAsync(grace, Cancellation);

        // Grace's block still stands.
        using var profile = await ada.Client.GetAsync(new Uri($"/api/v1/members/{grace.Handle}", UriKind.Relative), Cancellation);
        await AssertProblemAsync(profile, HttpStatusCode.NotFound);
    }
}
