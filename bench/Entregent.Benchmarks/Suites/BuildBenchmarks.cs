using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Entregent.Graph;
using Entregent.Graph.Synthetic;

namespace Entregent.Benchmarks.Suites;

/// <summary>Build time: feeding a builder with the whole network and building the snapshot (one operation each).</summary>
[Config(typeof(BuildConfig))]
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

/// <summary>Builds take seconds each at 1 M members: measure each once per iteration, three iterations, no warm-up.</summary>
public sealed class BuildConfig : ManualConfig
{
    public BuildConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(0)
            .WithIterationCount(3)
            .WithId("Build"));
        AddDiagnoser(MemoryDiagnoser.Default);
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}
