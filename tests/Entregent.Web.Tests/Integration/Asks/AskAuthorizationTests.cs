using System.Net;
using System.Net.Http.Json;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Tests.Integration.Asks;

/// <summary>Every asks route, for each member who might call it: the owner, the asked connection, another, a blocked one, nobody.</summary>
public class AskAuthorizationTests(EntregentFactory app) : IntegrationTest(app)
{
    // Routes in the order they are called (the ones that change something last), and the status per caller.
    private static readonly (string Method, string Path)[] Routes =
    [
        ("GET", "/api/v1/asks/{ask}"),
        ("POST", "/api/v1/asks/{ask}/requests"),
        ("POST", "/api/v1/ask-requests/{request}/decline"),
        ("POST", "/api/v1/asks/{ask}/close"),
    ];

    [Theory]
    [InlineData("owner", new[] { 200, 201, 404, 200 })]
    [InlineData("asked", new[] { 200, 404, 200, 404 })]
    [InlineData("stranger", new[] { 404, 404, 404, 404 })]
    [InlineData("candidate", new[] { 404, 404, 404, 404 })]
    [InlineData("askedBlockedByOwner", new[] { 404, 404, 404, 404 })]
    [InlineData("anonymous", new[] { 401, 401, 401, 401 })]
    public async Task Routes_ForEachCaller_ExpectedStatuses(string who, int[] statuses)
    {
        var w = await AskFlowTests.BuildAsync(App, "Auth");
        var askId = (await w.Owner.AskAsync("Someone who brews beer", [w.Skill], cancellationToken: Cancellation)).GetProperty("ask").GetProperty("id").GetInt64();
        var requestId = (await w.Owner.AskConnectionAsync(askId, w.Paul, cancellationToken: Cancellation)).GetProperty("id").GetInt64();
        if (who == "askedBlockedByOwner")
        {
            await w.Owner.BlockAsync(w.Paul, Cancellation);
            await WaitForNetworkAsync();
        }
        using var anonymous = AnonymousClient();
        var client = who switch
        {
            "owner" => w.Owner.Client,
            "asked" or "askedBlockedByOwner" => w.Paul.Client,
            "stranger" => (await RegisterMemberAsync("Stella Stranger")).Client,
            "candidate" => w.Jeanne.Client,
            _ => anonymous,
        };

        var actual = new List<int>();
        foreach (var (method, route) in Routes)
        {
            var path = new Uri(route.Replace("{ask}", askId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{request}", requestId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), UriKind.Relative);
            using var response = method == "GET" ? await client.GetAsync(path, Cancellation)
                : await client.PostAsJsonAsync(path, new { connection = w.Lea.Handle }, Cancellation);
            actual.Add((int)response.StatusCode);
            if (response.StatusCode == HttpStatusCode.OK && who == "asked" && method == "GET")
            {
                // The asked connection never sees the groups nor the other requests.
                var body = await response.Content.ReadAsStringAsync(Cancellation);
                Assert.DoesNotContain(w.Hugo.Handle, body, StringComparison.Ordinal);
                Assert.DoesNotContain("groups", body, StringComparison.Ordinal);
            }
        }

        Assert.Equal(statuses, actual);
        // Only the owner's own calls changed the ask: a request to Lea and the close.
        var requests = await App.InStoreAsync(db => db.AskRequests.CountAsync(r => r.AskId == askId, Cancellation));
        Assert.Equal(who == "owner" ? 2 : 1, requests);
    }

    [Theory]
    [InlineData("GET", "/api/v1/asks")]
    [InlineData("POST", "/api/v1/asks")]
    [InlineData("GET", "/api/v1/me/ask-requests")]
    [InlineData("POST", "/api/v1/ask-requests/1/forward")]
    [InlineData("POST", "/api/v1/ask-requests/1/suggest")]
    public async Task Route_Anonymous_Unauthorized(string method, string path)
    {
        using var client = AnonymousClient();

        using var response = method == "GET" ? await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation)
            : await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), new { text = "x" }, Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Lists_OnlyMine()
    {
        var w = await AskFlowTests.BuildAsync(App, "Lists");
        var askId = (await w.Owner.AskAsync("Someone who brews beer", [w.Skill], cancellationToken: Cancellation)).GetProperty("ask").GetProperty("id").GetInt64();
        await w.Owner.AskConnectionAsync(askId, w.Paul, cancellationToken: Cancellation);

        Assert.DoesNotContain((await w.Lea.GetJsonAsync("/api/v1/asks", Cancellation)).EnumerateArray(), a => a.GetProperty("id").GetInt64() == askId);
        Assert.DoesNotContain((await w.Lea.GetJsonAsync("/api/v1/me/ask-requests", Cancellation)).EnumerateArray(), r => r.GetProperty("askId").GetInt64() == askId);
        Assert.Contains((await w.Paul.GetJsonAsync("/api/v1/me/ask-requests", Cancellation)).EnumerateArray(), r => r.GetProperty("askId").GetInt64() == askId);
        // The owner cannot answer a request meant for Paul.
        var requestId = (await w.Paul.GetJsonAsync("/api/v1/me/ask-requests", Cancellation))[0].GetProperty("id").GetInt64();
        using var forged = await w.Owner.AnswerAskRequestAsync(requestId, "forward", new { candidate = w.Jeanne.Handle }, Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }
}
