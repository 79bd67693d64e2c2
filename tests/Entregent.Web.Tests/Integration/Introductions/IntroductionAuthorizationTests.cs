using System.Net;
using System.Net.Http.Json;
using Entregent.Web.Tests.Infrastructure;

namespace Entregent.Web.Tests.Integration.Introductions;

/// <summary>
/// Every introduction and conversation route, for each way a member can stand towards an introduction: the status, and
/// that a refused write changed nothing. The world: requester — intermediary — second intermediary — target (3rd degree),
/// plus a stranger. "blocked": the second intermediary blocked the requester after it reached them.
/// </summary>
public class IntroductionAuthorizationTests(EntregentFactory app) : IntegrationTest(app)
{
    private static readonly (string Method, string Path)[] Routes =
    [
        ("GET", "/api/v1/introductions/{id}"),
        ("POST", "/api/v1/introductions/{id}/forward"),
        ("POST", "/api/v1/introductions/{id}/decline"),
        ("POST", "/api/v1/introductions/{id}/accept"),
        ("DELETE", "/api/v1/introductions/{id}"),
        ("GET", "/api/v1/conversations/{conversation}"),
        ("POST", "/api/v1/conversations/{conversation}/messages"),
    ];

    // Status per route, in the order above; the introduction routes see the stage named, the conversation routes an accepted one.
    private static readonly Dictionary<string, (string Stage, int[] Statuses)> Expected = new()
    {
        ["requester"] = ("awaitingIntermediary", [200, 409, 409, 409, 204, 200, 201]),
        ["intermediary"] = ("awaitingIntermediary", [200, 200, 200, 409, 409, 200, 201]),
        ["secondBeforeItReachesThem"] = ("awaitingIntermediary", [404, 404, 404, 404, 404, 200, 201]),
        ["second"] = ("awaitingSecondIntermediary", [200, 200, 200, 409, 409, 200, 201]),
        ["targetBeforeItReachesThem"] = ("awaitingSecondIntermediary", [404, 404, 404, 404, 404, 200, 201]),
        ["target"] = ("awaitingTarget", [200, 409, 200, 200, 409, 200, 201]),
        ["stranger"] = ("awaitingTarget", [404, 404, 404, 404, 404, 404, 404]),
        ["blocked"] = ("awaitingSecondIntermediary", [404, 404, 404, 404, 404, 200, 403]),
        ["anonymous"] = ("awaitingTarget", [401, 401, 401, 401, 401, 401, 401]),
    };

