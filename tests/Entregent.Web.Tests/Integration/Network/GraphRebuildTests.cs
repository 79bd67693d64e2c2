using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Entregent.Web.Features.Connections;
using Entregent.Web.Network;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Entregent.Web.Tests.Integration.Network;

/// <summary>
/// The live graph, kept by the follower from the change feed, equals a graph rebuilt from the store after any sequence
/// of network operations; and a commit reaches it within a second.
/// </summary>
public class GraphRebuildTests(EntregentFactory app) : IntegrationTest(app)
{
    [Theory]
    [InlineData(20240611, 300)]
    [InlineData(7, 300)]
    public async Task RandomOperations_LiveGraph_EqualsRebuild(int seed, int operations)
    {
        var random = new Random(seed);
        var members = new List<Member>();
        for (var i = 0; i < 10; i++)
        {
            members.Add(await RegisterMemberAsync($"Random {seed} {i}"));
        }
        var organizations = Enumerable.Range(0, 3).Select(i => MemberActions.UniqueName($"Random Org {i}")).ToArray();
        string[] skills = ["Go", "Rust", "SQL"];
        foreach (var member in members)
        {
            await member.SetSkillsAsync(Cancellation, skills);
        }
        var positions = members.ToDictionary(m => m.Handle, _ => new List<long>());
        var log = new List<string>();

        for (var n = 0; n < operations; n++)
        {
            var a = members[random.Next(members.Count)];
            var b = members[random.Next(members.Count)];
            var operation = random.Next(16);
            using var response = operation switch
            {
                0 or 1 or 2 => await a.SendInvitationAsync(b.Handle, context: Pick(random, "colleague", "classmate", "client", "partner", "event", "other"),
                    cancellationToken: Cancellation),
                3 or 4 => await RespondAsync(a, random, "accept"),
                5 => await RespondAsync(a, random, "ignore"),
                6 => await WithdrawAsync(a, random),
                7 => await a.Client.DeleteAsync(new Uri($"/api/v1/me/connections/{b.Handle}", UriKind.Relative), Cancellation),
                8 => random.Next(3) == 0
                    ? await a.Client.PutAsync(new Uri($"/api/v1/me/blocks/{b.Handle}", UriKind.Relative), null, Cancellation)
                    : await a.Client.DeleteAsync(new Uri($"/api/v1/me/blocks/{b.Handle}", UriKind.Relative), Cancellation),
                9 => await a.Client.PutAsJsonAsync(new Uri("/api/v1/me/privacy", UriKind.Relative), new { hideConnections = random.Next(2) == 0 }, Cancellation),
                10 => await AddPositionAsync(a, organizations[random.Next(organizations.Length)], random, positions[a.Handle]),
                11 => await EndPositionAsync(a, random, positions[a.Handle]),
                12 => await a.SendEndorsementAsync(b.Handle, Pick(random, skills), Cancellation),
                13 => await a.RemoveEndorsementAsync(b.Handle, Pick(random, skills), Cancellation),
                14 => await a.SendRecommendationAsync(b.Handle, "Recommended.", Pick(random, "managed", "workedWith", "other"), cancellationToken: Cancellation),
                _ => await DecideRecommendationAsync(a, random),
            };
            log.Add($"{n}: op {operation} {a.Handle} {b.Handle} → {(int)response.StatusCode}");
            Assert.True((int)response.StatusCode < 500, string.Join('\n', log) + "\n" + await response.Content.ReadAsStringAsync(Cancellation));
        }

        await WaitForNetworkAsync();
        var network = App.Services.GetRequiredService<NetworkGraph>();
        var rebuilt = new NetworkGraph(App.Time);
        var graph = await App.InStoreAsync(db => NetworkGraphLoader.BuildAsync(db, rebuilt, NullLogger.Instance, Cancellation));
        rebuilt.Replace(graph, 0);
        var ids = await App.InStoreAsync(db => db.Users.Select(u => u.Id).ToListAsync(Cancellation));

        Assert.True(ids.Count > 0);
        Assert.Equal(Describe(rebuilt, ids), Describe(network, ids));
        // The sequence did something: a check that tests nothing would pass too (activity included).
        Assert.True(await App.InStoreAsync(db => db.Recommendations.AnyAsync(r => r.Status == Web.Features.Recommendations.RecommendationStatus.Approved, Cancellation)));
        Assert.True(await App.InStoreAsync(db => db.Endorsements.AnyAsync(Cancellation)));
        Assert.Contains(Describe(network, ids), line => line.Contains("connections=[", StringComparison.Ordinal) && !line.Contains("connections=[]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Commit_ReachesTheGraphWithinASecond()
    {
        var ada = await RegisterMemberAsync("Ada Quick");
        var grace = await RegisterMemberAsync("Grace Quick");
        var first = await App.MemberIdAsync(ada, Cancellation);
        var second = await App.MemberIdAsync(grace, Cancellation);
        var network = App.Services.GetRequiredService<NetworkGraph>();
        await WaitForNetworkAsync();

        // Straight into the store: the use case's own wait for the graph is not involved.
        var clock = Stopwatch.StartNew();
        await App.InStoreAsync(async db =>
        {
            db.Connections.Add(Connection.Between(first, second, App.Time.GetUtcNow(), HowMet.Colleague));
            return await db.SaveChangesAsync(Cancellation);
        });
        while (!(network.TryGetDense(first, out var a) && network.TryGetDense(second, out var b) && network.Graph.AreConnected(a, b)))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), "The connection did not reach the graph within a second.");
            await Task.Delay(5, Cancellation);
        }
    }

