using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Entregent.Web.Tests.Infrastructure;

namespace Entregent.Web.Tests.Integration.Organizations;

/// <summary>"Who do I know at X": current and former people, 1st and 2nd degree, intermediaries explained, and who is left out.</summary>
public class PeopleYouKnowTests(EntregentFactory app) : IntegrationTest(app)
{
    /// <summary>
    /// The fixed network: viewer — marie, viewer — noah, viewer — amy; marie — paul, noah — paul (as a client), amy — fred,
    /// paul — zed. At Acme now: amy (since 2019), paul (since 2018), zed, a stranger; formerly: marie (2018–2021),
    /// fred (2015–2017). Marie and Paul overlapped at Acme; Noah only knows Paul as a client.
    /// </summary>
    internal sealed record Network(string Slug, string Name, Member Viewer, Member Marie, Member Noah, Member Amy, Member Paul,
        Member Fred, Member Zed, Member Stranger);

    private Task<Network> BuildAsync(string tag) => BuildAsync(App, tag);

    internal static async Task<Network> BuildAsync(EntregentFactory app, string tag)
    {
        var name = MemberActions.UniqueName("Acme " + tag);
        var viewer = await app.RegisterMemberAsync("Vera Viewer", Cancellation);
        var marie = await app.RegisterMemberAsync("Marie Curie", Cancellation);
        var noah = await app.RegisterMemberAsync("Noah Client", Cancellation);
        var amy = await app.RegisterMemberAsync("Amy Insider", Cancellation);
        var paul = await app.RegisterMemberAsync("Paul Target", Cancellation);
        var fred = await app.RegisterMemberAsync("Fred Former", Cancellation);
        var zed = await app.RegisterMemberAsync("Zed Third", Cancellation);
        var stranger = await app.RegisterMemberAsync("Sam Stranger", Cancellation);
        var position = await paul.AddPositionAsync(name, "Engineer", "2018-01", cancellationToken: Cancellation);
        var slug = position.GetProperty("organization").GetProperty("slug").GetString()!;
        await marie.AddPositionAsync(name, "Designer", "2018-01", "2021-06", Cancellation);
        await amy.AddPositionAsync(name, "Analyst", "2019-03", cancellationToken: Cancellation);
        await fred.AddPositionAsync(name, "Intern", "2015-01", "2017-12", Cancellation);
        await zed.AddPositionAsync(name, "Manager", "2020-01", cancellationToken: Cancellation);
        await stranger.AddPositionAsync(name, "Manager", "2020-01", cancellationToken: Cancellation);
        await app.ConnectAsync(viewer, marie, Cancellation);
        await app.ConnectAsync(viewer, noah, Cancellation);
        await app.ConnectAsync(viewer, amy, Cancellation);
        await app.ConnectAsync(marie, paul, Cancellation);
        var invitation = await noah.InviteAsync(paul, context: "client", cancellationToken: Cancellation);
        await paul.AcceptAsync(invitation.GetProperty("id").GetInt64(), Cancellation);
        await app.ConnectAsync(amy, fred, Cancellation);
        await app.ConnectAsync(paul, zed, Cancellation);
        await app.WaitForNetworkAsync(Cancellation);
        return new Network(slug, name, viewer, marie, noah, amy, paul, fred, zed, stranger);
    }