    public static TheoryData<string, string, string, int> Table
    {
        get
        {
            var table = new TheoryData<string, string, string, int>();
            foreach (var (relation, (_, statuses)) in Expected)
            {
                for (var i = 0; i < Routes.Length; i++)
                {
                    table.Add(Routes[i].Method, Routes[i].Path, relation, statuses[i]);
                }
            }
            return table;
        }
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Route_ViewerRelation_ExpectedStatusAndNothingChangedWhenRefused(string method, string path, string relation, int status)
    {
        var requester = await RegisterMemberAsync("Rita Requester");
        var intermediary = await RegisterMemberAsync("Ivan Intermediary");
        var second = await RegisterMemberAsync("Sam Second");
        var target = await RegisterMemberAsync("Tara Target");
        var stranger = await RegisterMemberAsync("Stan Stranger");
        await ConnectAsync(requester, intermediary);
        await ConnectAsync(intermediary, second);
        await ConnectAsync(second, target);
        var id = (await requester.RequestIntroductionAsync(target, intermediary, "Hello.", Cancellation)).Id();
        var onConversation = path.Contains("{conversation}", StringComparison.Ordinal);
        var stage = onConversation ? "accepted" : Expected[relation].Stage;
        if (stage != "awaitingIntermediary")
        {
            await intermediary.ForwardIntroductionAsync(id, "Sam, please.", Cancellation);
        }
        if (stage is "awaitingTarget" or "accepted")
        {
            await second.ForwardIntroductionAsync(id, "Tara, please.", Cancellation);
        }
        long conversationId = 0;
        if (stage == "accepted")
        {
            conversationId = (await target.AcceptIntroductionAsync(id, Cancellation)).GetProperty("conversationId").GetInt64();
        }
        if (relation == "blocked")
        {
            await second.BlockAsync(requester, Cancellation);
        }
        var viewer = relation switch
        {
            "requester" => requester,
            "intermediary" => intermediary,
            "second" or "secondBeforeItReachesThem" or "blocked" => second,
            "target" or "targetBeforeItReachesThem" => target,
            "stranger" => stranger,
            _ => null,
        };
        using var anonymous = AnonymousClient();
        var client = viewer?.Client ?? anonymous;
        var before = (await requester.GetJsonAsync($"/api/v1/introductions/{id}", Cancellation)).GetProperty("status").GetString();
        var uri = new Uri(path.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{conversation}", conversationId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), UriKind.Relative);

        using var response = method switch
        {
            "GET" => await client.GetAsync(uri, Cancellation),
            "DELETE" => await client.DeleteAsync(uri, Cancellation),
            _ => await client.PostAsJsonAsync(uri, new { note = "A note.", body = "A message." }, Cancellation),
        };

        Assert.True(status == (int)response.StatusCode, $"{method} {path} as {relation}: expected {status}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancellation)}");
        if (status >= 400)
        {
            Assert.Equal(before, (await requester.GetJsonAsync($"/api/v1/introductions/{id}", Cancellation)).GetProperty("status").GetString());
            if (onConversation)
            {
                var messages = (await requester.GetJsonAsync($"/api/v1/conversations/{conversationId}", Cancellation)).GetProperty("messages");
                Assert.DoesNotContain(messages.EnumerateArray(), m => m.GetProperty("body").GetString() == "A message.");
            }
        }
    }

    [Theory]
    [InlineData("requester", 1, 0)]
    [InlineData("intermediary", 1, 1)]
    [InlineData("second", 0, 0)]
    [InlineData("target", 0, 0)]
    public async Task Lists_BeforeItReachesSecondIntermediary_OnlyThoseItConcerns(string relation, int all, int toAct)
    {
        var requester = await RegisterMemberAsync("Lou Requester");
        var intermediary = await RegisterMemberAsync("Lou Intermediary");
        var second = await RegisterMemberAsync("Lou Second");
        var target = await RegisterMemberAsync("Lou Target");
        await ConnectAsync(requester, intermediary);
        await ConnectAsync(intermediary, second);
        await ConnectAsync(second, target);
        await requester.RequestIntroductionAsync(target, intermediary, "Hello.", Cancellation);
        var viewer = relation switch { "requester" => requester, "intermediary" => intermediary, "second" => second, _ => target };

        var allList = await viewer.GetJsonAsync("/api/v1/introductions?box=all", Cancellation);
        var toActList = await viewer.GetJsonAsync("/api/v1/introductions?box=toAct", Cancellation);
        var sent = await viewer.GetJsonAsync("/api/v1/introductions?box=sent", Cancellation);

        Assert.Equal(all, allList.GetProperty("total").GetInt32());
        Assert.Equal(toAct, toActList.GetProperty("total").GetInt32());
        Assert.Equal(relation == "requester" ? 1 : 0, sent.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("GET", "/api/v1/introductions")]
    [InlineData("POST", "/api/v1/introductions")]
    [InlineData("GET", "/api/v1/members/someone/introduction-paths")]
    public async Task OtherRoutes_Anonymous_Unauthorized(string method, string path)
    {
        using var anonymous = AnonymousClient();
        using var response = method == "GET"
            ? await anonymous.GetAsync(new Uri(path, UriKind.Relative), Cancellation)
            : await anonymous.PostAsJsonAsync(new Uri(path, UriKind.Relative), new { to = "someone", message = "Hi" }, Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
