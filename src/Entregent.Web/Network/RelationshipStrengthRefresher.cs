using Entregent.Graph;
using Entregent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Network;

/// <summary>
/// Strength grows with the time two members spend side by side at a current employer or school, so it changes
/// with the calendar and not only with the change feed. Once a day (<see cref="NetworkOptions.StrengthRefreshHours"/>)
/// this job recomputes every connection's strength from the store's facts (activities included) and the graph's memberships, and applies
/// the ones that moved: the live graph then equals a rebuild again.
/// </summary>
public sealed class RelationshipStrengthRefresher(
    NetworkGraph network, IServiceScopeFactory scopes, TimeProvider time, Microsoft.Extensions.Options.IOptions<NetworkOptions> options,
    ILogger<RelationshipStrengthRefresher> logger) : BackgroundService
{
    private const int BatchSize = 10_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(options.Value.StrengthRefreshHours), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var changed = await RefreshAsync(scope.ServiceProvider.GetRequiredService<EntregentDb>(), network, stoppingToken);
                logger.LogInformation("Relationship strengths refreshed: {Changed:N0} changed.", changed);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Refreshing relationship strengths failed; the next run will try again.");
            }
        }
    }

    /// <summary>Recomputes every connection's strength; returns how many changed. One streaming read of the connections.</summary>
    public static async Task<int> RefreshAsync(EntregentDb db, NetworkGraph network, CancellationToken cancellationToken)
    {
        var graph = network.Graph;
        var today = network.Today;
        var batch = new List<GraphChange>();
        var changed = 0;
        var activities = await NetworkGraphLoader.ActivitiesAsync(db, null, cancellationToken);
        await foreach (var c in db.Connections.AsNoTracking().Select(c => new { c.MemberId, c.OtherMemberId, c.HowMet })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!network.TryGetDense(c.MemberId, out var a) || !network.TryGetDense(c.OtherMemberId, out var b)
                || !graph.TryGetConnection(a, b, out var current))
            {
                continue;
            }
            var strength = RelationshipStrength.Compute(c.HowMet, graph.GetMemberships(a), graph.GetMemberships(b), today,
                activities.GetValueOrDefault(NetworkGraphLoader.Pair(c.MemberId, c.OtherMemberId)));
            // The graph keeps strengths in 1/255 steps: compare at that resolution.
            if (Math.Abs(strength - current.Strength) >= 0.5f / 255)
            {
                batch.Add(GraphChange.SetStrength(a, b, strength));
                if (batch.Count == BatchSize)
                {
                    graph.Apply(batch);
                    changed += batch.Count;
                    batch.Clear();
                }
            }
        }
        if (batch.Count > 0)
        {
            graph.Apply(batch);
            changed += batch.Count;
        }
        return changed;
    }
}
