using System.Net;
using Entregent.Web.Tests.Infrastructure;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Network;

/// <summary>A hidden connection list and a profile limited to three degrees, as others meet them.</summary>
public class PrivacyTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task HiddenList_OthersSeeOnlySharedConnectionsAndNoPathThroughHiddenEdges()
    {
        // olive hides her list; olive — amy, olive — ben; vic — amy (vic is 2nd degree to olive, sharing amy);
        // ben — zoe; sam is a stranger.
        var olive = await RegisterMemberAsync("Olive Hider");
        var amy = await RegisterMemberAsync("Amy Shared");
        var ben = await RegisterMemberAsync("Ben Hidden");
        var vic = await RegisterMemberAsync("Vic Viewer");
        var zoe = await RegisterMemberAsync("Zoe Far");
        var sam = await RegisterMemberAsync("Sam Stranger");
        await ConnectAsync(olive, amy);
        await ConnectAsync(olive, ben);
        await ConnectAsync(vic, amy);
        await ConnectAsync(ben, zoe);

        var settings = await olive.SetPrivacyAsync(hideConnections: true, cancellationToken: Cancellation);

        Assert.True(settings.GetProperty("hideConnections").GetBoolean());
        Assert.True((await olive.GetJsonAsync("/api/v1/me/privacy", Cancellation)).GetProperty("hideConnections").GetBoolean());
        var ownList = await olive.GetJsonAsync($"/api/v1/members/{olive.Handle}/connections", Cancellation);
        Assert.Equal([amy.Handle, ben.Handle], ownList.Handles().Order());
        var forVic = await vic.GetJsonAsync($"/api/v1/members/{olive.Handle}/connections", Cancellation);
        Assert.Equal([amy.Handle], forVic.Handles());
        Assert.Equal(1, forVic.GetProperty("total").GetInt32());
        Assert.True(forVic.GetProperty("onlyShared").GetBoolean());
        var forSam = await sam.GetJsonAsync($"/api/v1/members/{olive.Handle}/connections", Cancellation);
        Assert.Empty(forSam.Handles());
        Assert.Equal(0, forSam.GetProperty("total").GetInt32());
        Assert.Equal([amy.Handle], (await vic.GetJsonAsync($"/api/v1/members/{olive.Handle}/mutual", Cancellation)).Handles());
        // The rule is per connection: olive — amy shows in amy's list (amy is vic's connection), olive — ben in no list of ben's.
        Assert.Contains(olive.Handle, (await vic.GetJsonAsync($"/api/v1/members/{amy.Handle}/connections", Cancellation)).Handles());
        Assert.Equal([zoe.Handle], (await vic.GetJsonAsync($"/api/v1/members/{ben.Handle}/connections", Cancellation)).Handles());
        Assert.Equal([zoe.Handle], (await sam.GetJsonAsync($"/api/v1/members/{ben.Handle}/connections", Cancellation)).Handles());

        // vic → amy → olive → ben: the last edge is hidden from vic (ben is not vic's connection).
        foreach (var target in new[] { ben, zoe })
        {
            var how = await vic.GetJsonAsync($"/api/v1/members/{target.Handle}/connection", Cancellation);
            Assert.DoesNotContain(how.GetProperty("paths").EnumerateArray(), p => p.GetProperty("through").Handles().Contains(olive.Handle));
            Assert.Equal("none", how.GetProperty("degree").GetString());
            Assert.Equal(-1, how.GetProperty("distance").GetInt32());
        }
        Assert.Equal("none", (await vic.GetJsonAsync($"/api/v1/members/{ben.Handle}", Cancellation)).GetProperty("degree").GetString());
        Assert.DoesNotContain(ben.Handle, (await vic.GetJsonAsync("/api/v1/me/suggestions", Cancellation)).Handles());

        // Showing the list again restores all of it.
        await olive.SetPrivacyAsync(hideConnections: false, cancellationToken: Cancellation);
        Assert.Equal([amy.Handle, ben.Handle], (await sam.GetJsonAsync($"/api/v1/members/{olive.Handle}/connections", Cancellation)).Handles().Order());
        Assert.Equal(3, (await vic.GetJsonAsync($"/api/v1/members/{ben.Handle}/connection", Cancellation)).GetProperty("distance").GetInt32());
    }

    [Fact]
    public async Task HiddenList_ItsOwnConnectionsSeeOnlyWhatTheyShare()
    {
        var olive = await RegisterMemberAsync("Olive Private");
        var amy = await RegisterMemberAsync("Amy Friend");
        var ben = await RegisterMemberAsync("Ben Friend");
        var cat = await RegisterMemberAsync("Cat Friend");
        await ConnectAsync(olive, amy);
        await ConnectAsync(olive, ben);
        await ConnectAsync(olive, cat);
        await ConnectAsync(amy, ben);
        await olive.SetPrivacyAsync(hideConnections: true, cancellationToken: Cancellation);

        var forAmy = await amy.GetJsonAsync($"/api/v1/members/{olive.Handle}/connections", Cancellation);

        Assert.Equal([ben.Handle], forAmy.Handles());
        Assert.Equal([ben.Handle], (await amy.GetJsonAsync($"/api/v1/members/{olive.Handle}/mutual", Cancellation)).Handles());
        // amy → olive → cat would go through a hidden edge: cat is no 2nd degree of amy's.
        var toCat = await amy.GetJsonAsync($"/api/v1/members/{cat.Handle}/connection", Cancellation);
        Assert.Equal(-1, toCat.GetProperty("distance").GetInt32());
        Assert.Empty(toCat.GetProperty("paths").EnumerateArray());
    }

    [Fact]
    public async Task ReachWithinThreeDegrees_FourHopsAwayOrElsewhere_NotFound()
    {
        // olive — a — b — c — d, and sam in another component.
        var olive = await RegisterMemberAsync("Olive Reach");
        var a = await RegisterMemberAsync("A One Hop");
        var b = await RegisterMemberAsync("B Two Hops");
        var c = await RegisterMemberAsync("C Three Hops");
        var d = await RegisterMemberAsync("D Four Hops");
        var sam = await RegisterMemberAsync("Sam Elsewhere");
        await ConnectAsync(olive, a);
        await ConnectAsync(a, b);
        await ConnectAsync(b, c);
        await ConnectAsync(c, d);

        var settings = await olive.SetPrivacyAsync(reach: "withinThreeDegrees", cancellationToken: Cancellation);

        Assert.Equal("withinThreeDegrees", settings.GetProperty("reach").GetString());
        foreach (var near in new[] { olive, a, b, c })
        {
            Assert.Equal(olive.Handle, (await near.GetJsonAsync($"/api/v1/members/{olive.Handle}", Cancellation)).GetProperty("handle").GetString());
        }
        Assert.Equal("third", (await c.GetJsonAsync($"/api/v1/members/{olive.Handle}/connection", Cancellation)).GetProperty("degree").GetString());
        foreach (var far in new[] { d, sam })
        {
            foreach (var path in new[] { "", "/connection", "/mutual", "/connections" })
            {
                using var response = await far.Client.GetAsync(new Uri($"/api/v1/members/{olive.Handle}{path}", UriKind.Relative), Cancellation);
                await AssertProblemAsync(response, HttpStatusCode.NotFound);
            }
            using var invite = await far.SendInvitationAsync(olive.Handle, cancellationToken: Cancellation);
            await AssertProblemAsync(invite, HttpStatusCode.NotFound);
        }
        using (var anonymous = AnonymousClient())
        using (var response = await anonymous.GetAsync(new Uri($"/api/v1/members/{olive.Handle}", UriKind.Relative), Cancellation))
        {
            await AssertProblemAsync(response, HttpStatusCode.NotFound);
        }
        // Olive may still reach out: her invitation shows to d, and accepting it brings her within reach.
        var invitation = await olive.InviteAsync(d, cancellationToken: Cancellation);
        Assert.Single((await d.GetJsonAsync("/api/v1/invitations", Cancellation)).GetProperty("items").EnumerateArray());
        await d.AcceptAsync(invitation.GetProperty("id").GetInt64(), Cancellation);
        Assert.Equal("first", (await d.GetJsonAsync($"/api/v1/members/{olive.Handle}", Cancellation)).GetProperty("degree").GetString());
    }
}
