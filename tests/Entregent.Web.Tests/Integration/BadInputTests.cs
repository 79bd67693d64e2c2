using System.Net;
using System.Net.Http.Json;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration;

/// <summary>Refused input: a ProblemDetails naming the field, and nothing written.</summary>
public class BadInputTests(EntregentFactory app) : IntegrationTest(app)
{
    public static TheoryData<string, int, string> OverLongProfileFields => new()
    {
        { "displayName", 101, "displayName" },
        { "headline", 221, "headline" },
        { "summary", 2601, "summary" },
        { "location", 101, "location" },
        { "industry", 101, "industry" },
        { "phone", 33, "phone" },
    };

    [Theory]
    [MemberData(nameof(OverLongProfileFields))]
    public async Task PatchMe_OverLongField_BadRequestOnFieldAndUnchanged(string field, int length, string expectedField)
    {
        var ada = await RegisterMemberAsync("Ada Long " + field);
        var before = await SnapshotAsync(ada);

        using var response = await ada.Client.PatchAsync(
            new Uri("/api/v1/me", UriKind.Relative), RawJson($$"""{"{{field}}":"{{new string('7', length)}}"}"""), Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, expectedField);
        Assert.Equal(before, await SnapshotAsync(ada));
    }

    [Theory]
    [InlineData("displayName", 100)]
    [InlineData("headline", 220)]
    [InlineData("summary", 2600)]
    public async Task PatchMe_LongestAllowed_Saved(string field, int length)
    {
        var ada = await RegisterMemberAsync("Ada Longest " + field);

        var edited = await ada.EditProfileAsync(new Dictionary<string, string> { [field] = new string('x', length) }, Cancellation);

        Assert.Equal(length, edited.GetProperty("profile").GetProperty(field).GetString()!.Length);
    }

    [Theory]
    [InlineData("displayName", "<script>alert(1)</script>")]
    [InlineData("headline", "Hello <img src=x onerror=alert(1)>")]
    [InlineData("location", "</div>Paris")]
    [InlineData("displayName", "Line\nbreak")]
    public async Task PatchMe_MarkupInOneLineField_BadRequestOnFieldAndUnchanged(string field, string value)
    {
        var ada = await RegisterMemberAsync("Ada Markup");
        var before = await SnapshotAsync(ada);

        using var response = await ada.Client.PatchAsJsonAsync(new Uri("/api/v1/me", UriKind.Relative), new Dictionary<string, string> { [field] = value }, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await SnapshotAsync(ada));
    }

    [Theory]
    [InlineData("contactEmail", "not-an-address")]
    [InlineData("website", "javascript:alert(1)")]
    [InlineData("phone", "call me maybe")]
    public async Task PatchMe_MalformedContact_BadRequestOnFieldAndUnchanged(string field, string value)
    {
        var ada = await RegisterMemberAsync("Ada Contact");
        var before = await SnapshotAsync(ada);

        using var response = await ada.Client.PatchAsJsonAsync(new Uri("/api/v1/me", UriKind.Relative), new Dictionary<string, string> { [field] = value }, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await SnapshotAsync(ada));
    }

    [Fact]
    public async Task PatchMe_TooManyLanguages_BadRequestOnLanguagesAndUnchanged()
    {
        var ada = await RegisterMemberAsync("Ada Polyglot");
        var before = await SnapshotAsync(ada);

        using var response = await ada.Client.PatchAsJsonAsync(
            new Uri("/api/v1/me", UriKind.Relative),
            new { languages = Enumerable.Range(1, 13).Select(n => "Language " + n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList() },
            Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "languages");
        Assert.Equal(before, await SnapshotAsync(ada));
    }

    [Fact]
    public async Task PatchMe_OneBadFieldAmongGood_NothingApplied()
    {
        var ada = await RegisterMemberAsync("Ada Partial");
        var before = await SnapshotAsync(ada);

        using var response = await ada.Client.PatchAsJsonAsync(
            new Uri("/api/v1/me", UriKind.Relative), new { headline = "Fine headline", location = "Fine", industry = new string('i', 101) }, Cancellation);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "industry");
        Assert.Equal(["industry"], ErrorFields(problem));
        Assert.Equal(before, await SnapshotAsync(ada));
    }

