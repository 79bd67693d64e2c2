using System.Net;
using System.Net.Http.Json;
using Entregent.Web.Tests.Infrastructure;

namespace Entregent.Web.Tests.Integration.Recommendations;

/// <summary>
/// Every route on one pending recommendation (Bob wrote it for Ada), for each way the caller can stand towards it:
/// nobody but the author and the recipient learns it exists, and anonymous callers are refused.
/// </summary>
public class RecommendationAuthorizationTests(EntregentFactory app) : IntegrationTest(app)
{
    // Statuses by route: PUT, DELETE, approve, hide, show, decline, GET the recipient's list, GET /me (received). The
    // routes run in the order PUT, approve, hide, show, the two GETs, decline, DELETE, on the same recommendation: so the
    // recipient approves, hides and shows it again, then may no longer decline it (409).
    public static TheoryData<string, int[]> Table => new()
    {
        { "author", [200, 204, 404, 404, 404, 409, 200, 200] },
        { "recipient", [404, 404, 200, 200, 200, 409, 200, 200] },
        { "connectionOfBoth", [404, 404, 404, 404, 404, 404, 200, 200] },
        { "stranger", [404, 404, 404, 404, 404, 404, 200, 200] },
        { "blockedByRecipient", [404, 404, 404, 404, 404, 404, 404, 200] },
        { "anonymous", [401, 401, 401, 401, 401, 401, 401, 401] },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Routes_CallerRelation_ExpectedStatus(string relation, int[] statuses)
    {
        var ada = await RegisterMemberAsync("Ada Guarded");
        var bob = await RegisterMemberAsync("Bob Author");
        var carol = await RegisterMemberAsync("Carol Third");
        await ConnectAsync(ada, bob);
        await ConnectAsync(carol, ada);
        await ConnectAsync(carol, bob);
        var id = (await bob.RecommendAsync(ada, cancellationToken: Cancellation)).GetProperty("id").GetInt64();
        var client = relation switch
        {
            "author" => bob.Client,
            "recipient" => ada.Client,
            "connectionOfBoth" => carol.Client,
            "stranger" => (await RegisterMemberAsync("Sam Outside")).Client,
            "blockedByRecipient" => await BlockedAsync(ada),
            _ => AnonymousClient(),
        };
        var routes = new Func<Task<HttpResponseMessage>>[]
        {
            () => client.PutAsJsonAsync(new Uri($"/api/v1/recommendations/{id}", UriKind.Relative), new { text = "Changed." }, Cancellation),
            () => client.DeleteAsync(new Uri($"/api/v1/recommendations/{id}", UriKind.Relative), Cancellation),
            () => client.PostAsync(new Uri($"/api/v1/recommendations/{id}/approve", UriKind.Relative), null, Cancellation),
            () => client.PostAsync(new Uri($"/api/v1/recommendations/{id}/hide", UriKind.Relative), null, Cancellation),
            () => client.PostAsync(new Uri($"/api/v1/recommendations/{id}/show", UriKind.Relative), null, Cancellation),
            () => client.PostAsync(new Uri($"/api/v1/recommendations/{id}/decline", UriKind.Relative), null, Cancellation),
            () => client.GetAsync(new Uri($"/api/v1/members/{ada.Handle}/recommendations", UriKind.Relative), Cancellation),
            () => client.GetAsync(new Uri("/api/v1/me/recommendations", UriKind.Relative), Cancellation),
        };

        foreach (var index in new[] { 0, 2, 3, 4, 6, 7, 5, 1 })
        {
            using var response = await routes[index]();
            Assert.True(statuses[index] == (int)response.StatusCode,
                $"{relation}, route {index}: expected {statuses[index]}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancellation)}");
        }
    }

    private async Task<HttpClient> BlockedAsync(Member recipient)
    {
        var eve = await RegisterMemberAsync("Eve Blocked");
        await recipient.BlockAsync(eve, Cancellation);
        return eve.Client;
    }
}