    [Fact]
    public async Task StrengthRefresh_AfterTwoYearsSideBySide_RaisesStrengthAndEqualsRebuild()
    {
        var ada = await RegisterMemberAsync("Ada Together");
        var grace = await RegisterMemberAsync("Grace Together");
        var organization = MemberActions.UniqueName("Together Org");
        await ada.AddPositionAsync(organization, "Engineer", App.MonthsAgo(2), cancellationToken: Cancellation);
        await grace.AddPositionAsync(organization, "Engineer", App.MonthsAgo(2), cancellationToken: Cancellation);
        await App.ConnectAsync(ada, grace, Cancellation);
        await WaitForNetworkAsync();
        var network = App.Services.GetRequiredService<NetworkGraph>();
        var first = await App.MemberIdAsync(ada, Cancellation);
        var second = await App.MemberIdAsync(grace, Cancellation);
        Assert.True(network.TryGetDense(first, out var a));
        Assert.True(network.TryGetDense(second, out var b));
        Assert.True(network.Graph.TryGetConnection(a, b, out var before));

        App.Time.Advance(TimeSpan.FromDays(730));
        await App.InStoreAsync(db => RelationshipStrengthRefresher.RefreshAsync(db, network, Cancellation));

        Assert.True(network.Graph.TryGetConnection(a, b, out var after));
        Assert.True(after.Strength > before.Strength, $"{after.Strength} should exceed {before.Strength} after two more years together.");
        var rebuilt = new NetworkGraph(App.Time);
        rebuilt.Replace(await App.InStoreAsync(db => NetworkGraphLoader.BuildAsync(db, rebuilt, NullLogger.Instance, Cancellation)), 0);
        long[] ids = [first, second];
        Assert.Equal(Describe(rebuilt, ids), Describe(network, ids));
    }

