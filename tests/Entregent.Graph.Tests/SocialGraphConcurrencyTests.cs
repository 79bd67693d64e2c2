using System.Diagnostics;
using System.Collections.Concurrent;

namespace Entregent.Graph.Tests;

/// <summary>
/// Readers race one writer and a compactor. Every batch the writer applies keeps an invariant that a single query can
/// check, so a reader that ever saw half a batch (or a torn snapshot swap) fails.
/// </summary>
public class SocialGraphConcurrencyTests
{
    private const int HubA = 0;
    private const int HubB = 1;
    private const int PoolStart = 2;
    private const int PoolSize = 120;
    private const int Linked = 40;

    [Fact]
    public async Task Queries_DuringConcurrentBatchesAndCompaction_AlwaysSeeWholeBatches()
    {
        var ct = TestContext.Current.CancellationToken;
        var (graph, linked) = Build();
        var connections = graph.ConnectionCount;
        var pool = Enumerable.Range(PoolStart, PoolSize).ToArray();
        var failures = new ConcurrentQueue<string>();
        var versionsSeen = new ConcurrentDictionary<long, byte>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);

        var writer = Task.Run(
            () =>
            {
                var random = new Random(3);
                var unlinked = pool.Except(linked).ToList();
                var clock = Stopwatch.StartNew();
                for (var i = 0; clock.Elapsed < TimeSpan.FromSeconds(3) && !ct.IsCancellationRequested; i++)
                {
                    // Move one pool member's two hub connections to an unlinked member: K stays K.
                    var outIndex = random.Next(linked.Count);
                    var inIndex = random.Next(unlinked.Count);
                    var (gone, added) = (linked[outIndex], unlinked[inIndex]);
                    var strength = (float)random.NextDouble();
                    var retuned = linked[random.Next(linked.Count)];
                    graph.Apply(
                    [
                        GraphChange.Disconnect(HubA, gone),
                        GraphChange.Connect(HubA, added, strength, TestGraphs.Created),
                        GraphChange.Disconnect(gone, HubB),
                        GraphChange.Connect(added, HubB, strength, TestGraphs.Created),
                        GraphChange.SetStrength(HubA, retuned, strength / 2),
                        GraphChange.SetStrength(retuned, HubB, strength / 2),
                    ]);
                    (linked[outIndex], unlinked[inIndex]) = (added, gone);
                }

                stop.Cancel();
            },
            ct);

        var compactor = Task.Run(
            async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await graph.CompactAsync(CancellationToken.None);
                    await Task.Delay(20, CancellationToken.None);
                }
            },
            CancellationToken.None);

        var readers = Enumerable.Range(0, 2).Select(r => Task.Run(
            () =>
            {
                var reads = 0;
                while (!stop.IsCancellationRequested || reads < 50)
                {
                    reads++;
                    versionsSeen.TryAdd(graph.Version, 0);
                    Check(graph.ConnectionCount == connections, $"connection count {graph.ConnectionCount}");
                    Check(graph.MutualConnectionCount(HubA, HubB) == Linked, "mutual count");
                    var mutuals = graph.MutualConnections(HubA, HubB, int.MaxValue);
                    Check(mutuals.Count == Linked && mutuals.All(m => m.ViewerStrength == m.OtherStrength), "mutual list");
                    Check(graph.GetConnections(HubA).Count == Linked, "hub row");
                    var page = graph.Degrees(r == 0 ? HubA : HubB, pool);
                    Check(page.Count(d => d == Degree.First) == Linked && page.All(d => d is Degree.First or Degree.None), "degrees page");
                    Check(graph.Degree(HubA, HubB) == Degree.Second, "degree");
                    Check(graph.IntroductionPaths(HubA, HubB, 1000).Count == Linked, "introduction paths");
                    Check(graph.AllShortestPaths(HubB, HubA, 1000).Count == Linked, "all shortest paths");
                    var reach = graph.Reach(HubA, pool, new ReachOptions { MaxResults = 1000 });
                    Check(reach.Count == Linked && reach.All(x => x.Distance == 1), "reach");
                    var suggestion = graph.Suggestions(HubA, new SuggestionOptions { MaxResults = 1 });
                    Check(suggestion.Count == 1 && suggestion[0].Member == HubB && suggestion[0].CommonConnections == Linked, "suggestions");
                    Check(graph.Neighbourhood(HubB, 2).Count == Linked + 1, "neighbourhood");
                }
            },
            CancellationToken.None)).ToArray();

        await Task.WhenAll([writer, compactor, .. readers]);

        Assert.Empty(failures);
        Assert.True(versionsSeen.Count > 10, $"readers saw only {versionsSeen.Count} versions");
        Assert.True(graph.Version > 10);
        graph.Compact();
        Assert.Equal(connections, graph.ConnectionCount);

        void Check(bool condition, string what)
        {
            if (!condition)
            {
                failures.Enqueue(what);
            }
        }
    }

    private static (SocialGraph Graph, List<int> Linked) Build()
    {
        var builder = new GraphBuilder();
        var linked = Enumerable.Range(PoolStart, Linked).ToList();
        foreach (var member in linked)
        {
            builder.AddConnection(HubA, member, 0.5f, TestGraphs.Created);
            builder.AddConnection(member, HubB, 0.5f, TestGraphs.Created);
        }

        // Unrelated members keep the snapshot busy without touching the invariant.
        var random = new Random(8);
        for (var i = 0; i < 2_000; i++)
        {
            var a = 200 + random.Next(500);
            var b = 200 + random.Next(500);
            builder.AddConnection(a, b, 0.3f, TestGraphs.Created);
        }

        builder.AddMember(PoolStart + PoolSize);
        return (builder.Build(new SocialGraphOptions { CompactionThreshold = 64 }), linked);
    }
}
