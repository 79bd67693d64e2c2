using System.Net;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Network;

/// <summary>The app with <c>Network:InvitationsPerWeek</c> = 3 and <c>Network:MaxConnections</c> = 2.</summary>
public sealed class LimitedNetworkApp : EntregentFactory
{
    public const int InvitationsPerWeek = 3;
    public const int MaxConnections = 2;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Network:InvitationsPerWeek", InvitationsPerWeek.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Network:MaxConnections", MaxConnections.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>The configurable limits: invitations a week (429) and the connection cap (409).</summary>
public sealed class InvitationLimitTests(LimitedNetworkApp app) : IClassFixture<LimitedNetworkApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Invite_BeyondTheWeeklyLimit_TooManyRequestsUntilAWeekHasPassed()
    {
        var ada = await app.RegisterMemberAsync("Ada Prolific", Cancellation);
        var invitees = new List<Member>();
        for (var i = 0; i <= LimitedNetworkApp.InvitationsPerWeek; i++)
        {
            invitees.Add(await app.RegisterMemberAsync("Invitee " + i, Cancellation));
        }
        for (var i = 0; i < LimitedNetworkApp.InvitationsPerWeek; i++)
        {
            await ada.InviteAsync(invitees[i], cancellationToken: Cancellation);
            app.Time.Advance(TimeSpan.FromMinutes(1));
        }

        using (var refused = await ada.SendInvitationAsync(invitees[^1].Handle, cancellationToken: Cancellation))
        {
            var problem = await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
            // The wait, in the body and in Retry-After: until the first of the week's invitations is a week old.
            var retryAfter = TimeSpan.FromSeconds(problem.GetProperty("retryAfterSeconds").GetInt32());
            Assert.InRange(retryAfter, TimeSpan.FromDays(7) - TimeSpan.FromMinutes(4), TimeSpan.FromDays(7));
            Assert.Equal(retryAfter, refused.Headers.RetryAfter?.Delta);
        }
        // Withdrawing does not give the allowance back: it counts invitations sent.
        var sent = await ada.GetJsonAsync("/api/v1/invitations?direction=sent", Cancellation);
        await ada.WithdrawAsync(sent.GetProperty("items")[0].GetProperty("id").GetInt64(), Cancellation);
        using (var stillRefused = await ada.SendInvitationAsync(invitees[^1].Handle, cancellationToken: Cancellation))
        {
            await AssertProblemAsync(stillRefused, HttpStatusCode.TooManyRequests);
        }

        // A week after the first of them, one more may go.
        app.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(LimitedNetworkApp.InvitationsPerWeek - 1));
        await app.SignInAgainAsync(Cancellation, ada);
        var later = await ada.InviteAsync(invitees[^1], cancellationToken: Cancellation);
        Assert.Equal("pending", later.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ConnectionCap_Reached_InviteAndAcceptConflict()
    {
        var ada = await app.RegisterMemberAsync("Ada Popular", Cancellation);
        var friends = new List<Member>();
        for (var i = 0; i < LimitedNetworkApp.MaxConnections; i++)
        {
            var friend = await app.RegisterMemberAsync("Friend " + i, Cancellation);
            await app.ConnectAsync(friend, ada, Cancellation);
            friends.Add(friend);
        }
        var late = await app.RegisterMemberAsync("Late Comer", Cancellation);
        var pending = await late.InviteAsync(ada, cancellationToken: Cancellation);

        using (var invite = await ada.SendInvitationAsync(late.Handle, cancellationToken: Cancellation))
        {
            // Sending one back would accept the crossing one: refused on the cap as well.
            Assert.Equal(HttpStatusCode.Conflict, invite.StatusCode);
        }
        using (var accept = await ada.Client.PostAsync(new Uri($"/api/v1/invitations/{pending.GetProperty("id").GetInt64()}/accept", UriKind.Relative), null, Cancellation))
        {
            await AssertProblemAsync(accept, HttpStatusCode.Conflict, "status");
        }
        var other = await app.RegisterMemberAsync("Other Stranger", Cancellation);
        using (var fresh = await ada.SendInvitationAsync(other.Handle, cancellationToken: Cancellation))
        {
            await AssertProblemAsync(fresh, HttpStatusCode.Conflict, "to");
        }

        Assert.Equal(LimitedNetworkApp.MaxConnections, (await ada.GetJsonAsync("/api/v1/me/connections", Cancellation)).Handles().Count);
        using (var removed = await ada.Client.DeleteAsync(new Uri($"/api/v1/me/connections/{friends[0].Handle}", UriKind.Relative), Cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }
        await ada.AcceptAsync(pending.GetProperty("id").GetInt64(), Cancellation);
        Assert.Contains(late.Handle, (await ada.GetJsonAsync("/api/v1/me/connections", Cancellation)).Handles());
    }
}
