using Entregent.Web.Tests.Infrastructure;

namespace Entregent.Web.Tests.Integration.Notifications;

/// <summary>Each feature wired for this issue tells the right member, once, with the actor and a link.</summary>
public class NotificationEmissionTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Invitation_ReceivedThenAccepted_BothSidesTold()
    {
        var ada = await RegisterMemberAsync("Ada Inviter");
        var bob = await RegisterMemberAsync("Bob Invitee");

        var invitation = await ada.InviteAsync(bob, note: "Met at the meetup", cancellationToken: Cancellation);
        var received = (await bob.NotificationsAsync(cancellationToken: Cancellation)).GetProperty("items")[0];
        await bob.AcceptAsync(invitation.Id(), Cancellation);
        await bob.AcceptAsync(invitation.Id(), Cancellation);

        Assert.Equal("invitationReceived", received.GetProperty("kind").GetString());
        Assert.Equal(ada.Handle, received.GetProperty("actor").GetProperty("handle").GetString());
        Assert.Equal("wants to connect: Met at the meetup", received.GetProperty("text").GetString());
        Assert.Equal("/network", received.GetProperty("url").GetString());
        var accepted = (await ada.NotificationsAsync(cancellationToken: Cancellation)).GetProperty("items");
        Assert.Equal(1, accepted.GetArrayLength());
        Assert.Equal("invitationAccepted", accepted[0].GetProperty("kind").GetString());
        Assert.Equal("/in/" + bob.Handle, accepted[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Endorsement_GivenTakenBackAndGivenAgain_ToldOnce()
    {
        var ada = await RegisterMemberAsync("Ada Endorsed");
        var bob = await RegisterMemberAsync("Bob Endorses");
        await ConnectAsync(ada, bob);
        await ada.SetSkillsAsync(Cancellation, "Negotiation", "C#");

        await bob.EndorseAsync(ada, "Negotiation", Cancellation);
        using (await bob.RemoveEndorsementAsync(ada.Handle, "Negotiation", Cancellation)) { }
        await bob.EndorseAsync(ada, "negotiation", Cancellation);
        await bob.EndorseAsync(ada, "C#", Cancellation);

        var items = (await ada.NotificationsAsync(cancellationToken: Cancellation)).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("kind").GetString() == "endorsement").ToList();
        Assert.Equal(2, items.Count);
        Assert.Contains(items, i => i.GetProperty("text").GetString()!.Contains("Negotiation", StringComparison.Ordinal));
        Assert.All(items, i => Assert.Equal(bob.Handle, i.GetProperty("actor").GetProperty("handle").GetString()));
    }

    [Fact]
    public async Task Recommendation_RequestedWrittenApproved_EachStepTellsTheOtherSide()
    {
        var ada = await RegisterMemberAsync("Ada Recommended");
        var bob = await RegisterMemberAsync("Bob Recommender");
        await ConnectAsync(ada, bob);

        using (var asked = await ada.SendRecommendationRequestAsync(bob.Handle, cancellationToken: Cancellation))
        {
            await MemberActions.EnsureSuccessAsync(asked, "ask", Cancellation);
        }
        var request = (await bob.NotificationsAsync(cancellationToken: Cancellation)).GetProperty("items")[0];
        var written = await bob.RecommendAsync(ada, cancellationToken: Cancellation);
        var toRecipient = (await ada.NotificationsAsync(cancellationToken: Cancellation)).GetProperty("items");
        await ada.ApproveRecommendationAsync(written.Id(), Cancellation);
        var toAuthor = (await bob.NotificationsAsync(cancellationToken: Cancellation)).GetProperty("items");

        Assert.Equal("recommendation", request.GetProperty("kind").GetString());
        Assert.Contains("asks you", request.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(toRecipient.EnumerateArray(), i => i.GetProperty("kind").GetString() == "recommendation"
            && i.GetProperty("actor").GetProperty("handle").GetString() == bob.Handle);
        Assert.Contains(toAuthor.EnumerateArray(), i => i.GetProperty("text").GetString()!.StartsWith("approved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Introduction_EachTurnAndTheOutcome_Told()
    {
        var ada = await RegisterMemberAsync("Ada Asks");
        var bob = await RegisterMemberAsync("Bob Middle");
        var cyd = await RegisterMemberAsync("Cyd Far");
        await ConnectAsync(ada, bob);
        await ConnectAsync(bob, cyd);

        var requested = await ada.RequestIntroductionAsync(cyd, bob, "Graphs!", Cancellation);
        var toBob = await bob.NotificationKindsAsync(Cancellation);
        await bob.ForwardIntroductionAsync(requested.Id(), "Ada is great", Cancellation);
        var toCyd = (await cyd.NotificationsAsync(cancellationToken: Cancellation)).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("kind").GetString() == "introduction").ToList();
        await cyd.AcceptIntroductionAsync(requested.Id(), Cancellation);
        var toAda = (await ada.NotificationsAsync(cancellationToken: Cancellation)).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("kind").GetString() == "introduction").ToList();

        Assert.Contains("introduction", toBob);
        var proposed = Assert.Single(toCyd);
        Assert.Equal($"/introductions/{requested.Id()}", proposed.GetProperty("url").GetString());
        Assert.Equal(bob.Handle, proposed.GetProperty("actor").GetProperty("handle").GetString());
        var accepted = Assert.Single(toAda);
        Assert.Contains("accepted", accepted.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Introduction_Declined_RequesterTold()
    {
        var ada = await RegisterMemberAsync("Ada Declined");
        var bob = await RegisterMemberAsync("Bob Declines");
        var cyd = await RegisterMemberAsync("Cyd Unreached");
        await ConnectAsync(ada, bob);
        await ConnectAsync(bob, cyd);

        var requested = await ada.RequestIntroductionAsync(cyd, bob, "Please", Cancellation);
        await bob.DeclineIntroductionAsync(requested.Id(), "Sorry", Cancellation);

        var items = (await ada.NotificationsAsync(cancellationToken: Cancellation)).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("kind").GetString() == "introduction").ToList();
        Assert.Contains("declined", Assert.Single(items).GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("introduction", await cyd.NotificationKindsAsync(Cancellation));
    }
}
