using System.Net;
using Entregent.Web.Tests.Infrastructure;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Search;

/// <summary>People search: filters, facets, degrees, paging, typeahead, following changes, and bad input.</summary>
public class PeopleSearchTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Filters_OrganizationSkillDegree_NarrowWithMatchingFacetCounts()
    {
        var tag = "Flt" + Guid.NewGuid().ToString("N")[..8];
        var viewer = await RegisterMemberAsync("Viewer " + tag);
        var first = await RegisterMemberAsync("First " + tag);
        var second = await RegisterMemberAsync("Second " + tag);
        var former = await RegisterMemberAsync("Former " + tag);
        var other = await RegisterMemberAsync("Other " + tag);
        var acme = (await first.AddPositionAsync("Acme " + tag, "Engineer", App.MonthsAgo(24), cancellationToken: Cancellation))
            .GetProperty("organization").GetProperty("slug").GetString()!;
        await second.AddPositionAsync("Acme " + tag, "Engineer", App.MonthsAgo(12), cancellationToken: Cancellation);
        await former.AddPositionAsync("Acme " + tag, "Engineer", App.MonthsAgo(60), App.MonthsAgo(30), Cancellation);
        await former.AddPositionAsync("Globex " + tag, "Engineer", App.MonthsAgo(29), cancellationToken: Cancellation);
        await other.AddPositionAsync("Globex " + tag, "Accountant", App.MonthsAgo(12), cancellationToken: Cancellation);
        await first.SetSkillsAsync(["Kotlin", "Rust"], Cancellation);
        await second.SetSkillsAsync(["Rust"], Cancellation);
        await ConnectAsync(viewer, first);
        await ConnectAsync(first, second);
        await WaitForNetworkAsync();

        var all = await viewer.SearchPeopleAsync("q=" + tag, Cancellation);
        Assert.Equal(4, all.GetProperty("total").GetInt32());
        Assert.Equal(1, all.FacetCount("degree", "1"));
        Assert.Equal(1, all.FacetCount("degree", "2"));
        Assert.Equal(2, all.FacetCount("degree", "3"));
        Assert.Equal(2, all.FacetCount("organization", acme));
        Assert.Equal(2, all.FacetCount("skill", "Rust"));

        var anyTimeAtAcme = await viewer.SearchPeopleAsync($"q={tag}&organization={acme}", Cancellation);
        Assert.Equal([first.Handle, second.Handle, former.Handle], anyTimeAtAcme.FoundHandles());
        var nowAtAcme = await viewer.SearchPeopleAsync($"q={tag}&organization={acme}&current=true", Cancellation);
        Assert.Equal([first.Handle, second.Handle], nowAtAcme.FoundHandles());
        var rust = await viewer.SearchPeopleAsync($"skill=rust", Cancellation);
        Assert.Contains(first.Handle, rust.FoundHandles());
        Assert.Contains(second.Handle, rust.FoundHandles());
        var secondDegree = await viewer.SearchPeopleAsync($"q={tag}&degree=2", Cancellation);
        Assert.Equal([second.Handle], secondDegree.FoundHandles());
        // The degree facet still counts the other degrees, so the member can widen again.
        Assert.Equal(1, secondDegree.FacetCount("degree", "1"));
        var firstOrThird = await viewer.SearchPeopleAsync($"q={tag}&degree=1&degree=3", Cancellation);
        Assert.Equal(3, firstOrThird.GetProperty("total").GetInt32());
        var accountants = await viewer.SearchPeopleAsync($"q={tag}&title=accountants", Cancellation);
        Assert.Equal([other.Handle], accountants.FoundHandles());
    }

    [Fact]
    public async Task Results_CarryDegreeMutualCountAndCurrentJob()
    {
        var tag = "Crd" + Guid.NewGuid().ToString("N")[..8];
        var viewer = await RegisterMemberAsync("Viewer " + tag);
        var bridge = await RegisterMemberAsync("Bridge " + tag);
        var target = await RegisterMemberAsync("Target " + tag);
        await target.AddPositionAsync("Initech", "Analyst", App.MonthsAgo(12), cancellationToken: Cancellation);
        await ConnectAsync(viewer, bridge);
        await ConnectAsync(bridge, target);
        await WaitForNetworkAsync();

        var result = await viewer.SearchPeopleAsync("q=target+" + tag, Cancellation);

        var hit = result.GetProperty("members")[0];
        Assert.Equal(target.Handle, hit.GetProperty("member").GetProperty("handle").GetString());
        Assert.Equal("second", hit.GetProperty("member").GetProperty("degree").GetString());
        Assert.Equal(1, hit.GetProperty("member").GetProperty("mutualCount").GetInt32());
        Assert.Equal("Analyst", hit.GetProperty("currentTitle").GetString());
        Assert.Equal("Initech", hit.GetProperty("currentOrganization").GetString());
    }

    [Fact]
    public async Task ProfileChanges_FoundAtOnce()
    {
        var tag = "Chg" + Guid.NewGuid().ToString("N")[..8];
        var viewer = await RegisterMemberAsync("Viewer " + tag);
        var target = await RegisterMemberAsync("Target Person");

        await target.EditProfileAsync(new { headline = "Sommelier " + tag }, Cancellation);
        Assert.Equal([target.Handle], (await viewer.SearchPeopleAsync("q=sommelier+" + tag, Cancellation)).FoundHandles());
        await target.EditProfileAsync(new { headline = "Barista " + tag }, Cancellation);

        Assert.Empty((await viewer.SearchPeopleAsync("q=sommelier+" + tag, Cancellation)).FoundHandles());
        Assert.Equal([target.Handle], (await viewer.SearchPeopleAsync("q=barista+" + tag, Cancellation)).FoundHandles());
    }

    [Fact]
    public async Task Paging_PagesAreDisjointAndOrdered()
    {
        var tag = "Pg" + Guid.NewGuid().ToString("N")[..8];
        var viewer = await RegisterMemberAsync("Viewer " + tag);
        for (var i = 0; i < 23; i++)
        {
            await RegisterMemberAsync($"Member{i} {tag}");
        }

        var one = await viewer.SearchPeopleAsync("q=" + tag, Cancellation);
        var two = await viewer.SearchPeopleAsync($"q={tag}&page=2", Cancellation);

        Assert.Equal(22, one.GetProperty("total").GetInt32() - 1);
        Assert.Equal(20, one.FoundHandles().Count);
        Assert.Equal(3, two.FoundHandles().Count);
        Assert.Empty(one.FoundHandles().Intersect(two.FoundHandles()));
    }

    [Fact]
    public async Task Typeahead_PeopleOrganizationsAndSkills_NearestFirst()
    {
        var tag = "ty" + Guid.NewGuid().ToString("N")[..6];
        var viewer = await RegisterMemberAsync("Viewer Person");
        var far = await RegisterMemberAsync($"Zed {tag}far");
        var near = await RegisterMemberAsync($"Zed {tag}near");
        await near.AddPositionAsync($"{tag}corp", "Engineer", App.MonthsAgo(12), cancellationToken: Cancellation);
        await near.SetSkillsAsync([$"{tag}skill"], Cancellation);
        await ConnectAsync(viewer, near);
        await WaitForNetworkAsync();

        var items = (await viewer.TypeaheadAsync(tag, Cancellation)).GetProperty("items").EnumerateArray().ToList();

        var people = items.Where(i => i.GetProperty("kind").GetString() == "member").Select(i => i.GetProperty("url").GetString()).ToList();
        Assert.Equal(["/in/" + near.Handle, "/in/" + far.Handle], people);
        Assert.Contains(items, i => i.GetProperty("kind").GetString() == "organization" && i.GetProperty("label").GetString() == $"{tag}corp");
        Assert.Contains(items, i => i.GetProperty("kind").GetString() == "skill" && i.GetProperty("memberCount").GetInt32() == 1);
        Assert.Equal("/in/" + near.Handle, (await viewer.TypeaheadAsync($"zed {tag}n", Cancellation)).GetProperty("items")[0].GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("q=", "q")]
    [InlineData("q=%20%20", "q")]
    [InlineData("page=2", "q")]
    [InlineData("q=ada&page=0", "page")]
    [InlineData("q=ada&page=51", "page")]
    [InlineData("q=ada&degree=4", "degree")]
    [InlineData("q=ada&openTo=everything", "openTo")]
    [InlineData("q=ada&organization=no-such-organization", "organization")]
    [InlineData("q=ada&school=no-such-school", "school")]
    [InlineData("q=ada&skill=no-such-skill-anywhere", "skill")]
    [InlineData("q=ada&colour=blue", "colour")]
    [InlineData("q=ada%0Abob", "q")]
    public async Task BadInput_ProblemWithTheField(string query, string field)
    {
        var viewer = await RegisterMemberAsync("Bad Input");

        using var response = await viewer.Client.GetAsync(new Uri("/api/v1/search/people?" + query, UriKind.Relative), Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task BadInput_TenKilobyteQueries_Refused()
    {
        var viewer = await RegisterMemberAsync("Long Query");
        var huge = new string('a', 10_000);

        using var search = await viewer.Client.GetAsync(new Uri("/api/v1/search/people?q=" + huge, UriKind.Relative), Cancellation);
        using var typeahead = await viewer.Client.GetAsync(new Uri("/api/v1/search/typeahead?q=" + huge, UriKind.Relative), Cancellation);
        using var empty = await viewer.Client.GetAsync(new Uri("/api/v1/search/typeahead?q=", UriKind.Relative), Cancellation);

        await AssertProblemAsync(search, HttpStatusCode.BadRequest, "q");
        await AssertProblemAsync(typeahead, HttpStatusCode.BadRequest, "q");
        await AssertProblemAsync(empty, HttpStatusCode.BadRequest, "q");
    }

    [Fact]
    public async Task MarkupInQuery_TakenLiterally()
    {
        var viewer = await RegisterMemberAsync("Markup Query");

        var result = await viewer.SearchPeopleAsync("q=" + Uri.EscapeDataString("<script>alert(1)</script>"), Cancellation);

        Assert.Equal(0, result.GetProperty("total").GetInt32());
    }
}
