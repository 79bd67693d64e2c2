using System.Net;
using System.Net.Http.Json;
using Entregent.Web.Tests.Infrastructure;

namespace Entregent.Web.Tests.Integration.Asks;

/// <summary>Every asks route, for each member who might call it: the owner, the asked connection, another, a blocked one, nobody.</summary>
public class AskAuthorizationTests(EntregentFactory app) : IntegrationTest(app)
{
    public static TheoryData<string, string, int> Table
    {
        get
        {
            // {ask} and {request} are filled in per test; bodies are valid for the owner or the asked connection.
            var routes = new (string Method, string Path)[]
            {
                ("GET", "/api/v1/asks/{ask}"),
                ("POST", "/api/v1/asks/{ask}/close"),
                ("POST", "/api/v1/asks/{ask}/requests"),
                ("POST", "/api/v1/ask-requests/{request}/decline"),
            };
            var expected = new Dictionary<string, int[]>
            {
                ["owner"] = [200, 200, 201, 404],
                ["asked"] = [200, 404, 404, 200],
                ["stranger"] = [404, 404, 404, 404],
                ["candidate"] = [404, 404, 404, 404],
                ["askedBlockedByOwner"] = [404, 404, 404, 404],
                ["anonymous"] = [401, 401, 401, 401],
            };
            var table = new TheoryData<string, string, int>();
            foreach (var (who, statuses) in expected)
            {
                for (var i = 0; i < routes.Length; i++)
                {
                    table.Add(who, routes[i].Method + " " + routes[i].Path, statuses[i]);
                }
            }
            return table;
        }
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Route_ForEachCaller_ExpectedStatus(string who, string route, int status)
    {
        var w = await AskFlowTests.BuildAsync(App, "Auth");
        var stranger = await RegisterMemberAsync("Stella Stranger");
        var askId = (await w.Owner.AskAsync("Someone who brews beer", [w.Skill], cancellationToken: Cancellation)).GetProperty("ask").GetProperty("id").GetInt64();
        var requestId = (await w.Owner.AskConnectionAsync(askId, w.Paul, cancellationToken: Cancellation)).GetProperty("id").GetInt64();
        if (who == "askedBlockedByOwner")
        {
            await w.Owner.BlockAsync(w.Paul, Cancellation);
            await WaitForNetworkAsync();
        }
        var client = who switch
        {
            "owner" => w.Owner.Client,
            "asked" or "askedBlockedByOwner" => w.Paul.Client,
            "stranger" => stranger.Client,
            "candidate" => w.Jeanne.Client,
            _ => AnonymousClient(),
        };
        var parts = route.Split(' ');
        var path = new Uri(parts[1].Replace("{ask}", askId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{request}", requestId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), UriKind.Relative);
        using var response = parts[0] == "GET" ? await client.GetAsync(path, Cancellation)
            : await client.PostAsJsonAsync(path, new { connection = w.Lea.Handle }, Cancellation);

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        if (status == 200 && who == "asked" && parts[0] == "GET")
        {
            // The asked connection never sees the groups nor the other requests.
            var body = await response.Content.ReadAsStringAsync(Cancellation);
            Assert.DoesNotContain(w.Hugo.Handle, body, StringComparison.Ordinal);
            Assert.DoesNotContain("groups", body, StringComparison.Ordinal);
        }
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
