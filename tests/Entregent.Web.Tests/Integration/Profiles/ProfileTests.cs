using System.Net;
using System.Net.Http.Json;
using Entregent.Web.Tests.Infrastructure;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Profiles;

public class ProfileTests(EntregentFactory app) : IntegrationTest(app)
{
    private static readonly Uri Me = new("/api/v1/me", UriKind.Relative);

    [Fact]
    public async Task GetMe_Registered_OwnProfileWithAccountDetails()
    {
        var ada = await RegisterMemberAsync("Ada Lovelace");

        var me = await ada.GetMyProfileAsync(Cancellation);

        Assert.Equal(ada.Email, me.GetProperty("email").GetString());
        Assert.Equal(ada.Handle, me.GetProperty("profile").GetProperty("handle").GetString());
        Assert.Equal("Ada Lovelace", me.GetProperty("profile").GetProperty("displayName").GetString());
        Assert.Equal("self", me.GetProperty("profile").GetProperty("relation").GetString());
        Assert.Equal("connections", me.GetProperty("contactEmailAudience").GetString());
        Assert.Equal("connections", me.GetProperty("phoneAudience").GetString());
        Assert.Equal("public", me.GetProperty("websiteAudience").GetString());
    }

    [Fact]
    public async Task PatchMe_Fields_SavedAndShownToOthers()
    {
        var ada = await RegisterMemberAsync("Ada Fields");

        var edited = await ada.EditProfileAsync(new
        {
            headline = "Analyst",
            summary = "Wrote the first *program*.",
            location = "London",
            industry = "Computing",
            languages = new List<string> { "English", "French", "english" },
            openTo = new List<string> { "introductions", "hiring" },
        }, Cancellation);

        var profile = edited.GetProperty("profile");
        Assert.Equal("Analyst", profile.GetProperty("headline").GetString());
        Assert.Equal("Wrote the first *program*.", profile.GetProperty("summary").GetString());
        Assert.Equal("London", profile.GetProperty("location").GetString());
        Assert.Equal("Computing", profile.GetProperty("industry").GetString());
        Assert.Equal(["English", "French"], profile.GetProperty("languages").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["hiring", "introductions"], profile.GetProperty("openTo").EnumerateArray().Select(e => e.GetString()));
        using var anonymous = AnonymousClient();
        using var seen = await anonymous.GetAsync(new Uri($"/api/v1/members/{ada.Handle}", UriKind.Relative), Cancellation);
        Assert.Equal("Analyst", (await seen.ReadJsonAsync(Cancellation)).GetProperty("headline").GetString());
    }

