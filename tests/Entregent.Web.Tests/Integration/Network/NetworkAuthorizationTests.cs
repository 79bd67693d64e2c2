using System.Net;
using System.Net.Http.Json;
using Entregent.Web.Tests.Infrastructure;

namespace Entregent.Web.Tests.Integration.Network;

/// <summary>
/// Every network route about a member, for each way the viewer can stand towards that member: the status, and for
/// the connection list how many of the member's two connections the viewer sees.
/// </summary>
public class NetworkAuthorizationTests(EntregentFactory app) : IntegrationTest(app)
{
    // The world of each row: target — friend, target — peer, friend — second; stranger knows nobody. "blocked": the
    // target blocked the viewer (a stranger). "hiddenListOwner": the target hides their list; the viewer is second.
    public static TheoryData<string, string, string, int, int?> Table
    {
        get
        {
            var table = new TheoryData<string, string, string, int, int?>();
            var routes = new (string Method, string Path)[]
            {
                ("GET", "/api/v1/members/{h}"),
                ("GET", "/api/v1/members/{h}/connection"),
                ("GET", "/api/v1/members/{h}/mutual"),
                ("GET", "/api/v1/members/{h}/connections"),
                ("POST", "/api/v1/invitations"),
                ("PUT", "/api/v1/me/follows/{h}"),
                ("DELETE", "/api/v1/me/suggestions/{h}"),
                ("DELETE", "/api/v1/me/connections/{h}"),
                ("PUT", "/api/v1/me/blocks/{h}"),
            };
            // Status per route in the order above, and the visible connections (of 2) for the list route.
            var expected = new Dictionary<string, (int[] Statuses, int Visible)>
            {
                ["self"] = ([200, 200, 200, 200, 400, 400, 400, 404, 400], 2),
                ["connection"] = ([200, 200, 200, 200, 409, 200, 204, 204, 204], 1),
                ["second"] = ([200, 200, 200, 200, 201, 200, 204, 404, 204], 2),
                ["stranger"] = ([200, 200, 200, 200, 201, 200, 204, 404, 204], 2),
                ["blocked"] = ([404, 404, 404, 404, 404, 404, 404, 404, 204], 0),
                ["hiddenListOwner"] = ([200, 200, 200, 200, 201, 200, 204, 404, 204], 1),
                ["anonymous"] = ([200, 401, 401, 401, 401, 401, 401, 401, 401], 0),
            };
            foreach (var (relation, (statuses, visible)) in expected)
            {
                for (var i = 0; i < routes.Length; i++)
                {
                    table.Add(routes[i].Method, routes[i].Path, relation, statuses[i],
                        routes[i].Path.EndsWith("/connections", StringComparison.Ordinal) && statuses[i] == 200 ? visible : null);
                }
            }
            return table;
        }
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Route_ViewerRelation_ExpectedStatusAndVisibility(string method, string path, string relation, int status, int? visibleConnections)
    {
        var target = await RegisterMemberAsync("Tess Target");
        var friend = await RegisterMemberAsync("Fred Friend");
        var peer = await RegisterMemberAsync("Pia Peer");
        var second = await RegisterMemberAsync("Sid Second");
        await ConnectAsync(target, friend);
        await ConnectAsync(target, peer);
        await ConnectAsync(friend, second);
        HttpClient client;
        HttpClient? anonymous = null;
        switch (relation)
        {
            case "self":
                client = target.Client;
                break;
            case "connection":
                client = friend.Client;
                break;
            case "second":
                client = second.Client;
                break;
            case "hiddenListOwner":
                await target.SetPrivacyAsync(hideConnections: true, cancellationToken: Cancellation);
                client = second.Client;
                break;
            case "anonymous":
                client = anonymous = AnonymousClient();
                break;
            default:
                var stranger = await RegisterMemberAsync("Stan Stranger");
                if (relation == "blocked")
                {
                    await target.BlockAsync(stranger, Cancellation);
                }
                client = stranger.Client;
                break;
        }

        using (anonymous)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path.Replace("{h}", target.Handle, StringComparison.Ordinal), UriKind.Relative))
            {
                Content = method == "POST" ? Problems.Json(new { to = target.Handle }) : null,
            };
            using var response = await client.SendAsync(request, Cancellation);

            var body = await response.Content.ReadAsStringAsync(Cancellation);
            Assert.True(status == (int)response.StatusCode, $"{method} {path} as {relation}: expected {status}, got {(int)response.StatusCode}: {body}");
            if (status >= 400 && status != 401)
            {
                await Problems.AssertProblemAsync(response, (HttpStatusCode)status);
            }
            if (visibleConnections is { } visible)
            {
                var list = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancellation);
                Assert.Equal(visible, list.Handles().Count);
                Assert.Equal(visible, list.GetProperty("total").GetInt32());
            }
        }
    }
}
