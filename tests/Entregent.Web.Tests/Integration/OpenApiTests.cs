using System.Net;
using System.Text.Json;
using Entregent.Web.Tests.Infrastructure;

namespace Entregent.Web.Tests.Integration;

/// <summary>The published API contract lists every route of the foundation, and its reference page answers.</summary>
public class OpenApiTests(EntregentFactory app) : IntegrationTest(app)
{
    [Theory]
    [InlineData("post", "/api/v1/accounts")]
    [InlineData("post", "/api/v1/accounts/token")]
    [InlineData("post", "/api/v1/accounts/token/refresh")]
    [InlineData("post", "/api/v1/accounts/confirm-email")]
    [InlineData("post", "/api/v1/accounts/password-reset")]
    [InlineData("post", "/api/v1/accounts/password-reset/confirm")]
    [InlineData("post", "/api/v1/accounts/sign-out-everywhere")]
    [InlineData("get", "/api/v1/me")]
    [InlineData("patch", "/api/v1/me")]
    [InlineData("get", "/api/v1/members/{handle}")]
    [InlineData("post", "/api/v1/me/positions")]
    [InlineData("put", "/api/v1/me/positions/{id}")]
    [InlineData("delete", "/api/v1/me/positions/{id}")]
    [InlineData("post", "/api/v1/me/education")]
    [InlineData("put", "/api/v1/me/education/{id}")]
    [InlineData("delete", "/api/v1/me/education/{id}")]
    [InlineData("put", "/api/v1/me/skills")]
    [InlineData("put", "/api/v1/me/photo")]
    [InlineData("delete", "/api/v1/me/photo")]
    [InlineData("get", "/api/v1/organizations/{slug}")]
    [InlineData("patch", "/api/v1/organizations/{slug}")]
    [InlineData("get", "/api/v1/organizations/{slug}/members")]
    [InlineData("post", "/api/v1/organizations/{slug}/merge")]
    [InlineData("get", "/api/v1/search/people")]
    [InlineData("get", "/api/v1/search/typeahead")]
    [InlineData("get", "/api/v1/organizations/{slug}/people-you-know")]
    [InlineData("post", "/api/v1/asks")]
    [InlineData("get", "/api/v1/asks/{id}")]
    [InlineData("post", "/api/v1/asks/{id}/requests")]
    [InlineData("post", "/api/v1/ask-requests/{id}/forward")]
    [InlineData("post", "/api/v1/introductions")]
    [InlineData("get", "/api/v1/introductions/{id}")]
    [InlineData("post", "/api/v1/introductions/{id}/forward")]
    [InlineData("post", "/api/v1/introductions/{id}/decline")]
    [InlineData("post", "/api/v1/introductions/{id}/accept")]
    [InlineData("get", "/api/v1/members/{handle}/introduction-paths")]
    [InlineData("get", "/api/v1/conversations/{id}")]
    [InlineData("post", "/api/v1/conversations/{id}/messages")]
    [InlineData("post", "/api/v1/recommendations")]
    [InlineData("post", "/api/v1/recommendations/{id}/approve")]
    [InlineData("post", "/api/v1/recommendations/{id}/hide")]
    [InlineData("put", "/api/v1/members/{handle}/skills/{skill}/endorsement")]
    [InlineData("delete", "/api/v1/members/{handle}/skills/{skill}/endorsement")]
    public async Task OpenApiDocument_Route_Listed(string method, string path)
    {
        var document = await DocumentAsync();

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty(Normalize(path, paths), out var item), $"{path} is not in the OpenAPI document; it has {string.Join(", ", paths.EnumerateObject().Select(p => p.Name))}");
        Assert.True(item.TryGetProperty(method, out _), $"{method.ToUpperInvariant()} {path} is not in the OpenAPI document.");
    }

    [Fact]
    public async Task OpenApiDocument_Served_ValidOpenApiJson()
    {
        using var client = AnonymousClient();

        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(document.RootElement.GetProperty("info").GetProperty("title").GetString()));
        Assert.DoesNotContain(document.RootElement.GetProperty("paths").EnumerateObject(), p => p.Name.StartsWith("/media", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApiDocs_Anonymous_HtmlPage()
    {
        using var client = AnonymousClient();

        using var response = await client.GetAsync(new Uri("/api/docs", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(Cancellation), StringComparison.OrdinalIgnoreCase);
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var client = AnonymousClient();
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancellation);
        return await response.ReadJsonAsync(Cancellation);
    }

    /// <summary>Route constraints may show in the path ("{id}" stays "{id}"); a trailing slash on a group root is tolerated.</summary>
    private static string Normalize(string path, JsonElement paths) =>
        paths.TryGetProperty(path, out _) ? path : path + "/";
}
