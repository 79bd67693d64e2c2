using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Entregent.Web.Tests.Infrastructure;
using Entregent.Web.Tests.Unit.Infrastructure.Imaging;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration;

/// <summary>Every write route refuses a stranger, and a member can never touch another member's entries.</summary>
public class AuthorizationTests(EntregentFactory app) : IntegrationTest(app)
{
    [Theory]
    [InlineData("PATCH", "/api/v1/me")]
    [InlineData("POST", "/api/v1/me/positions")]
    [InlineData("PUT", "/api/v1/me/positions/{position}")]
    [InlineData("DELETE", "/api/v1/me/positions/{position}")]
    [InlineData("POST", "/api/v1/me/education")]
    [InlineData("PUT", "/api/v1/me/education/{education}")]
    [InlineData("DELETE", "/api/v1/me/education/{education}")]
    [InlineData("PUT", "/api/v1/me/skills")]
    [InlineData("PUT", "/api/v1/me/photo")]
    [InlineData("DELETE", "/api/v1/me/photo")]
    [InlineData("PATCH", "/api/v1/organizations/{organization}")]
    [InlineData("POST", "/api/v1/organizations/{organization}/merge")]
    [InlineData("POST", "/api/v1/accounts/sign-out-everywhere")]
    public async Task WriteRoute_Anonymous_UnauthorizedAndNothingChanged(string method, string route)
    {
        var (owner, uri) = await OwnerWithEntriesAsync(route);
        var before = await SnapshotAsync(owner);
        using var anonymous = AnonymousClient();

        using var response = await SendAsync(anonymous, method, uri, route);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await SnapshotAsync(owner));
    }

    [Theory]
    [InlineData("PATCH", "/api/v1/me")]
    [InlineData("PUT", "/api/v1/me/positions/{position}")]
    [InlineData("PUT", "/api/v1/me/skills")]
    [InlineData("POST", "/api/v1/organizations/{organization}/merge")]
    public async Task WriteRoute_ForgedBearerToken_Unauthorized(string method, string route)
    {
        var (owner, uri) = await OwnerWithEntriesAsync(route);
        var before = await SnapshotAsync(owner);
        using var forged = AnonymousClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", owner.AccessToken[..^4] + "AAAA");

        using var response = await SendAsync(forged, method, uri, route);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await SnapshotAsync(owner));
    }

    [Theory]
    [InlineData("PUT", "/api/v1/me/positions/{position}")]
    [InlineData("DELETE", "/api/v1/me/positions/{position}")]
    [InlineData("PUT", "/api/v1/me/education/{education}")]
    [InlineData("DELETE", "/api/v1/me/education/{education}")]
    public async Task EntryRoute_AnotherMembersId_NotFoundAndOwnerUnchanged(string method, string route)
    {
        var (owner, uri) = await OwnerWithEntriesAsync(route);
        var intruder = await RegisterMemberAsync("Ivy Intruder");
        var before = await SnapshotAsync(owner);
        var intruderBefore = await intruder.GetMyProfileTextAsync(Cancellation);

        using var response = await SendAsync(intruder.Client, method, uri, route);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(before, await SnapshotAsync(owner));
        Assert.Equal(intruderBefore, await intruder.GetMyProfileTextAsync(Cancellation));
    }

    /// <summary>A member with a position and an education entry; the route with their ids (and an organisation's slug) filled in.</summary>
    private async Task<(Member Owner, Uri Uri)> OwnerWithEntriesAsync(string route)
    {
        var owner = await RegisterMemberAsync("Olive Owner");
        var organization = "Guarded " + Guid.NewGuid().ToString("N")[..8];
        var position = await owner.AddPositionAsync(organization, "Keeper", App.MonthsAgo(6), cancellationToken: Cancellation);
        var education = await owner.AddEducationAsync("Guarded School " + Guid.NewGuid().ToString("N")[..8], "BA", 2000, 2003, Cancellation);
        var path = route
            .Replace("{position}", position.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{education}", education.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{organization}", position.GetProperty("organization").GetProperty("slug").GetString(), StringComparison.Ordinal);
        return (owner, new Uri(path, UriKind.Relative));
    }

    /// <summary>The owner's whole profile and the number of rows in the change feed and the organisations table.</summary>
    private async Task<string> SnapshotAsync(Member owner)
    {
        var profile = await owner.GetMyProfileTextAsync(Cancellation);
        var changes = await App.InStoreAsync(db => db.Changes.CountAsync(Cancellation));
        var organizations = await App.InStoreAsync(db => db.Organizations.CountAsync(Cancellation));
        return $"{profile}|changes={changes}|organizations={organizations}";
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, Uri uri, string route)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), uri) { Content = Body(method, route) };
        return SendAndDisposeAsync(client, request);
    }

    private static async Task<HttpResponseMessage> SendAndDisposeAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            return await client.SendAsync(request, TestContext.Current.CancellationToken);
        }
    }

    private static HttpContent? Body(string method, string route)
    {
        if (method == "DELETE")
        {
            return null;
        }

        if (route.EndsWith("/photo", StringComparison.Ordinal))
        {
            var image = new ByteArrayContent(TestImages.Encode(100, 100, SKEncodedImageFormat.Png));
            image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            return image;
        }

        return route switch
        {
            "/api/v1/me" => JsonContent.Create(new { headline = "Changed by someone else", displayName = "Impostor" }),
            "/api/v1/me/skills" => JsonContent.Create(new { skills = new List<string> { "Intrusion" } }),
            "/api/v1/organizations/{organization}" => JsonContent.Create(new { name = "Renamed by a stranger" }),
            "/api/v1/organizations/{organization}/merge" => JsonContent.Create(new { into = "acme" }),
            "/api/v1/accounts/sign-out-everywhere" => null,
            _ when route.Contains("/education", StringComparison.Ordinal) => JsonContent.Create(new { school = "Fake School", degree = "Fake" }),
            _ => JsonContent.Create(new { organization = "Fake Corp", title = "Impostor", startMonth = "2015-01" }),
        };
    }
}
