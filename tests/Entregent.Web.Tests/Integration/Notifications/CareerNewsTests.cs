using System.Net.Http.Json;
using Entregent.Web.Tests.Infrastructure;

namespace Entregent.Web.Tests.Integration.Notifications;

/// <summary>Career news: a new position shared as news, and the yearly anniversaries of such positions.</summary>
public class CareerNewsTests(EntregentFactory app) : IntegrationTest(app)
{
    private static async Task<IReadOnlyList<System.Text.Json.JsonElement>> NewsAsync(Member member, string kind) =>
        [.. (await member.NotificationsAsync("?limit=100", Cancellation)).GetProperty("items").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == kind)];

    [Fact]
    public async Task NewPosition_SharedToldOnceToConnections_NotSharedOrBlockedNotTold()
    {
        var ada = await RegisterMemberAsync("Ada Mover");
        var bob = await RegisterMemberAsync("Bob Friend");
        var cyd = await RegisterMemberAsync("Cyd Blocked");
        var stranger = await RegisterMemberAsync("Sam Stranger");
        await ConnectAsync(ada, bob);
        await ConnectAsync(ada, cyd);
        await ada.BlockAsync(cyd, Cancellation);

        await ada.AddPositionAsync(MemberActions.UniqueName("Quiet Corp"), "Engineer", App.MonthsAgo(30), App.MonthsAgo(2), Cancellation);
        await ada.AddSharedPositionAsync(MemberActions.UniqueName("Hidden Ltd"), "Secret role", App.MonthsAgo(1), shareAsNews: false, Cancellation);
        var shared = await ada.AddSharedPositionAsync("Acme " + MemberActions.UniqueName("News"), "Head of Sales", App.MonthsAgo(0), cancellationToken: Cancellation);
        using (var again = await ada.Client.PutAsJsonAsync(new Uri($"/api/v1/me/positions/{shared.Id()}", UriKind.Relative),
                   new { organization = shared.GetProperty("organization").GetProperty("name").GetString(), title = "Head of Sales", startMonth = App.MonthsAgo(0), shareAsNews = true },
                   Cancellation))
        {
            await MemberActions.EnsureSuccessAsync(again, "edit", Cancellation);
        }

        var told = Assert.Single(await NewsAsync(bob, "newPosition"));
        Assert.Contains("Head of Sales", told.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("/in/" + ada.Handle, told.GetProperty("url").GetString());
        Assert.Empty(await NewsAsync(cyd, "newPosition"));
        Assert.Empty(await NewsAsync(stranger, "newPosition"));
        Assert.True(shared.GetProperty("sharedAsNews").GetBoolean());
    }

    [Fact]
    public async Task NewPosition_EditedLater_NotAnnouncedAgain_SharingLaterAnnounces()
    {
        var ada = await RegisterMemberAsync("Ada Editor");
        var bob = await RegisterMemberAsync("Bob Early");
        var cyd = await RegisterMemberAsync("Cyd Later");
        await ConnectAsync(ada, bob);
        var organization = MemberActions.UniqueName("Steady Co");
        var shared = await ada.AddSharedPositionAsync(organization, "Buyer", App.MonthsAgo(3), cancellationToken: Cancellation);
        var quiet = await ada.AddSharedPositionAsync(MemberActions.UniqueName("Side Co"), "Advisor", App.MonthsAgo(2), shareAsNews: false, Cancellation);
        await ConnectAsync(ada, cyd);

        // A typo fixed on the shared position: Cyd, connected since, hears nothing of an old move.
        await EditAsync(shared.Id(), organization, "Senior Buyer", App.MonthsAgo(3), shareAsNews: null);
        Assert.Empty(await NewsAsync(cyd, "newPosition"));
        // The other position shared from now on: both hear of it, once, however often it is saved afterwards.
        await EditAsync(quiet.Id(), quiet.GetProperty("organization").GetProperty("name").GetString()!, "Advisor", App.MonthsAgo(2), shareAsNews: true);
        await EditAsync(quiet.Id(), quiet.GetProperty("organization").GetProperty("name").GetString()!, "Board advisor", App.MonthsAgo(2), shareAsNews: true);

        Assert.Equal(2, (await NewsAsync(bob, "newPosition")).Count);
        var told = Assert.Single(await NewsAsync(cyd, "newPosition"));
        Assert.Contains("Advisor", told.GetProperty("text").GetString(), StringComparison.Ordinal);

        async Task EditAsync(long id, string organizationName, string title, string startMonth, bool? shareAsNews)
        {
            using var response = await ada.Client.PutAsJsonAsync(new Uri($"/api/v1/me/positions/{id}", UriKind.Relative),
                new { organization = organizationName, title, startMonth, shareAsNews }, Cancellation);
            await MemberActions.EnsureSuccessAsync(response, "edit", Cancellation);
        }
    }

    [Fact]
    public async Task Anniversary_SharedPosition_ToldOnceAYear()
    {
        var ada = await RegisterMemberAsync("Ada Loyal");
        var bob = await RegisterMemberAsync("Bob Watching");
        var cyd = await RegisterMemberAsync("Cyd Private");
        await ConnectAsync(ada, bob);
        await ConnectAsync(cyd, bob);
        await ada.AddSharedPositionAsync(MemberActions.UniqueName("Loyal Inc"), "Analyst", App.MonthsAgo(12), cancellationToken: Cancellation);
        await cyd.AddSharedPositionAsync(MemberActions.UniqueName("Private Inc"), "Analyst", App.MonthsAgo(12), shareAsNews: false, Cancellation);

        await App.RunNotificationJobAsync(Cancellation);
        await App.RunNotificationJobAsync(Cancellation);
        var firstYear = await NewsAsync(bob, "workAnniversary");
        App.Time.SetUtcNow(App.Time.GetUtcNow().AddYears(1));
        await App.RunNotificationJobAsync(Cancellation);
        await App.SignInAgainAsync(Cancellation, bob);
        var secondYear = await NewsAsync(bob, "workAnniversary");

        var first = Assert.Single(firstYear);
        Assert.Contains("1 year as Analyst", first.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(ada.Handle, first.GetProperty("actor").GetProperty("handle").GetString());
        Assert.Equal(2, secondYear.Count);
        Assert.Contains("2 years", secondYear[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