    [Fact]
    public async Task PeopleYouKnow_FixedNetwork_CurrentAndFormerNearestFirstWithExplainedIntermediaries()
    {
        var n = await BuildAsync("Fixed");

        var answer = await n.Viewer.PeopleYouKnowAsync(n.Slug, Cancellation);

        Assert.Equal(n.Slug, answer.GetProperty("slug").GetString());
        Assert.Equal([n.Amy.Handle, n.Paul.Handle], answer.People("current"));
        Assert.Equal(2, answer.GetProperty("currentCount").GetInt32());
        Assert.Equal([n.Marie.Handle, n.Fred.Handle], answer.People("former"));
        Assert.Equal(2, answer.GetProperty("formerCount").GetInt32());
        var current = answer.GetProperty("current").EnumerateArray().ToList();
        Assert.Equal(1, current[0].GetProperty("distance").GetInt32());
        Assert.Equal("first", current[0].GetProperty("member").GetProperty("degree").GetString());
        Assert.Empty(current[0].GetProperty("intermediaries").EnumerateArray());
        Assert.Equal(2, current[1].GetProperty("distance").GetInt32());
        Assert.Equal("second", current[1].GetProperty("member").GetProperty("degree").GetString());
        // Marie worked beside Paul for three years: a stronger tie than Noah's client relationship, so she comes first.
        Assert.Equal([n.Marie.Handle, n.Noah.Handle], answer.Through("current", n.Paul));
        var through = current[1].GetProperty("intermediaries").EnumerateArray().ToList();
        Assert.True(through[0].GetProperty("strength").GetDouble() > through[1].GetProperty("strength").GetDouble());
        var marieBecause = through[0].GetProperty("because");
        Assert.Equal("workedTogether", marieBecause.GetProperty("kind").GetString());
        Assert.Equal($"Marie Curie worked with Paul Target at {n.Name}, 2018–2021", marieBecause.GetProperty("text").GetString());
        Assert.Equal(2018, marieBecause.GetProperty("fromYear").GetInt32());
        Assert.Equal(2021, marieBecause.GetProperty("toYear").GetInt32());
        var noahBecause = through[1].GetProperty("because");
        Assert.Equal("howMet", noahBecause.GetProperty("kind").GetString());
        Assert.Equal("Noah Client knows Paul Target as a client", noahBecause.GetProperty("text").GetString());
        // Amy and Fred were never there together: only the connection's date explains it.
        var fred = answer.GetProperty("former").EnumerateArray().Single(p => p.GetProperty("member").GetProperty("handle").GetString() == n.Fred.Handle);
        var amyBecause = fred.GetProperty("intermediaries")[0].GetProperty("because");
        Assert.Equal("connectedSince", amyBecause.GetProperty("kind").GetString());
        Assert.Equal($"Amy Insider has been connected to Fred Former since {App.Time.GetUtcNow().Year}", amyBecause.GetProperty("text").GetString());
        // Zed (3rd degree) and the stranger are not people the viewer knows.
        Assert.DoesNotContain(n.Zed.Handle, answer.People("current"));
        Assert.DoesNotContain(n.Stranger.Handle, answer.People("current"));
    }

    [Fact]
    public async Task PeopleYouKnow_SomeoneWhoKnowsNobody_EmptyLists()
    {
        var n = await BuildAsync("Empty");
        var loner = await RegisterMemberAsync("Lonely Member");

        var answer = await loner.PeopleYouKnowAsync(n.Slug, Cancellation);

        Assert.Empty(answer.People("current"));
        Assert.Empty(answer.People("former"));
        Assert.Equal(0, answer.GetProperty("currentCount").GetInt32());
    }

    public enum Privacy
    {
        ViewerBlocksPaul,
        PaulBlocksViewer,
        ViewerBlocksMarie,
        MarieHidesHerList,
        BothIntermediariesHideTheirLists,
        PaulWithinThreeDegrees,
        PaulColleaguesOnly,
        PaulOptedOut,
        MarieOptedOut,
    }