    [Fact]
    public async Task PatchMe_EmptyString_ClearsOnlyThatField()
    {
        var ada = await RegisterMemberAsync("Ada Clear");
        await ada.EditProfileAsync(new { headline = "Analyst", location = "London" }, Cancellation);

        var edited = await ada.EditProfileAsync(new { headline = "" }, Cancellation);

        var profile = edited.GetProperty("profile");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, profile.GetProperty("headline").ValueKind);
        Assert.Equal("London", profile.GetProperty("location").GetString());
        Assert.Equal("Ada Clear", profile.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task PatchMe_EmptyDisplayName_BadRequestAndNameKept()
    {
        var ada = await RegisterMemberAsync("Ada Required");
        var before = await ada.GetMyProfileTextAsync(Cancellation);

        using var response = await ada.Client.PatchAsJsonAsync(Me, new { displayName = "" }, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "displayName");
        Assert.Equal(before, await ada.GetMyProfileTextAsync(Cancellation));
    }

    [Fact]
    public async Task PatchMe_NewHandle_OldHandleGone()
    {
        var ada = await RegisterMemberAsync("Ada Handle");
        var handle = "ada-" + Guid.NewGuid().ToString("N")[..8];

        var edited = await ada.EditProfileAsync(new { handle = handle.ToUpperInvariant() }, Cancellation);

        Assert.Equal(handle, edited.GetProperty("profile").GetProperty("handle").GetString());
        using var anonymous = AnonymousClient();
        using var found = await anonymous.GetAsync(new Uri($"/api/v1/members/{handle}", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        using var old = await anonymous.GetAsync(new Uri($"/api/v1/members/{ada.Handle}", UriKind.Relative), Cancellation);
        await AssertProblemAsync(old, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PatchMe_TakenHandle_ConflictOnHandle()
    {
        var ada = await RegisterMemberAsync("Ada Taken");
        var grace = await RegisterMemberAsync("Grace Taken");
        var before = await ada.GetMyProfileTextAsync(Cancellation);

        using var response = await ada.Client.PatchAsJsonAsync(Me, new { handle = grace.Handle }, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "handle");
        Assert.Equal(before, await ada.GetMyProfileTextAsync(Cancellation));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("me")]
    [InlineData("api")]
    [InlineData("ab")]
    [InlineData("-ada-")]
    [InlineData("ada lovelace")]
    [InlineData("ada_lovelace")]
    [InlineData("hélène")]
    public async Task PatchMe_ReservedOrMalformedHandle_BadRequestOnHandle(string handle)
    {
        var ada = await RegisterMemberAsync("Ada Bad Handle");
        var before = await ada.GetMyProfileTextAsync(Cancellation);

        using var response = await ada.Client.PatchAsJsonAsync(Me, new { handle }, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "handle");
        Assert.Equal(before, await ada.GetMyProfileTextAsync(Cancellation));
    }

    [Fact]
    public async Task GetMe_ETag_MatchesVersionAndChangesOnEdit()
    {
        var ada = await RegisterMemberAsync("Ada ETag");
        using var first = await ada.Client.GetAsync(Me, Cancellation);
        var version = (await first.ReadJsonAsync(Cancellation)).GetProperty("version").GetInt32();
        Assert.Equal($"\"{version}\"", first.Headers.ETag?.Tag);

        using var patch = await ada.Client.PatchAsJsonAsync(Me, new { headline = "Changed" }, Cancellation);
        var patched = await patch.ReadJsonAsync(Cancellation);

        Assert.Equal(version + 1, patched.GetProperty("version").GetInt32());
        Assert.Equal($"\"{version + 1}\"", patch.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task PatchMe_CurrentIfMatch_Applied()
    {
        var ada = await RegisterMemberAsync("Ada If Match");
        using var first = await ada.Client.GetAsync(Me, Cancellation);
        var etag = first.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Patch, Me) { Content = JsonContent.Create(new { headline = "With If-Match" }) };
        request.Headers.IfMatch.Add(etag);
        using var response = await ada.Client.SendAsync(request, Cancellation);

        Assert.Equal("With If-Match", (await response.ReadJsonAsync(Cancellation)).GetProperty("profile").GetProperty("headline").GetString());
    }

    [Fact]
    public async Task PatchMe_StaleIfMatch_PreconditionFailedAndUnchanged()
    {
        var ada = await RegisterMemberAsync("Ada Stale");
        using var first = await ada.Client.GetAsync(Me, Cancellation);
        var stale = first.Headers.ETag!;
        await ada.EditProfileAsync(new { headline = "Edited elsewhere" }, Cancellation);
        var before = await ada.GetMyProfileTextAsync(Cancellation);

        using var request = new HttpRequestMessage(HttpMethod.Patch, Me) { Content = JsonContent.Create(new { headline = "Lost update" }) };
        request.Headers.IfMatch.Add(stale);
        using var response = await ada.Client.SendAsync(request, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Equal(before, await ada.GetMyProfileTextAsync(Cancellation));
    }

    [Fact]
    public async Task PatchMe_GarbageIfMatch_BadRequest()
    {
        var ada = await RegisterMemberAsync("Ada Garbage Etag");

        using var request = new HttpRequestMessage(HttpMethod.Patch, Me) { Content = JsonContent.Create(new { headline = "x" }) };
        request.Headers.TryAddWithoutValidation("If-Match", "\"not-a-version\"");
        using var response = await ada.Client.SendAsync(request, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "If-Match");
    }

    [Fact]
    public async Task PatchMe_NothingChanged_VersionStays()
    {
        var ada = await RegisterMemberAsync("Ada Same");
        var version = (await ada.EditProfileAsync(new { headline = "Same" }, Cancellation)).GetProperty("version").GetInt32();

        var again = await ada.EditProfileAsync(new { headline = "Same" }, Cancellation);

        Assert.Equal(version, again.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task GetMember_UnknownHandle_NotFound()
    {
        using var anonymous = AnonymousClient();

        using var response = await anonymous.GetAsync(new Uri("/api/v1/members/nobody-" + Guid.NewGuid().ToString("N")[..8], UriKind.Relative), Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetMember_HandleInCapitals_Found()
    {
        var ada = await RegisterMemberAsync("Ada Capitals");
        using var anonymous = AnonymousClient();

        using var response = await anonymous.GetAsync(new Uri($"/api/v1/members/{ada.Handle.ToUpperInvariant()}", UriKind.Relative), Cancellation);

        Assert.Equal(ada.Handle, (await response.ReadJsonAsync(Cancellation)).GetProperty("handle").GetString());
    }

    [Fact]
    public async Task GetMember_Viewers_RelationReported()
    {
        var ada = await RegisterMemberAsync("Ada Relation");
        var grace = await RegisterMemberAsync("Grace Relation");
        var uri = new Uri($"/api/v1/members/{ada.Handle}", UriKind.Relative);
        using var anonymous = AnonymousClient();

        using var byAnonymous = await anonymous.GetAsync(uri, Cancellation);
        using var byMember = await grace.Client.GetAsync(uri, Cancellation);
        using var bySelf = await ada.Client.GetAsync(uri, Cancellation);

        Assert.Equal("anonymous", (await byAnonymous.ReadJsonAsync(Cancellation)).GetProperty("relation").GetString());
        Assert.Equal("member", (await byMember.ReadJsonAsync(Cancellation)).GetProperty("relation").GetString());
        Assert.Equal("self", (await bySelf.ReadJsonAsync(Cancellation)).GetProperty("relation").GetString());
    }
}
