using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Entregent.Web.Features.Connections;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Network;

/// <summary>Invitations over HTTP: send, the two lists, accept, ignore, withdraw, crossing and duplicate sends.</summary>
public class InvitationTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Invite_WithNoteAndContext_InRecipientsReceivedAndSendersSent()
    {
        var ada = await RegisterMemberAsync("Ada Inviter");
        var grace = await RegisterMemberAsync("Grace Invitee");
        var organization = MemberActions.UniqueName("Invite Corp");
        var position = await ada.AddPositionAsync(organization, "Engineer", App.MonthsAgo(24), cancellationToken: Cancellation);
        var slug = position.GetProperty("organization").GetProperty("slug").GetString();

        var sent = await ada.InviteAsync(grace, "We met at the conference.", "colleague", slug, Cancellation);

        Assert.Equal("pending", sent.GetProperty("status").GetString());
        var received = await grace.GetJsonAsync("/api/v1/invitations?direction=received", Cancellation);
        var item = Assert.Single(received.GetProperty("items").EnumerateArray());
        Assert.Equal(sent.GetProperty("id").GetInt64(), item.GetProperty("id").GetInt64());
        Assert.Equal(ada.Handle, item.GetProperty("from").GetProperty("handle").GetString());
        Assert.Equal("We met at the conference.", item.GetProperty("note").GetString());
        Assert.Equal("colleague", item.GetProperty("context").GetString());
        Assert.Equal(slug, item.GetProperty("organization").GetProperty("slug").GetString());
        var outgoing = await ada.GetJsonAsync("/api/v1/invitations?direction=sent", Cancellation);
        Assert.Equal(grace.Handle, Assert.Single(outgoing.GetProperty("items").EnumerateArray()).GetProperty("to").GetProperty("handle").GetString());
        Assert.Empty((await ada.GetJsonAsync("/api/v1/invitations", Cancellation)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Accept_Invitation_BothListEachOtherAsFirstDegree()
    {
        var ada = await RegisterMemberAsync("Ada Accepted");
        var grace = await RegisterMemberAsync("Grace Accepting");
        var invitation = await ada.InviteAsync(grace, cancellationToken: Cancellation);

        var accepted = await grace.AcceptAsync(Id(invitation), Cancellation);

        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        Assert.Equal([grace.Handle], (await ada.GetJsonAsync("/api/v1/me/connections", Cancellation)).Handles());
        Assert.Equal([ada.Handle], (await grace.GetJsonAsync("/api/v1/me/connections", Cancellation)).Handles());
        Assert.Equal("first", (await ada.GetJsonAsync($"/api/v1/members/{grace.Handle}/connection", Cancellation)).GetProperty("degree").GetString());
        Assert.Equal("first", (await grace.GetJsonAsync($"/api/v1/members/{ada.Handle}", Cancellation)).GetProperty("degree").GetString());
        Assert.Empty((await grace.GetJsonAsync("/api/v1/invitations", Cancellation)).GetProperty("items").EnumerateArray());
        Assert.Empty((await ada.GetJsonAsync("/api/v1/invitations?direction=sent", Cancellation)).GetProperty("items").EnumerateArray());
        // Accepting twice (a retried request) is not an error.
        Assert.Equal("accepted", (await grace.AcceptAsync(Id(invitation), Cancellation)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ignore_Invitation_GoneForRecipientStillPendingForSender()
    {
        var ada = await RegisterMemberAsync("Ada Ignored");
        var grace = await RegisterMemberAsync("Grace Ignoring");
        var invitation = await ada.InviteAsync(grace, cancellationToken: Cancellation);

        await grace.IgnoreAsync(Id(invitation), Cancellation);

        Assert.Empty((await grace.GetJsonAsync("/api/v1/invitations", Cancellation)).GetProperty("items").EnumerateArray());
        var sent = Assert.Single((await ada.GetJsonAsync("/api/v1/invitations?direction=sent", Cancellation)).GetProperty("items").EnumerateArray());
        Assert.Equal("pending", sent.GetProperty("status").GetString());
        Assert.Empty((await ada.GetJsonAsync("/api/v1/me/connections", Cancellation)).Handles());
        using var again = await ada.SendInvitationAsync(grace.Handle, cancellationToken: Cancellation);
        await AssertProblemAsync(again, HttpStatusCode.Conflict, "to");
    }

    [Fact]
    public async Task Withdraw_ThenReinvite_RefusedForThreeWeeksThenAllowed()
    {
        var ada = await RegisterMemberAsync("Ada Withdrawing");
        var grace = await RegisterMemberAsync("Grace Withdrawn");
        var invitation = await ada.InviteAsync(grace, cancellationToken: Cancellation);

        await ada.WithdrawAsync(Id(invitation), Cancellation);

        Assert.Empty((await grace.GetJsonAsync("/api/v1/invitations", Cancellation)).GetProperty("items").EnumerateArray());
        Assert.Empty((await ada.GetJsonAsync("/api/v1/invitations?direction=sent", Cancellation)).GetProperty("items").EnumerateArray());
        using (var accept = await grace.Client.PostAsync(new Uri($"/api/v1/invitations/{Id(invitation)}/accept", UriKind.Relative), null, Cancellation))
        {
            await AssertProblemAsync(accept, HttpStatusCode.Conflict, "status");
        }
        using (var soon = await ada.SendInvitationAsync(grace.Handle, cancellationToken: Cancellation))
        {
            await AssertProblemAsync(soon, HttpStatusCode.Conflict, "to");
        }
        App.Time.Advance(TimeSpan.FromDays(20));
        await App.SignInAgainAsync(Cancellation, ada);
        using (var stillTooSoon = await ada.SendInvitationAsync(grace.Handle, cancellationToken: Cancellation))
        {
            await AssertProblemAsync(stillTooSoon, HttpStatusCode.Conflict, "to");
        }
        App.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await App.SignInAgainAsync(Cancellation, ada);
        var again = await ada.InviteAsync(grace, cancellationToken: Cancellation);
        Assert.Equal("pending", again.GetProperty("status").GetString());
        // The recipient was never barred from inviting the sender.
        Assert.NotEqual(Id(invitation), Id(again));
    }

    [Fact]
    public async Task Invite_CrossingOneTheOtherWay_ConnectsBoth()
    {
        var ada = await RegisterMemberAsync("Ada Crossing");
        var grace = await RegisterMemberAsync("Grace Crossing");
        await ada.InviteAsync(grace, cancellationToken: Cancellation);

        var crossing = await grace.InviteAsync(ada, cancellationToken: Cancellation);

        Assert.Equal("accepted", crossing.GetProperty("status").GetString());
        Assert.Equal([grace.Handle], (await ada.GetJsonAsync("/api/v1/me/connections", Cancellation)).Handles());
        Assert.Equal([ada.Handle], (await grace.GetJsonAsync("/api/v1/me/connections", Cancellation)).Handles());
        Assert.Empty((await ada.GetJsonAsync("/api/v1/invitations", Cancellation)).GetProperty("items").EnumerateArray());
        Assert.Empty((await grace.GetJsonAsync("/api/v1/invitations", Cancellation)).GetProperty("items").EnumerateArray());
        Assert.Empty((await ada.GetJsonAsync("/api/v1/invitations?direction=sent", Cancellation)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Invite_New_CreatedWithLocation_Crossing_OkAccepted()
    {
        var ada = await RegisterMemberAsync("Ada Status");
        var grace = await RegisterMemberAsync("Grace Status");

        using var created = await ada.SendInvitationAsync(grace.Handle, cancellationToken: Cancellation);
        using var crossing = await grace.SendInvitationAsync(ada.Handle, cancellationToken: Cancellation);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/invitations/{id}", created.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, crossing.StatusCode);
        Assert.Equal(id, (await crossing.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Invite_Twice_ConflictOnTo()
    {
        var ada = await RegisterMemberAsync("Ada Twice");
        var grace = await RegisterMemberAsync("Grace Twice");
        await ada.InviteAsync(grace, cancellationToken: Cancellation);

        using var response = await ada.SendInvitationAsync(grace.Handle, cancellationToken: Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "to");
        Assert.Equal(1, await InvitationCountAsync(ada, grace));
    }

    [Fact]
    public async Task Invite_AlreadyConnected_ConflictOnTo()
    {
        var ada = await RegisterMemberAsync("Ada Connected");
        var grace = await RegisterMemberAsync("Grace Connected");
        await ConnectAsync(ada, grace);

        using var mine = await ada.SendInvitationAsync(grace.Handle, cancellationToken: Cancellation);
        using var theirs = await grace.SendInvitationAsync(ada.Handle, cancellationToken: Cancellation);

        await AssertProblemAsync(mine, HttpStatusCode.Conflict, "to");
        await AssertProblemAsync(theirs, HttpStatusCode.Conflict, "to");
    }

    [Fact]
    public async Task Invite_SameAtOnce_ExactlyOneInvitation()
    {
        var ada = await RegisterMemberAsync("Ada Racing");
        var grace = await RegisterMemberAsync("Grace Raced");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ada.SendInvitationAsync(grace.Handle, cancellationToken: Cancellation)));

        try
        {
            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            {
                await AssertProblemAsync(refused, HttpStatusCode.Conflict, "to");
            }
            Assert.Equal(1, await InvitationCountAsync(ada, grace));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task Invite_CrossingAtOnce_OneConnection()
    {
        var ada = await RegisterMemberAsync("Ada Both");
        var grace = await RegisterMemberAsync("Grace Both");

        var responses = await Task.WhenAll(
            ada.SendInvitationAsync(grace.Handle, cancellationToken: Cancellation),
            grace.SendInvitationAsync(ada.Handle, cancellationToken: Cancellation));
        foreach (var response in responses)
        {
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync(Cancellation));
            response.Dispose();
        }

        // Whatever the interleaving, no pending invitation is left dangling beside a connection, and accepting one connects.
        var pending = (await grace.GetJsonAsync("/api/v1/invitations", Cancellation)).GetProperty("items").EnumerateArray().ToList();
        if (pending.Count == 1)
        {
            await grace.AcceptAsync(pending[0].GetProperty("id").GetInt64(), Cancellation);
        }
        Assert.Equal([grace.Handle], (await ada.GetJsonAsync("/api/v1/me/connections", Cancellation)).Handles());
    }

    [Fact]
    public async Task RemoveConnection_GoneForBoth_SecondTimeNotFound()
    {
        var ada = await RegisterMemberAsync("Ada Removing");
        var grace = await RegisterMemberAsync("Grace Removed");
        await ConnectAsync(ada, grace);

        using (var removed = await grace.Client.DeleteAsync(new Uri($"/api/v1/me/connections/{ada.Handle}", UriKind.Relative), Cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        Assert.Empty((await ada.GetJsonAsync("/api/v1/me/connections", Cancellation)).Handles());
        Assert.Empty((await grace.GetJsonAsync("/api/v1/me/connections", Cancellation)).Handles());
        Assert.Equal("none", (await ada.GetJsonAsync($"/api/v1/members/{grace.Handle}/connection", Cancellation)).GetProperty("degree").GetString());
        using var again = await ada.Client.DeleteAsync(new Uri($"/api/v1/me/connections/{grace.Handle}", UriKind.Relative), Cancellation);
        await AssertProblemAsync(again, HttpStatusCode.NotFound);
        // Removed members may connect again.
        await ConnectAsync(grace, ada);
        Assert.Equal([ada.Handle], (await grace.GetJsonAsync("/api/v1/me/connections", Cancellation)).Handles());
    }

    [Fact]
    public async Task Respond_ToSomeoneElsesInvitation_NotFoundAndUnchanged()
    {
        var ada = await RegisterMemberAsync("Ada Owner");
        var grace = await RegisterMemberAsync("Grace Recipient");
        var ivy = await RegisterMemberAsync("Ivy Intruder");
        var invitation = await ada.InviteAsync(grace, cancellationToken: Cancellation);
        var id = Id(invitation);

        using (var senderAccepts = await ada.Client.PostAsync(new Uri($"/api/v1/invitations/{id}/accept", UriKind.Relative), null, Cancellation))
        {
            await AssertProblemAsync(senderAccepts, HttpStatusCode.NotFound);
        }
        using (var strangerAccepts = await ivy.Client.PostAsync(new Uri($"/api/v1/invitations/{id}/accept", UriKind.Relative), null, Cancellation))
        {
            await AssertProblemAsync(strangerAccepts, HttpStatusCode.NotFound);
        }
        using (var strangerIgnores = await ivy.Client.PostAsync(new Uri($"/api/v1/invitations/{id}/ignore", UriKind.Relative), null, Cancellation))
        {
            await AssertProblemAsync(strangerIgnores, HttpStatusCode.NotFound);
        }
        using (var recipientWithdraws = await grace.Client.DeleteAsync(new Uri($"/api/v1/invitations/{id}", UriKind.Relative), Cancellation))
        {
            await AssertProblemAsync(recipientWithdraws, HttpStatusCode.NotFound);
        }

        var still = Assert.Single((await grace.GetJsonAsync("/api/v1/invitations", Cancellation)).GetProperty("items").EnumerateArray());
        Assert.Equal("pending", still.GetProperty("status").GetString());
        Assert.Empty((await ada.GetJsonAsync("/api/v1/me/connections", Cancellation)).Handles());
        Assert.Empty((await ivy.GetJsonAsync("/api/v1/me/connections", Cancellation)).Handles());
    }

    private static long Id(JsonElement invitation) => invitation.GetProperty("id").GetInt64();

    private async Task<int> InvitationCountAsync(Member from, Member to)
    {
        var fromId = await App.MemberIdAsync(from, Cancellation);
        var toId = await App.MemberIdAsync(to, Cancellation);
        return await App.InStoreAsync(db => db.Invitations.CountAsync(i => i.FromMemberId == fromId && i.ToMemberId == toId, Cancellation));
    }
}
