using BenchmarkDotNet.Attributes;

namespace Entregent.Benchmarks.Suites;

/// <summary>
/// The library's 3-hop BFS against the ceiling: a bare BFS over the same CSR arrays doing no other work. Both
/// scan the same edges from the same sources, so BenchmarkDotNet's Ratio column is the ratio of edges per second
/// (inverted: 1.25 means the library runs at 80 % of the ceiling).
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class BfsBenchmarks : GraphSuite
{
    private const int Sources = 8;
    private BareBfs _bare = null!;

    [GlobalSetup(Target = nameof(Bare))]
    public void SetupBare()
    {
        Setup();
        _bare = new BareBfs(Graph);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Sources, Description = "Bare BFS, 3 hops (ceiling)")]
    public long Bare()
    {
        long edges = 0;
        for (var i = 0; i < Sources; i++)
        {
            edges += _bare.Run(Loaded.Samples.Viewers[i], 3).Edges;
        }

        return edges;
    }

    [Benchmark(OperationsPerInvoke = Sources, Description = "Neighbourhood(v, 3), results filtered out")]
    public int Library()
    {
        var sum = 0;
        for (var i = 0; i < Sources; i++)
        {
            sum += Graph.Neighbourhood(Loaded.Samples.Viewers[i], 3, static _ => false, int.MaxValue).Count;
        }

        return sum;
    }
}