    [Theory]
    [InlineData("/api/v1/me", "PATCH", """{"headline": "unterminated""", null)]
    [InlineData("/api/v1/me", "PATCH", """not json at all""", null)]
    [InlineData("/api/v1/me", "PATCH", """{"openTo": ["bogus"]}""", "openTo")]
    [InlineData("/api/v1/me", "PATCH", """{"openTo": "hiring"}""", "openTo")]
    [InlineData("/api/v1/me", "PATCH", """{"contactEmailAudience": "everyone"}""", "contactEmailAudience")]
    [InlineData("/api/v1/me", "PATCH", """{"phoneAudience": 3}""", "phoneAudience")]
    [InlineData("/api/v1/me", "PATCH", """{"headline": 42}""", "headline")]
    [InlineData("/api/v1/me", "PATCH", """{"languages": "English"}""", "languages")]
    [InlineData("/api/v1/me/positions", "POST", """{"organization": "Typed Corp", "title": "Engineer", "startMonth": 5}""", "startMonth")]
    [InlineData("/api/v1/me/positions", "POST", """{"organization": "Typed Corp", "title": ["Engineer"], "startMonth": "2019-01"}""", "title")]
    [InlineData("/api/v1/me/education", "POST", """{"school": "Typed School", "startYear": true}""", "startYear")]
    [InlineData("/api/v1/me/skills", "PUT", """{"skills": "C#"}""", "skills")]
    public async Task Write_UnreadableJson_BadRequestNamingTheFieldAndNothingWritten(string path, string method, string json, string? field)
    {
        var ada = await RegisterMemberAsync("Ada Json");
        var before = await SnapshotAsync(ada);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)) { Content = RawJson(json) };

        using var response = await ada.Client.SendAsync(request, Cancellation);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        // Malformed JSON names wherever the reader gave up; ill-typed JSON names the field (openTo[0] for a list item).
        Assert.Contains(ErrorFields(problem), name => field is null || name == field || name.StartsWith(field + "[", StringComparison.Ordinal));
        Assert.Equal(before, await SnapshotAsync(ada));
    }

    public static TheoryData<string, string, string> OverLongPositionFields => new()
    {
        { "title", new string('t', 101), "title" },
        { "organization", new string('o', 151), "organization" },
        { "location", new string('l', 101), "location" },
        { "description", new string('d', 2001), "description" },
        { "title", "<script>x</script>", "title" },
        { "organization", "<b>Bold</b> Corp", "organization" },
        { "title", "", "title" },
        { "organization", "...", "organization" },
    };

    [Theory]
    [MemberData(nameof(OverLongPositionFields))]
    public async Task AddPosition_BadField_BadRequestOnFieldAndNothingWritten(string field, string value, string expectedField)
    {
        var ada = await RegisterMemberAsync("Ada Bad Position");
        var before = await SnapshotAsync(ada);
        var body = new Dictionary<string, string?> { ["organization"] = "Fine Corp", ["title"] = "Fine", ["startMonth"] = "2019-01", [field] = value };

        using var response = await ada.Client.PostAsJsonAsync(new Uri("/api/v1/me/positions", UriKind.Relative), body, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, expectedField);
        Assert.Equal(before, await SnapshotAsync(ada));
    }

    [Theory]
    [InlineData("school", 151)]
    [InlineData("degree", 101)]
    [InlineData("field", 101)]
    public async Task AddEducation_OverLongField_BadRequestOnFieldAndNothingWritten(string field, int length)
    {
        var ada = await RegisterMemberAsync("Ada Bad Education");
        var before = await SnapshotAsync(ada);
        var body = new Dictionary<string, string> { ["school"] = "Fine School", [field] = new string('e', length) };

        using var response = await ada.Client.PostAsJsonAsync(new Uri("/api/v1/me/education", UriKind.Relative), body, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await SnapshotAsync(ada));
    }

    [Fact]
    public async Task PutSkills_OverLongSkill_BadRequestAndNothingWritten()
    {
        var ada = await RegisterMemberAsync("Ada Long Skill");
        var before = await SnapshotAsync(ada);

        using var response = await ada.Client.PutAsJsonAsync(
            new Uri("/api/v1/me/skills", UriKind.Relative), new { skills = new List<string> { "Fine", new('s', 81) } }, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "skills");
        Assert.Equal(before, await SnapshotAsync(ada));
    }

    /// <summary>The member's whole profile, with the number of change-feed rows and organisations: equal means nothing was written.</summary>
    private async Task<string> SnapshotAsync(Member member)
    {
        var profile = await member.GetMyProfileTextAsync(Cancellation);
        var changes = await App.InStoreAsync(db => db.Changes.CountAsync(Cancellation));
        var organizations = await App.InStoreAsync(db => db.Organizations.CountAsync(Cancellation));
        var skills = await App.InStoreAsync(db => db.Skills.CountAsync(Cancellation));
        return $"{profile}|changes={changes}|organizations={organizations}|skills={skills}";
    }
}
