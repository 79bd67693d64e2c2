using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Entregent.Graph;
using Entregent.Graph.Synthetic;

namespace Entregent.Benchmarks.Suites;

/// <summary>Build time: feeding a builder with the whole network and building the snapshot (one operation each).</summary>
[Config(typeof(ShortInProcessConfig))]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3, id: "Build")]
public class BuildBenchmarks
{
    private SyntheticNetwork _network = null!;
    private GraphBuilder _builder = null!;

    [ParamsSource(nameof(Sizes))]
    public int Members { get; set; }

    public static IEnumerable<int> Sizes() => LoadedGraph.Sizes();

    [GlobalSetup]
    public void Setup()
    {
        _network = Networks.Generate(Members, Networks.DefaultDegree(Members));
        _builder = Networks.Fill(_network);
    }

    [Benchmark(Description = "Fill the builder (connections + memberships)")]
    public GraphBuilder Fill() => Networks.Fill(_network);

    [Benchmark(Description = "GraphBuilder.Build")]
    public SocialGraph Build() => Networks.Build(_builder);
}