    private static List<string> Describe(NetworkGraph network, IReadOnlyList<long> ids)
    {
        var graph = network.Graph;
        var lines = new List<string>();
        foreach (var id in ids.Order())
        {
            if (!network.TryGetDense(id, out var dense))
            {
                lines.Add($"{id}: absent");
                continue;
            }
            var connections = graph.GetConnections(dense)
                .Select(c => $"{network.MemberIdOf(c.Member)}@{c.Strength.ToString("R", CultureInfo.InvariantCulture)}@{c.CreatedAt.UtcTicks}")
                .Order(StringComparer.Ordinal);
            var memberships = graph.GetMemberships(dense)
                .Select(m => $"{network.OrganizationIdOf(m.Organisation)}:{m.Start:yyyy-MM-dd}..{m.End:yyyy-MM-dd}")
                .Order(StringComparer.Ordinal);
            var blocks = ids.Where(other => other != id && network.TryGetDense(other, out var o) && graph.IsBlocked(dense, o)).Order();
            lines.Add($"{id}: connections=[{string.Join(",", connections)}] memberships=[{string.Join(",", memberships)}] " +
                $"blocks=[{string.Join(",", blocks)}] hiddenList={graph.IsConnectionListHidden(dense)} hidden={graph.IsHidden(dense)}");
        }
        return lines;
    }

    private static string Pick(Random random, params string[] values) => values[random.Next(values.Length)];

    private static async Task<HttpResponseMessage> RespondAsync(Member member, Random random, string verb)
    {
        var received = await member.GetJsonAsync("/api/v1/invitations", Cancellation);
        var items = received.GetProperty("items");
        // An unknown id when there is nothing to answer: a 404, which is fine.
        var id = items.GetArrayLength() == 0 ? 0 : items[random.Next(items.GetArrayLength())].GetProperty("id").GetInt64();
        return await member.Client.PostAsync(new Uri($"/api/v1/invitations/{id}/{verb}", UriKind.Relative), null, Cancellation);
    }

    /// <summary>Approves, hides or shows one of the recommendations the member received (a 404 or 409 when none fits, which is fine).</summary>
    private static async Task<HttpResponseMessage> DecideRecommendationAsync(Member member, Random random)
    {
        var received = (await member.GetJsonAsync("/api/v1/me/recommendations", Cancellation)).GetProperty("items");
        var id = received.GetArrayLength() == 0 ? 0 : received[random.Next(received.GetArrayLength())].GetProperty("id").GetInt64();
        return await member.DecideRecommendationAsync(id, Pick(random, "approve", "approve", "hide", "show"), Cancellation);
    }

    private static async Task<HttpResponseMessage> WithdrawAsync(Member member, Random random)
    {
        var sent = (await member.GetJsonAsync("/api/v1/invitations?direction=sent", Cancellation)).GetProperty("items");
        var id = sent.GetArrayLength() == 0 ? 0 : sent[random.Next(sent.GetArrayLength())].GetProperty("id").GetInt64();
        return await member.Client.DeleteAsync(new Uri($"/api/v1/invitations/{id}", UriKind.Relative), Cancellation);
    }

    private async Task<HttpResponseMessage> AddPositionAsync(Member member, string organization, Random random, List<long> positions)
    {
        var start = App.MonthsAgo(random.Next(6, 120));
        var response = await member.Client.PostAsJsonAsync(new Uri("/api/v1/me/positions", UriKind.Relative),
            new { organization, title = "Worker", startMonth = start, endMonth = (string?)null }, Cancellation);
        if (response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
            positions.Add(body.GetProperty("id").GetInt64());
        }
        return response;
    }

    private async Task<HttpResponseMessage> EndPositionAsync(Member member, Random random, List<long> positions)
    {
        if (positions.Count == 0)
        {
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }
        var id = positions[random.Next(positions.Count)];
        var profile = await member.GetMyProfileAsync(Cancellation);
        var position = profile.GetProperty("profile").GetProperty("positions").EnumerateArray().First(p => p.GetProperty("id").GetInt64() == id);
        return await member.Client.PutAsJsonAsync(new Uri($"/api/v1/me/positions/{id}", UriKind.Relative), new
        {
            organization = position.GetProperty("organization").GetProperty("name").GetString(),
            title = "Former worker",
            startMonth = position.GetProperty("startMonth").GetString(),
            endMonth = App.MonthsAgo(random.Next(0, 5)),
        }, Cancellation);
    }
}