    [Theory]
    [InlineData(Privacy.ViewerBlocksPaul, false, "")]
    [InlineData(Privacy.PaulBlocksViewer, false, "")]
    [InlineData(Privacy.ViewerBlocksMarie, true, "noah")]
    [InlineData(Privacy.MarieHidesHerList, true, "noah")]
    [InlineData(Privacy.BothIntermediariesHideTheirLists, false, "")]
    [InlineData(Privacy.PaulWithinThreeDegrees, true, "marie,noah")]
    [InlineData(Privacy.PaulColleaguesOnly, false, "")]
    [InlineData(Privacy.PaulOptedOut, false, "")]
    [InlineData(Privacy.MarieOptedOut, true, "marie,noah")]
    public async Task PeopleYouKnow_PrivacyTable(Privacy setting, bool paulListed, string intermediaries)
    {
        var n = await BuildAsync(setting.ToString());
        switch (setting)
        {
            case Privacy.ViewerBlocksPaul: await n.Viewer.BlockAsync(n.Paul, Cancellation); break;
            case Privacy.PaulBlocksViewer: await n.Paul.BlockAsync(n.Viewer, Cancellation); break;
            case Privacy.ViewerBlocksMarie: await n.Viewer.BlockAsync(n.Marie, Cancellation); break;
            case Privacy.MarieHidesHerList: await n.Marie.SetPrivacyAsync(hideConnections: true, cancellationToken: Cancellation); break;
            case Privacy.BothIntermediariesHideTheirLists:
                await n.Marie.SetPrivacyAsync(hideConnections: true, cancellationToken: Cancellation);
                await n.Noah.SetPrivacyAsync(hideConnections: true, cancellationToken: Cancellation);
                break;
            case Privacy.PaulWithinThreeDegrees: await n.Paul.SetPrivacyAsync(reach: "withinThreeDegrees", cancellationToken: Cancellation); break;
            case Privacy.PaulColleaguesOnly: await n.Paul.SetPrivacyAsync(reach: "colleagues", cancellationToken: Cancellation); break;
            case Privacy.PaulOptedOut: await n.Paul.SetPrivacyAsync(optedOutOfDirectory: true, cancellationToken: Cancellation); break;
            case Privacy.MarieOptedOut: await n.Marie.SetPrivacyAsync(optedOutOfDirectory: true, cancellationToken: Cancellation); break;
        }
        await WaitForNetworkAsync();

        var answer = await n.Viewer.PeopleYouKnowAsync(n.Slug, Cancellation);

        var current = answer.People("current");
        Assert.Equal(paulListed, current.Contains(n.Paul.Handle));
        Assert.Equal(current.Count, answer.GetProperty("currentCount").GetInt32());
        Assert.Equal(paulListed ? 2 : 1, answer.GetProperty("currentCount").GetInt32());
        if (paulListed)
        {
            var expected = intermediaries.Split(',').Select(i => i == "marie" ? n.Marie.Handle : n.Noah.Handle).ToList();
            Assert.Equal(expected, answer.Through("current", n.Paul));
        }
        // Marie's opt-out keeps her out of the people found (she was at Acme) but not out of the intermediaries.
        Assert.Equal(setting is not (Privacy.ViewerBlocksMarie or Privacy.MarieOptedOut), answer.People("former").Contains(n.Marie.Handle));
        Assert.Equal(answer.People("former").Count, answer.GetProperty("formerCount").GetInt32());
        var text = JsonSerializer.Serialize(answer);
        if (setting is Privacy.MarieHidesHerList or Privacy.ViewerBlocksMarie)
        {
            Assert.DoesNotContain("Marie Curie worked with", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PeopleYouKnow_ColleaguesOnlyProfile_ShownToACurrentColleague()
    {
        var n = await BuildAsync("Colleague");
        // Amy works at Acme now and knows Paul through Marie: his colleagues-only profile opens for her.
        await ConnectAsync(n.Amy, n.Marie);
        await n.Paul.SetPrivacyAsync(reach: "colleagues", cancellationToken: Cancellation);
        await WaitForNetworkAsync();

        Assert.Contains(n.Paul.Handle, (await n.Amy.PeopleYouKnowAsync(n.Slug, Cancellation)).People("current"));
        Assert.DoesNotContain(n.Paul.Handle, (await n.Viewer.PeopleYouKnowAsync(n.Slug, Cancellation)).People("current"));
    }

    [Fact]
    public async Task PeopleYouKnow_Anonymous_Unauthorized()
    {
        var n = await BuildAsync("Anonymous");

        using var response = await AnonymousClient().GetAsync(new Uri($"/api/v1/organizations/{n.Slug}/people-you-know", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("no-such-organisation-anywhere")]
    [InlineData("x")]
    public async Task PeopleYouKnow_UnknownSlug_NotFound(string slug)
    {
        var ada = await RegisterMemberAsync("Ada Unknown");

        using var response = await ada.Client.GetAsync(new Uri($"/api/v1/organizations/{slug}/people-you-know", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// <summary>A merged-away slug, in a store of its own: merging needs the store's first member, the administrator.</summary>
public class PeopleYouKnowMergeTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task PeopleYouKnow_MergedAwaySlug_AnswersForTheSurvivor()
    {
        // The first member registered in a store is its administrator.
        var admin = await App.AdministratorAsync(Cancellation);
        var n = await PeopleYouKnowTests.BuildAsync(App, "Survivor");
        var old = await n.Marie.AddPositionAsync(MemberActions.UniqueName("Acme Duplicate"), "Advisor", "2022-01", cancellationToken: Cancellation);
        var oldSlug = old.GetProperty("organization").GetProperty("slug").GetString()!;
        using var merge = await admin.Client.PostAsJsonAsync(new Uri($"/api/v1/organizations/{oldSlug}/merge", UriKind.Relative), new { into = n.Slug }, Cancellation);
        await MemberActions.EnsureSuccessAsync(merge, "merge", Cancellation);
        await WaitForNetworkAsync();

        var answer = await n.Viewer.PeopleYouKnowAsync(oldSlug, Cancellation);

        Assert.Equal(n.Slug, answer.GetProperty("slug").GetString());
        // Marie now holds a current position at the survivor.
        var current = answer.People("current");
        Assert.Equal(new[] { n.Amy.Handle, n.Marie.Handle }.Order(), current.Take(2).Order());
        Assert.Equal(n.Paul.Handle, current[2]);
        Assert.DoesNotContain(n.Marie.Handle, answer.People("former"));
    }
}
