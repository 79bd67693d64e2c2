using BenchmarkDotNet.Attributes;

namespace Entregent.Benchmarks.Suites;

/// <summary>Mutual connections, shortest path length, all shortest paths and introduction paths between random pairs.</summary>
[Config(typeof(ShortInProcessConfig))]
public class PathBenchmarks : GraphSuite
{
    [Benchmark(OperationsPerInvoke = Batch, Description = "MutualConnections (top 50)")]
    public int Mutual()
    {
        var sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            var (a, b) = Loaded.Samples.Pairs[NextCold()];
            sum += Graph.MutualConnections(a, b).Count;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "ShortestPathLength")]
    public int ShortestPathLength()
    {
        var sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            var (a, b) = Loaded.Samples.Pairs[NextCold()];
            sum += Graph.ShortestPathLength(a, b);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "AllShortestPaths (top 100)")]
    public int AllShortestPaths()
    {
        var sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            var (a, b) = Loaded.Samples.Pairs[NextCold()];
            sum += Graph.AllShortestPaths(a, b).Count;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "IntroductionPaths (best 3)")]
    public int IntroductionPaths()
    {
        var sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            var (a, b) = Loaded.Samples.Pairs[NextCold()];
            sum += Graph.IntroductionPaths(a, b).Count;
        }

        return sum;
    }
}
