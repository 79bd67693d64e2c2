using System.Net;
using System.Net.Http.Json;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Profiles;

public class SkillTests(EntregentFactory app) : IntegrationTest(app)
{
    private static readonly Uri Skills = new("/api/v1/me/skills", UriKind.Relative);

    [Fact]
    public async Task PutSkills_CaseAndAccentDuplicates_KeptOnce()
    {
        var ada = await RegisterMemberAsync("Ada Skills");

        using var response = await ada.Client.PutAsJsonAsync(
            Skills, new { skills = new List<string> { "C#", "c#", "gestion de projet", "Gestion de projét", " SQL " } }, Cancellation);

        var body = await response.ReadJsonAsync(Cancellation);
        Assert.Equal(["C#", "gestion de projet", "SQL"], body.GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
        var profile = (await ada.GetMyProfileAsync(Cancellation)).GetProperty("profile");
        Assert.Equal(["C#", "gestion de projet", "SQL"], profile.GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task PutSkills_TwoMembersTwoSpellings_OneSharedSkill()
    {
        var ada = await RegisterMemberAsync("Ada Shared Skill");
        var grace = await RegisterMemberAsync("Grace Shared Skill");
        await PutSkillsAsync(ada, "Négociation commerciale");

        await PutSkillsAsync(grace, "NEGOCIATION COMMERCIALE");

        var graceSkills = (await grace.GetMyProfileAsync(Cancellation)).GetProperty("profile").GetProperty("skills").EnumerateArray().Select(s => s.GetString());
        Assert.Equal(["Négociation commerciale"], graceSkills);
        Assert.Equal(1, await App.InStoreAsync(db => db.Skills.CountAsync(s => s.Key == "negociation commerciale", Cancellation)));
    }

    [Fact]
    public async Task PutSkills_Reordered_OrderKeptAndEmptyClears()
    {
        var ada = await RegisterMemberAsync("Ada Order");
        await PutSkillsAsync(ada, "Alpha", "Beta", "Gamma");

        await PutSkillsAsync(ada, "Gamma", "Alpha");
        var reordered = (await ada.GetMyProfileAsync(Cancellation)).GetProperty("profile").GetProperty("skills").EnumerateArray().Select(s => s.GetString());
        Assert.Equal(["Gamma", "Alpha"], reordered);

        await PutSkillsAsync(ada);
        Assert.Empty((await ada.GetMyProfileAsync(Cancellation)).GetProperty("profile").GetProperty("skills").EnumerateArray());
    }

    [Fact]
    public async Task PutSkills_DistinctLanguagesWithSymbols_AllKept()
    {
        var ada = await RegisterMemberAsync("Ada Languages");

        await PutSkillsAsync(ada, "C", "C#", "C++", "F#", "F", "c sharp");

        var skills = (await ada.GetMyProfileAsync(Cancellation)).GetProperty("profile").GetProperty("skills").EnumerateArray().Select(s => s.GetString());
        Assert.Equal(["C", "C#", "C++", "F#", "F"], skills);
    }

    [Theory]
    [InlineData("""{"skills":null}""")]
    [InlineData("""{}""")]
    [InlineData("""{"skills":["<b>bold</b>"]}""")]
    public async Task PutSkills_Invalid_BadRequestOnSkillsAndUnchanged(string json)
    {
        var ada = await RegisterMemberAsync("Ada Bad Skills");
        await PutSkillsAsync(ada, "Kept");
        var before = await ada.GetMyProfileTextAsync(Cancellation);

        using var response = await ada.Client.PutAsync(Skills, RawJson(json), Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "skills");
        Assert.Equal(before, await ada.GetMyProfileTextAsync(Cancellation));
    }

    [Fact]
    public async Task PutSkills_TooMany_BadRequest()
    {
        var ada = await RegisterMemberAsync("Ada Many Skills");

        using var response = await ada.Client.PutAsJsonAsync(
            Skills, new { skills = Enumerable.Range(1, 51).Select(n => "Skill number " + n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList() }, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "skills");
    }

    private static async Task PutSkillsAsync(Member member, params string[] skills)
    {
        using var response = await member.Client.PutAsJsonAsync(Skills, new { skills }, Cancellation);
        await MemberActions.EnsureSuccessAsync(response, "set skills", Cancellation);
    }
}
