using System.Net;
using Entregent.Web.Tests.Infrastructure;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Search;

/// <summary>
/// The privacy table for search: who finds whom, and who is counted. Visibility is applied before anything is counted,
/// so a hidden member shows in neither the results, the total, nor any facet.
/// </summary>
public class PeopleSearchPrivacyTests(EntregentFactory app) : IntegrationTest(app)
{
    public enum Rule
    {
        OptedOut,
        BlockedByViewer,
        BlockedTheViewer,
        WithinThreeDegreesStranger,
        WithinThreeDegreesThirdDegree,
        ColleaguesOther,
        ColleaguesColleague,
        Visible,
    }

    [Theory]
    [InlineData(Rule.OptedOut, false)]
    [InlineData(Rule.BlockedByViewer, false)]
    [InlineData(Rule.BlockedTheViewer, false)]
    [InlineData(Rule.WithinThreeDegreesStranger, false)]
    [InlineData(Rule.WithinThreeDegreesThirdDegree, true)]
    [InlineData(Rule.ColleaguesOther, false)]
    [InlineData(Rule.ColleaguesColleague, true)]
    [InlineData(Rule.Visible, true)]
    public async Task Search_Rule_FoundAndCountedOnlyWhenVisible(Rule rule, bool found)
    {
        var tag = "Qrx" + Guid.NewGuid().ToString("N")[..8];
        var company = "Company " + tag;
        var viewer = await RegisterMemberAsync("Viewer " + tag);
        var target = await RegisterMemberAsync("Target " + tag);
        await target.AddPositionAsync(company, "Buyer", App.MonthsAgo(12), cancellationToken: Cancellation);
        await target.SetSkillsAsync(["Skill" + tag], Cancellation);
        switch (rule)
        {
            case Rule.OptedOut:
                await target.SetPrivacyAsync(optedOutOfDirectory: true, cancellationToken: Cancellation);
                break;
            case Rule.BlockedByViewer:
                await viewer.BlockAsync(target, Cancellation);
                break;
            case Rule.BlockedTheViewer:
                await target.BlockAsync(viewer, Cancellation);
                break;
            case Rule.WithinThreeDegreesStranger:
                await target.SetPrivacyAsync(reach: "withinThreeDegrees", cancellationToken: Cancellation);
                break;
            case Rule.WithinThreeDegreesThirdDegree:
                var a = await RegisterMemberAsync("A " + tag);
                var b = await RegisterMemberAsync("B " + tag);
                await ConnectAsync(viewer, a);
                await ConnectAsync(a, b);
                await ConnectAsync(b, target);
                await target.SetPrivacyAsync(reach: "withinThreeDegrees", cancellationToken: Cancellation);
                break;
            case Rule.ColleaguesOther:
                await viewer.AddPositionAsync("Elsewhere " + tag, "Buyer", App.MonthsAgo(12), cancellationToken: Cancellation);
                await target.SetPrivacyAsync(reach: "colleagues", cancellationToken: Cancellation);
                break;
            case Rule.ColleaguesColleague:
                await viewer.AddPositionAsync(company, "Seller", App.MonthsAgo(6), cancellationToken: Cancellation);
                await target.SetPrivacyAsync(reach: "colleagues", cancellationToken: Cancellation);
                break;
        }
        await WaitForNetworkAsync();

        var byName = await viewer.SearchPeopleAsync("q=target+" + tag, Cancellation);
        var bySkill = await viewer.SearchPeopleAsync("skill=Skill" + tag, Cancellation);
        var typeahead = await viewer.TypeaheadAsync("targ " + tag, Cancellation);

        Assert.Equal(found, byName.FoundHandles().Contains(target.Handle));
        Assert.Equal(found ? 1 : 0, byName.GetProperty("total").GetInt32());
        Assert.Equal(found ? 1 : 0, bySkill.GetProperty("total").GetInt32());
        var facets = byName.GetProperty("facets");
        Assert.Equal(found ? 1 : 0, facets.GetProperty("degree").EnumerateArray().Sum(d => d.GetProperty("count").GetInt32()));
        Assert.Equal(found ? 1 : 0, facets.GetProperty("skill").EnumerateArray().Sum(d => d.GetProperty("count").GetInt32()));
        Assert.Equal(found, typeahead.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("url").GetString() == "/in/" + target.Handle));
    }

    [Fact]
    public async Task OptOut_ThenBackIn_FoundAgainAtOnce()
    {
        var tag = "Opt" + Guid.NewGuid().ToString("N")[..8];
        var viewer = await RegisterMemberAsync("Viewer " + tag);
        var target = await RegisterMemberAsync("Target " + tag);

        await target.SetPrivacyAsync(optedOutOfDirectory: true, cancellationToken: Cancellation);
        Assert.DoesNotContain(target.Handle, (await viewer.SearchPeopleAsync("q=" + tag, Cancellation)).FoundHandles());
        await target.SetPrivacyAsync(optedOutOfDirectory: false, cancellationToken: Cancellation);

        Assert.Contains(target.Handle, (await viewer.SearchPeopleAsync("q=" + tag, Cancellation)).FoundHandles());
    }

    [Fact]
    public async Task Viewer_NeverFindsThemselves()
    {
        var tag = "Self" + Guid.NewGuid().ToString("N")[..8];
        var viewer = await RegisterMemberAsync("Viewer " + tag);

        var result = await viewer.SearchPeopleAsync("q=" + tag, Cancellation);

        Assert.Equal(0, result.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/search/people?q=ada")]
    [InlineData("/api/v1/search/typeahead?q=ada")]
    public async Task Anonymous_Unauthorized(string path)
    {
        using var response = await App.AnonymousClient().GetAsync(new Uri(path, UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
