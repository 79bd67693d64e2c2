using System.Globalization;
using System.Net;
using System.Text.Json;
using Entregent.Web.Tests.Infrastructure;

namespace Entregent.Web.Tests.Integration.Network;

/// <summary>People you may know, with their reasons, and dismissal for good; "how you're connected" with named intermediaries.</summary>
public class SuggestionTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Suggestions_FriendOfFriends_WithMutualCount()
    {
        // ada — hal — zoe and ada — ivy — zoe: zoe shares two connections with ada.
        var ada = await RegisterMemberAsync("Ada Suggested To");
        var hal = await RegisterMemberAsync("Hal Mutual");
        var ivy = await RegisterMemberAsync("Ivy Mutual");
        var zoe = await RegisterMemberAsync("Zoe Suggested");
        await ConnectAsync(ada, hal);
        await ConnectAsync(ada, ivy);
        await ConnectAsync(hal, zoe);
        await ConnectAsync(ivy, zoe);

        var suggestions = await ada.GetJsonAsync("/api/v1/me/suggestions", Cancellation);

        var suggestion = Find(suggestions, zoe);
        Assert.Equal(2, suggestion.GetProperty("mutualCount").GetInt32());
        Assert.Equal("second", suggestion.GetProperty("member").GetProperty("degree").GetString());
        Assert.DoesNotContain(hal.Handle, suggestions.Handles());
        Assert.DoesNotContain(ada.Handle, suggestions.Handles());
    }

    [Fact]
    public async Task Suggestions_OverlappedAtAnOrganisation_NamesItWithYears()
    {
        var ada = await RegisterMemberAsync("Ada Colleague");
        var quinn = await RegisterMemberAsync("Quinn Colleague");
        var organization = MemberActions.UniqueName("Overlap Corp");
        var start = App.MonthsAgo(48);
        var end = App.MonthsAgo(12);
        await ada.AddPositionAsync(organization, "Engineer", start, end, Cancellation);
        await quinn.AddPositionAsync(organization, "Designer", App.MonthsAgo(30), cancellationToken: Cancellation);

        var suggestion = Find(await ada.GetJsonAsync("/api/v1/me/suggestions", Cancellation), quinn);

        var shared = Assert.Single(suggestion.GetProperty("sharedOrganizations").EnumerateArray());
        Assert.Equal(organization, shared.GetProperty("name").GetString());
        Assert.Equal(Year(App.MonthsAgo(30)), shared.GetProperty("fromYear").GetInt32());
        Assert.Equal(Year(end), shared.GetProperty("toYear").GetInt32());
        Assert.Equal(0, suggestion.GetProperty("mutualCount").GetInt32());
        // Quinn sees ada for the same reason.
        Assert.Contains(ada.Handle, (await quinn.GetJsonAsync("/api/v1/me/suggestions", Cancellation)).Handles());
    }

    [Fact]
    public async Task Dismiss_Suggestion_NeverComesBack()
    {
        var ada = await RegisterMemberAsync("Ada Dismissing");
        var hal = await RegisterMemberAsync("Hal Link");
        var zoe = await RegisterMemberAsync("Zoe Dismissed");
        var ivy = await RegisterMemberAsync("Ivy Later Link");
        await ConnectAsync(ada, hal);
        await ConnectAsync(hal, zoe);
        Find(await ada.GetJsonAsync("/api/v1/me/suggestions", Cancellation), zoe);

        using (var dismissed = await ada.Client.DeleteAsync(new Uri($"/api/v1/me/suggestions/{zoe.Handle}", UriKind.Relative), Cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, dismissed.StatusCode);
        }
        using (var twice = await ada.Client.DeleteAsync(new Uri($"/api/v1/me/suggestions/{zoe.Handle}", UriKind.Relative), Cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, twice.StatusCode);
        }

        Assert.DoesNotContain(zoe.Handle, (await ada.GetJsonAsync("/api/v1/me/suggestions", Cancellation)).Handles());
        // More reasons later do not bring her back.
        await ConnectAsync(ada, ivy);
        await ConnectAsync(ivy, zoe);
        Assert.DoesNotContain(zoe.Handle, (await ada.GetJsonAsync("/api/v1/me/suggestions", Cancellation)).Handles());
        // The dismissal is one-sided.
        Assert.Contains(ada.Handle, (await zoe.GetJsonAsync("/api/v1/me/suggestions", Cancellation)).Handles());
    }

    [Fact]
    public async Task Suggestions_PendingInvitationEitherWay_LeftOut()
    {
        var ada = await RegisterMemberAsync("Ada Pending");
        var hal = await RegisterMemberAsync("Hal Pending Link");
        var zoe = await RegisterMemberAsync("Zoe Invited");
        var yan = await RegisterMemberAsync("Yan Inviting");
        await ConnectAsync(ada, hal);
        await ConnectAsync(hal, zoe);
        await ConnectAsync(hal, yan);

        await ada.InviteAsync(zoe, cancellationToken: Cancellation);
        await yan.InviteAsync(ada, cancellationToken: Cancellation);

        var handles = (await ada.GetJsonAsync("/api/v1/me/suggestions", Cancellation)).Handles();
        Assert.DoesNotContain(zoe.Handle, handles);
        Assert.DoesNotContain(yan.Handle, handles);
    }

    [Fact]
    public async Task HowConnected_SecondAndThirdDegree_PathsNameTheIntermediaries()
    {
        // ada — hal — zoe — max, and ada — ivy — zoe.
        var ada = await RegisterMemberAsync("Ada Path");
        var hal = await RegisterMemberAsync("Hal Path");
        var ivy = await RegisterMemberAsync("Ivy Path");
        var zoe = await RegisterMemberAsync("Zoe Path");
        var max = await RegisterMemberAsync("Max Path");
        await ConnectAsync(ada, hal);
        await ConnectAsync(ada, ivy);
        await ConnectAsync(hal, zoe);
        await ConnectAsync(ivy, zoe);
        await ConnectAsync(zoe, max);

        var toZoe = await ada.GetJsonAsync($"/api/v1/members/{zoe.Handle}/connection", Cancellation);
        var toMax = await ada.GetJsonAsync($"/api/v1/members/{max.Handle}/connection", Cancellation);
        var toSelf = await ada.GetJsonAsync($"/api/v1/members/{ada.Handle}/connection", Cancellation);

        Assert.Equal("second", toZoe.GetProperty("degree").GetString());
        Assert.Equal(2, toZoe.GetProperty("distance").GetInt32());
        Assert.Equal(2, toZoe.GetProperty("mutualCount").GetInt32());
        Assert.Equal([hal.Handle, ivy.Handle], Paths(toZoe).Select(p => Assert.Single(p)).Order(StringComparer.Ordinal));
        Assert.Equal([hal.Handle, ivy.Handle], (await ada.GetJsonAsync($"/api/v1/members/{zoe.Handle}/mutual", Cancellation)).Handles().Order(StringComparer.Ordinal));
        Assert.Equal("third", toMax.GetProperty("degree").GetString());
        Assert.Equal(3, toMax.GetProperty("distance").GetInt32());
        Assert.Equal(0, toMax.GetProperty("mutualCount").GetInt32());
        Assert.Equal(2, toMax.GetProperty("paths").GetArrayLength());
        Assert.All(Paths(toMax), p => Assert.Equal(zoe.Handle, p[1]));
        Assert.Equal([hal.Handle, ivy.Handle], Paths(toMax).Select(p => p[0]).Order(StringComparer.Ordinal));
        Assert.Equal(0, toSelf.GetProperty("distance").GetInt32());
        Assert.Empty(toSelf.GetProperty("paths").EnumerateArray());
    }

    private static JsonElement Find(JsonElement suggestions, Member member)
    {
        var found = suggestions.EnumerateArray().Where(s => s.GetProperty("member").GetProperty("handle").GetString() == member.Handle).ToList();
        Assert.True(found.Count == 1, $"Expected {member.Handle} once among the suggestions: {suggestions}");
        return found[0];
    }

    private static IReadOnlyList<string[]> Paths(JsonElement connection) =>
        [.. connection.GetProperty("paths").EnumerateArray().Select(p => p.GetProperty("through").Handles().ToArray())];

    private static int Year(string month) => int.Parse(month[..4], CultureInfo.InvariantCulture);
}
