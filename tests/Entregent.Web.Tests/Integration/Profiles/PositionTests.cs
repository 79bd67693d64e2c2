using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Profiles;

public class PositionTests(EntregentFactory app) : IntegrationTest(app)
{
    private static readonly Uri Positions = new("/api/v1/me/positions", UriKind.Relative);

    [Fact]
    public async Task AddPosition_Valid_CreatedAtItsAddress()
    {
        var ada = await RegisterMemberAsync("Ada Position");

        using var response = await ada.Client.PostAsJsonAsync(
            Positions,
            new { organization = "Analytical Engines Ltd", title = "Programmer", location = "London", description = "Notes.", startMonth = App.MonthsAgo(30) },
            Cancellation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var position = await response.ReadJsonAsync(Cancellation);
        var id = position.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/me/positions/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Analytical Engines Ltd", position.GetProperty("organization").GetProperty("name").GetString());
        Assert.Equal("analytical-engines", position.GetProperty("organization").GetProperty("slug").GetString());
        Assert.True(position.GetProperty("current").GetBoolean());
        Assert.Equal(JsonValueKind.Null, position.GetProperty("endMonth").ValueKind);
        var stored = Assert.Single((await ada.GetMyProfileAsync(Cancellation)).GetProperty("profile").GetProperty("positions").EnumerateArray());
        Assert.Equal(id, stored.GetProperty("id").GetInt64());
        Assert.Equal("Programmer", stored.GetProperty("title").GetString());
        Assert.Equal(App.MonthsAgo(30), stored.GetProperty("startMonth").GetString());
    }

    [Fact]
    public async Task AddPosition_SpellingsOfOneCompany_OneOrganisation()
    {
        var ada = await RegisterMemberAsync("Ada Acme");
        var grace = await RegisterMemberAsync("Grace Acme");

        var first = await ada.AddPositionAsync("Acme SAS", "Engineer", App.MonthsAgo(40), App.MonthsAgo(20), Cancellation);
        var second = await grace.AddPositionAsync("ACME", "Designer", App.MonthsAgo(10), cancellationToken: Cancellation);
        var third = await ada.AddPositionAsync("Acmé Inc.", "Lead", App.MonthsAgo(19), cancellationToken: Cancellation);

        Assert.All([first, second, third], p => Assert.Equal("acme", p.GetProperty("organization").GetProperty("slug").GetString()));
        Assert.Equal("Acme SAS", third.GetProperty("organization").GetProperty("name").GetString());
        Assert.Equal(1, await App.InStoreAsync(db => db.Organizations.CountAsync(o => o.MatchKey == "acme", Cancellation)));
    }

    [Fact]
    public async Task AddPosition_EndedAndCurrent_CurrentListedFirst()
    {
        var ada = await RegisterMemberAsync("Ada Career");
        await ada.AddPositionAsync("Old Firm", "Junior", App.MonthsAgo(60), App.MonthsAgo(36), Cancellation);
        await ada.AddPositionAsync("Now Firm", "Senior", App.MonthsAgo(12), cancellationToken: Cancellation);
        await ada.AddPositionAsync("Middle Firm", "Medior", App.MonthsAgo(35), App.MonthsAgo(13), Cancellation);

        var positions = (await ada.GetMyProfileAsync(Cancellation)).GetProperty("profile").GetProperty("positions").EnumerateArray().ToList();

        Assert.Equal(["Senior", "Medior", "Junior"], positions.Select(p => p.GetProperty("title").GetString()));
        Assert.Equal([true, false, false], positions.Select(p => p.GetProperty("current").GetBoolean()));
        Assert.Equal(App.MonthsAgo(13), positions[1].GetProperty("endMonth").GetString());
    }

    [Fact]
    public async Task UpdatePosition_Ended_NoLongerCurrent()
    {
        var ada = await RegisterMemberAsync("Ada Update");
        var id = (await ada.AddPositionAsync("Update Corp", "Engineer", App.MonthsAgo(24), cancellationToken: Cancellation)).GetProperty("id").GetInt64();

        using var response = await ada.Client.PutAsJsonAsync(
            new Uri($"/api/v1/me/positions/{id}", UriKind.Relative),
            new { organization = "Update Corp", title = "Principal", startMonth = App.MonthsAgo(24), endMonth = App.MonthsAgo(1) },
            Cancellation);

        var updated = await response.ReadJsonAsync(Cancellation);
        Assert.Equal(id, updated.GetProperty("id").GetInt64());
        Assert.False(updated.GetProperty("current").GetBoolean());
        var stored = Assert.Single((await ada.GetMyProfileAsync(Cancellation)).GetProperty("profile").GetProperty("positions").EnumerateArray());
        Assert.Equal("Principal", stored.GetProperty("title").GetString());
        Assert.Equal(App.MonthsAgo(1), stored.GetProperty("endMonth").GetString());
    }

    [Fact]
    public async Task DeletePosition_Own_NoContentAndGone()
    {
        var ada = await RegisterMemberAsync("Ada Delete");
        var keep = (await ada.AddPositionAsync("Keep Corp", "Stays", App.MonthsAgo(5), cancellationToken: Cancellation)).GetProperty("id").GetInt64();
        var drop = (await ada.AddPositionAsync("Drop Corp", "Goes", App.MonthsAgo(5), cancellationToken: Cancellation)).GetProperty("id").GetInt64();

        using var response = await ada.Client.DeleteAsync(new Uri($"/api/v1/me/positions/{drop}", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var remaining = (await ada.GetMyProfileAsync(Cancellation)).GetProperty("profile").GetProperty("positions").EnumerateArray().Select(p => p.GetProperty("id").GetInt64());
        Assert.Equal([keep], remaining);
        using var again = await ada.Client.DeleteAsync(new Uri($"/api/v1/me/positions/{drop}", UriKind.Relative), Cancellation);
        await AssertProblemAsync(again, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("2019-03", "2018-01", "endMonth")]
    [InlineData("future", null, "startMonth")]
    [InlineData("2019-03", "future", "endMonth")]
    [InlineData("2019/03", null, "startMonth")]
    [InlineData("March 2019", null, "startMonth")]
    [InlineData("2019-13", null, "startMonth")]
    [InlineData("", null, "startMonth")]
    [InlineData("1850-01", null, "startMonth")]
    [InlineData("2019-03", "2020-3", "endMonth")]
    public async Task AddPosition_BadMonths_BadRequestOnFieldAndNothingStored(string startMonth, string? endMonth, string field)
    {
        var ada = await RegisterMemberAsync("Ada Months");
        var future = App.Time.GetUtcNow().AddMonths(2).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var before = await ada.GetMyProfileTextAsync(Cancellation);

        using var response = await ada.Client.PostAsJsonAsync(
            Positions,
            new { organization = "Month Corp", title = "Engineer", startMonth = startMonth == "future" ? future : startMonth, endMonth = endMonth == "future" ? future : endMonth },
            Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await ada.GetMyProfileTextAsync(Cancellation));
    }

    [Fact]
    public async Task AddPosition_ThisMonth_Accepted()
    {
        var ada = await RegisterMemberAsync("Ada This Month");

        var position = await ada.AddPositionAsync("Fresh Corp", "Starter", App.MonthsAgo(0), App.MonthsAgo(0), Cancellation);

        Assert.Equal(App.MonthsAgo(0), position.GetProperty("startMonth").GetString());
        Assert.Equal(App.MonthsAgo(0), position.GetProperty("endMonth").GetString());
    }

    [Fact]
    public async Task UpdatePosition_UnknownId_NotFound()
    {
        var ada = await RegisterMemberAsync("Ada Unknown Position");

        using var response = await ada.Client.PutAsJsonAsync(
            new Uri("/api/v1/me/positions/987654321", UriKind.Relative),
            new { organization = "Nowhere", title = "Ghost", startMonth = "2019-01" },
            Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }
}

public class EducationTests(EntregentFactory app) : IntegrationTest(app)
{
    private static readonly Uri Education = new("/api/v1/me/education", UriKind.Relative);

    [Fact]
    public async Task AddEducation_Valid_CreatedWithSchool()
    {
        var ada = await RegisterMemberAsync("Ada School");

        using var response = await ada.Client.PostAsJsonAsync(
            Education, new { school = "École Polytechnique", degree = "Engineer", field = "Mathematics", startYear = 2010, endYear = 2013 }, Cancellation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var entry = await response.ReadJsonAsync(Cancellation);
        Assert.Equal($"/api/v1/me/education/{entry.GetProperty("id").GetInt64()}", response.Headers.Location?.OriginalString);
        Assert.Equal("ecole-polytechnique", entry.GetProperty("school").GetProperty("slug").GetString());
        var stored = Assert.Single((await ada.GetMyProfileAsync(Cancellation)).GetProperty("profile").GetProperty("education").EnumerateArray());
        Assert.Equal("Mathematics", stored.GetProperty("field").GetString());
        Assert.Equal(2013, stored.GetProperty("endYear").GetInt32());
        Assert.Equal("school", await App.InStoreAsync(db => db.Organizations.Where(o => o.Slug == "ecole-polytechnique").Select(o => o.Kind.ToString().ToLowerInvariant()).SingleAsync(Cancellation)));
    }

    [Fact]
    public async Task AddEducation_SameSchoolSpelledTwice_OneOrganisation()
    {
        var ada = await RegisterMemberAsync("Ada Same School");

        var first = await ada.AddEducationAsync("Université Paris-Saclay", cancellationToken: Cancellation);
        var second = await ada.AddEducationAsync("UNIVERSITE PARIS SACLAY", cancellationToken: Cancellation);

        Assert.Equal(first.GetProperty("school").GetProperty("slug").GetString(), second.GetProperty("school").GetProperty("slug").GetString());
    }

    [Fact]
    public async Task UpdateAndDeleteEducation_Own_Applied()
    {
        var ada = await RegisterMemberAsync("Ada Edit School");
        var id = (await ada.AddEducationAsync("Edit College", "BSc", 2001, 2004, Cancellation)).GetProperty("id").GetInt64();
        var uri = new Uri($"/api/v1/me/education/{id}", UriKind.Relative);

        using var put = await ada.Client.PutAsJsonAsync(uri, new { school = "Edit College", degree = "MSc", startYear = 2001, endYear = 2005 }, Cancellation);
        Assert.Equal("MSc", (await put.ReadJsonAsync(Cancellation)).GetProperty("degree").GetString());
        using var delete = await ada.Client.DeleteAsync(uri, Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Empty((await ada.GetMyProfileAsync(Cancellation)).GetProperty("profile").GetProperty("education").EnumerateArray());
    }

    [Theory]
    [InlineData(2010, 2005, "endYear")]
    [InlineData(1800, null, "startYear")]
    [InlineData(3000, null, "startYear")]
    [InlineData(null, 3000, "endYear")]
    public async Task AddEducation_BadYears_BadRequestOnFieldAndNothingStored(int? startYear, int? endYear, string field)
    {
        var ada = await RegisterMemberAsync("Ada Years");
        var before = await ada.GetMyProfileTextAsync(Cancellation);

        using var response = await ada.Client.PostAsJsonAsync(Education, new { school = "Year School", startYear, endYear }, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await ada.GetMyProfileTextAsync(Cancellation));
    }

    [Fact]
    public async Task AddEducation_ExpectedGraduation_Accepted()
    {
        var ada = await RegisterMemberAsync("Ada Student");
        var year = App.Time.GetUtcNow().Year;

        var entry = await ada.AddEducationAsync("Future School", "PhD", year - 1, year + 3, Cancellation);

        Assert.Equal(year + 3, entry.GetProperty("endYear").GetInt32());
    }

    [Fact]
    public async Task AddEducation_WrongJsonType_BadRequestOnField()
    {
        var ada = await RegisterMemberAsync("Ada Type");
        var before = await ada.GetMyProfileTextAsync(Cancellation);

        using var response = await ada.Client.PostAsync(Education, RawJson("""{"school":"Type School","startYear":"two thousand"}"""), Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "startYear");
        Assert.Equal(before, await ada.GetMyProfileTextAsync(Cancellation));
    }
}
