using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Organizations;

public class OrganizationTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task GetOrganization_WithMembers_CountsCurrentAndPast()
    {
        await App.AdministratorAsync(Cancellation);
        var ada = await RegisterMemberAsync("Ada Counts");
        var grace = await RegisterMemberAsync("Grace Counts");
        var alan = await RegisterMemberAsync("Alan Counts");
        await ada.AddPositionAsync("Counting House", "Clerk", App.MonthsAgo(20), cancellationToken: Cancellation);
        await ada.AddPositionAsync("Counting House SA", "Senior Clerk", App.MonthsAgo(40), App.MonthsAgo(21), Cancellation);
        await grace.AddPositionAsync("Counting House", "Auditor", App.MonthsAgo(50), App.MonthsAgo(30), Cancellation);
        await alan.AddPositionAsync("COUNTING HOUSE", "Intern", App.MonthsAgo(2), cancellationToken: Cancellation);
        using var client = AnonymousClient();

        using var response = await client.GetAsync(new Uri("/api/v1/organizations/counting-house", UriKind.Relative), Cancellation);

        var organization = await response.ReadJsonAsync(Cancellation);
        Assert.Equal("Counting House", organization.GetProperty("name").GetString());
        Assert.Equal("company", organization.GetProperty("kind").GetString());
        Assert.Equal(2, organization.GetProperty("currentMembers").GetInt32());
        // Ada is back there now: she counts as current only, like in the members lists.
        Assert.Equal(1, organization.GetProperty("pastMembers").GetInt32());
        Assert.Equal(2, (await MembersAsync(ada, "counting-house", "current")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await MembersAsync(ada, "counting-house", "past")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task GetMembers_CurrentAndPast_EachMemberInOneList()
    {
        await App.AdministratorAsync(Cancellation);
        var ada = await RegisterMemberAsync("Ada Lists");
        var grace = await RegisterMemberAsync("Grace Lists");
        await ada.AddPositionAsync("List Works", "Back again", App.MonthsAgo(3), cancellationToken: Cancellation);
        await ada.AddPositionAsync("List Works", "First time", App.MonthsAgo(40), App.MonthsAgo(30), Cancellation);
        await grace.AddPositionAsync("List Works", "Left", App.MonthsAgo(40), App.MonthsAgo(10), Cancellation);

        var current = await MembersAsync(grace, "list-works", "current");
        var past = await MembersAsync(grace, "list-works", "past");
        var byDefault = await MembersAsync(grace, "list-works", null);

        Assert.Equal([ada.Handle], Handles(current));
        Assert.Equal("Back again", current.GetProperty("members")[0].GetProperty("title").GetString());
        Assert.True(current.GetProperty("members")[0].GetProperty("current").GetBoolean());
        Assert.Equal([grace.Handle], Handles(past));
        Assert.False(past.GetProperty("members")[0].GetProperty("current").GetBoolean());
        Assert.Equal(Handles(current), Handles(byDefault));
    }

    [Fact]
    public async Task GetMembers_MoreThanAPage_Paged()
    {
        await App.AdministratorAsync(Cancellation);
        var viewer = await RegisterMemberAsync("Paul Pager");
        var registered = new List<string>();
        for (var n = 1; n <= 52; n++)
        {
            var member = await RegisterMemberAsync("Paged Person " + n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await member.AddPositionAsync("Paging Company", "Worker", App.MonthsAgo(n), cancellationToken: Cancellation);
            registered.Add(member.Handle);
        }

        var first = await MembersAsync(viewer, "paging-company", "current");
        var second = await MembersAsync(viewer, "paging-company", "current", 2);

        Assert.Equal(52, first.GetProperty("total").GetInt32());
        Assert.Equal(50, first.GetProperty("members").GetArrayLength());
        Assert.Equal(2, second.GetProperty("members").GetArrayLength());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.Equal(registered.Order(StringComparer.Ordinal), Handles(first).Concat(Handles(second)).Order(StringComparer.Ordinal));
        // Most recent first: the one who started last month leads.
        Assert.Equal(App.MonthsAgo(1), first.GetProperty("members")[0].GetProperty("startMonth").GetString());
    }

    [Theory]
    [InlineData("?status=former", "status")]
    [InlineData("?page=0", "page")]
    [InlineData("?page=2147483647", "page")]
    public async Task GetMembers_BadQuery_BadRequestNamingIt(string query, string field)
    {
        await App.AdministratorAsync(Cancellation);
        var ada = await RegisterMemberAsync("Ada Query");
        await ada.AddPositionAsync("Query Works", "Asker", App.MonthsAgo(2), cancellationToken: Cancellation);

        using var response = await ada.Client.GetAsync(new Uri("/api/v1/organizations/query-works/members" + query, UriKind.Relative), Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task GetMembers_Anonymous_Unauthorized()
    {
        await App.AdministratorAsync(Cancellation);
        var ada = await RegisterMemberAsync("Ada Private List");
        await ada.AddPositionAsync("Private List Works", "Engineer", App.MonthsAgo(2), cancellationToken: Cancellation);
        using var client = AnonymousClient();

        using var response = await client.GetAsync(new Uri("/api/v1/organizations/private-list-works/members", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/members")]
    public async Task GetOrganization_UnknownSlug_NotFound(string suffix)
    {
        var admin = await App.AdministratorAsync(Cancellation);

        using var response = await admin.Client.GetAsync(new Uri($"/api/v1/organizations/no-such-org-{Guid.NewGuid():N}{suffix}", UriKind.Relative), Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PatchOrganization_ByAdministrator_Applied()
    {
        var admin = await App.AdministratorAsync(Cancellation);
        var ada = await RegisterMemberAsync("Ada Patch Org");
        await ada.AddPositionAsync("Patchable", "Engineer", App.MonthsAgo(2), cancellationToken: Cancellation);

        using var response = await admin.Client.PatchAsJsonAsync(
            new Uri("/api/v1/organizations/patchable", UriKind.Relative),
            new { name = "Patchable Systems", website = "patchable.example.org", location = "Lyon", description = "Makes patches.", kind = "association" },
            Cancellation);

        var organization = await response.ReadJsonAsync(Cancellation);
        Assert.Equal("Patchable Systems", organization.GetProperty("name").GetString());
        Assert.Equal("https://patchable.example.org", organization.GetProperty("website").GetString());
        Assert.Equal("association", organization.GetProperty("kind").GetString());
        Assert.Equal("patchable", organization.GetProperty("slug").GetString());
        // The new name is what members now match when they type it.
        var again = await ada.AddPositionAsync("Patchable Systems Inc", "Lead", App.MonthsAgo(1), cancellationToken: Cancellation);
        Assert.Equal("patchable", again.GetProperty("organization").GetProperty("slug").GetString());
    }

    [Fact]
    public async Task PatchOrganization_ByMember_ForbiddenAndUnchanged()
    {
        await App.AdministratorAsync(Cancellation);
        var ada = await RegisterMemberAsync("Ada Not Admin");
        await ada.AddPositionAsync("Guarded Org", "Engineer", App.MonthsAgo(2), cancellationToken: Cancellation);

        using var response = await ada.Client.PatchAsJsonAsync(new Uri("/api/v1/organizations/guarded-org", UriKind.Relative), new { name = "Hijacked" }, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("Guarded Org", (await OrganizationAsync("guarded-org")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task PatchOrganization_RenameToExistingName_ConflictOnName()
    {
        var admin = await App.AdministratorAsync(Cancellation);
        var ada = await RegisterMemberAsync("Ada Rename");
        await ada.AddPositionAsync("Rename One", "Engineer", App.MonthsAgo(5), cancellationToken: Cancellation);
        await ada.AddPositionAsync("Rename Two", "Engineer", App.MonthsAgo(5), cancellationToken: Cancellation);

        using var response = await admin.Client.PatchAsJsonAsync(new Uri("/api/v1/organizations/rename-one", UriKind.Relative), new { name = "RENAME TWO S.A." }, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "name");
        Assert.Equal("Rename One", (await OrganizationAsync("rename-one")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task PatchOrganization_UnknownSlug_NotFound()
    {
        var admin = await App.AdministratorAsync(Cancellation);

        using var response = await admin.Client.PatchAsJsonAsync(new Uri("/api/v1/organizations/never-heard-of-it", UriKind.Relative), new { name = "X" }, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MergeOrganization_ByAdministrator_MovesPositionsEducationAndKeepsOldNames()
    {
        var admin = await App.AdministratorAsync(Cancellation);
        var ada = await RegisterMemberAsync("Ada Merge");
        var grace = await RegisterMemberAsync("Grace Merge");
        await ada.AddPositionAsync("Merge Survivor", "Engineer", App.MonthsAgo(10), cancellationToken: Cancellation);
        var moved = await grace.AddPositionAsync("Merge Duplikat", "Designer", App.MonthsAgo(10), cancellationToken: Cancellation);
        var school = await grace.AddEducationAsync("Merge Duplikat", "Course", cancellationToken: Cancellation);
        var survivorId = (await OrganizationAsync("merge-survivor")).GetProperty("id").GetInt64();

        using var response = await admin.Client.PostAsJsonAsync(new Uri("/api/v1/organizations/merge-duplikat/merge", UriKind.Relative), new { into = "merge-survivor" }, Cancellation);

        var merged = await response.ReadJsonAsync(Cancellation);
        Assert.Equal(survivorId, merged.GetProperty("id").GetInt64());
        Assert.Equal(2, merged.GetProperty("currentMembers").GetInt32());
        var graceProfile = (await grace.GetMyProfileAsync(Cancellation)).GetProperty("profile");
        Assert.Equal("merge-survivor", graceProfile.GetProperty("positions")[0].GetProperty("organization").GetProperty("slug").GetString());
        Assert.Equal(moved.GetProperty("id").GetInt64(), graceProfile.GetProperty("positions")[0].GetProperty("id").GetInt64());
        Assert.Equal("merge-survivor", graceProfile.GetProperty("education")[0].GetProperty("school").GetProperty("slug").GetString());
        Assert.Equal(school.GetProperty("id").GetInt64(), graceProfile.GetProperty("education")[0].GetProperty("id").GetInt64());
        Assert.Equal(survivorId, (await OrganizationAsync("merge-duplikat")).GetProperty("id").GetInt64());
        var typedOldName = await ada.AddPositionAsync("Merge Duplikat GmbH", "Consultant", App.MonthsAgo(1), cancellationToken: Cancellation);
        Assert.Equal("merge-survivor", typedOldName.GetProperty("organization").GetProperty("slug").GetString());
        Assert.Equal(0, await App.InStoreAsync(db => db.Organizations.CountAsync(o => o.Slug == "merge-duplikat", Cancellation)));
    }

    [Fact]
    public async Task MergeOrganization_ByAdministrator_ChangeFeedRecordsTheMoves()
    {
        var admin = await App.AdministratorAsync(Cancellation);
        var ada = await RegisterMemberAsync("Ada Merge Feed");
        await ada.AddPositionAsync("Feed Survivor", "Engineer", App.MonthsAgo(10), cancellationToken: Cancellation);
        var position = await ada.AddPositionAsync("Feed Duplikat", "Designer", App.MonthsAgo(30), App.MonthsAgo(20), Cancellation);
        var memberId = await App.MemberIdAsync(ada, Cancellation);
        var sourceId = (await OrganizationAsync("feed-duplikat")).GetProperty("id").GetInt64();
        var targetId = (await OrganizationAsync("feed-survivor")).GetProperty("id").GetInt64();
        var after = await App.InStoreAsync(db => db.Changes.MaxAsync(c => c.Sequence, Cancellation));

        using var response = await admin.Client.PostAsJsonAsync(new Uri("/api/v1/organizations/feed-duplikat/merge", UriKind.Relative), new { into = "feed-survivor" }, Cancellation);
        await MemberActions.EnsureSuccessAsync(response, "merge", Cancellation);

        var changes = await App.InStoreAsync(db => db.Changes.Where(c => c.Sequence > after).ToListAsync(Cancellation));
        Assert.Contains(changes, c => c.Kind == "organization.merged" && c.EntityId == sourceId && c.RelatedId == targetId);
        Assert.Contains(changes, c => c.Kind == "position.updated" && c.EntityId == position.GetProperty("id").GetInt64() && c.MemberId == memberId && c.RelatedId == targetId);
    }

    [Fact]
    public async Task MergeOrganization_IntoItself_BadRequestOnInto()
    {
        var admin = await App.AdministratorAsync(Cancellation);
        var ada = await RegisterMemberAsync("Ada Self Merge");
        await ada.AddPositionAsync("Selfish Org", "Engineer", App.MonthsAgo(3), cancellationToken: Cancellation);

        using var response = await admin.Client.PostAsJsonAsync(new Uri("/api/v1/organizations/selfish-org/merge", UriKind.Relative), new { into = "SELFISH-ORG" }, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "into");
        Assert.Equal(1, (await OrganizationAsync("selfish-org")).GetProperty("currentMembers").GetInt32());
    }

    [Theory]
    [InlineData("merge-source-unknown-x", "merge-target", HttpStatusCode.NotFound, null)]
    [InlineData("merge-source", "merge-target-unknown-x", HttpStatusCode.BadRequest, "into")]
    [InlineData("merge-source", "", HttpStatusCode.BadRequest, "into")]
    public async Task MergeOrganization_UnknownOrganisation_Refused(string source, string into, HttpStatusCode status, string? field)
    {
        var admin = await App.AdministratorAsync(Cancellation);
        var ada = await RegisterMemberAsync("Ada Unknown Merge");
        await ada.AddPositionAsync("Merge Source", "Engineer", App.MonthsAgo(3), cancellationToken: Cancellation);
        await ada.AddPositionAsync("Merge Target", "Engineer", App.MonthsAgo(3), cancellationToken: Cancellation);

        using var response = await admin.Client.PostAsJsonAsync(new Uri($"/api/v1/organizations/{source}/merge", UriKind.Relative), new { into }, Cancellation);

        await AssertProblemAsync(response, status, field);
        Assert.NotEqual((await OrganizationAsync("merge-source")).GetProperty("id").GetInt64(), (await OrganizationAsync("merge-target")).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task MergeOrganization_ByMember_Forbidden()
    {
        await App.AdministratorAsync(Cancellation);
        var ada = await RegisterMemberAsync("Ada Merge Attempt");
        await ada.AddPositionAsync("Member Merge A", "Engineer", App.MonthsAgo(3), cancellationToken: Cancellation);
        await ada.AddPositionAsync("Member Merge B", "Engineer", App.MonthsAgo(3), cancellationToken: Cancellation);

        using var response = await ada.Client.PostAsJsonAsync(new Uri("/api/v1/organizations/member-merge-a/merge", UriKind.Relative), new { into = "member-merge-b" }, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("member-merge-a", (await OrganizationAsync("member-merge-a")).GetProperty("slug").GetString());
    }

    private async Task<JsonElement> OrganizationAsync(string slug)
    {
        using var client = AnonymousClient();
        using var response = await client.GetAsync(new Uri($"/api/v1/organizations/{slug}", UriKind.Relative), Cancellation);
        return await response.ReadJsonAsync(Cancellation);
    }

    private static async Task<JsonElement> MembersAsync(Member viewer, string slug, string? status, int? page = null)
    {
        var query = new List<string>();
        if (status is not null)
        {
            query.Add("status=" + status);
        }

        if (page is { } p)
        {
            query.Add("page=" + p.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var uri = new Uri($"/api/v1/organizations/{slug}/members" + (query.Count > 0 ? "?" + string.Join('&', query) : ""), UriKind.Relative);
        using var response = await viewer.Client.GetAsync(uri, Cancellation);
        return await response.ReadJsonAsync(Cancellation);
    }

    private static IEnumerable<string?> Handles(JsonElement page) =>
        page.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("handle").GetString());
}
