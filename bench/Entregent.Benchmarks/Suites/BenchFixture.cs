using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Entregent.Graph;

namespace Entregent.Benchmarks.Suites;

/// <summary>
/// One short in-process job for every suite: in-process so that the 1 M-member graph (a minute to generate and
/// build) is made once per run and shared by every benchmark, short because the machine is small and shared.
/// Each invocation runs a batch of different random queries, so Mean is per query and P50/P95 are over batches;
/// per-query percentiles come from the <c>percentiles</c> mode.
/// </summary>
public sealed class ShortInProcessConfig : ManualConfig
{
    public ShortInProcessConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(6)
            .WithId("Short"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.P50, StatisticColumn.P95);
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}

/// <summary>A generated network built into a graph, with random query arguments; made once per size per process.</summary>
public sealed class LoadedGraph
{
    /// <summary>Viewers cycled through for "cold" queries: more than the graph's 1,024 cached viewer networks.</summary>
    public const int ColdCycle = 4_096;

    private static readonly Dictionary<int, LoadedGraph> Loaded = [];
    private static readonly Lock Gate = new();

    private LoadedGraph(int members)
    {
        var network = Networks.Generate(members, Networks.DefaultDegree(members));
        Graph = Networks.Build(network);
        Samples = new QuerySamples(network, seed: 1, ColdCycle);
        Organisation = Networks.OrganisationOfSize(network, members / 100);
        OrganisationStaff = network.Organisations[Organisation].CurrentSize;
        Connections = network.Connections.Count;
    }

    public SocialGraph Graph { get; }

    internal QuerySamples Samples { get; }

    /// <summary>A company with about 1 % of the members as current staff (10 k at 1 M members).</summary>
    public int Organisation { get; }

    public int OrganisationStaff { get; }

    public int Connections { get; }

    public static LoadedGraph Get(int members)
    {
        lock (Gate)
        {
            if (!Loaded.TryGetValue(members, out var loaded))
            {
                loaded = new LoadedGraph(members);
                Loaded[members] = loaded;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"// Loaded {members:N0} members, {loaded.Connections:N0} connections; organisation {loaded.Organisation} has {loaded.OrganisationStaff:N0} current staff"));
            }

            return loaded;
        }
    }

    /// <summary>Sizes to run: ENTREGENT_BENCH_SIZES (comma-separated), default 100,000 and 1,000,000.</summary>
    public static IEnumerable<int> Sizes() =>
        (Environment.GetEnvironmentVariable("ENTREGENT_BENCH_SIZES") ?? "100000,1000000")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture));
}

/// <summary>Base of the query suites: the size parameter, the loaded graph and a cursor over random arguments.</summary>
public abstract class GraphSuite
{
    /// <summary>Queries per benchmark invocation; results are per query.</summary>
    public const int Batch = 64;

    private int _cursor;

    [ParamsSource(nameof(Sizes))]
    public int Members { get; set; }

    public static IEnumerable<int> Sizes() => LoadedGraph.Sizes();

    protected LoadedGraph Loaded { get; private set; } = null!;

    protected SocialGraph Graph => Loaded.Graph;

    [GlobalSetup]
    public void Setup() => Loaded = LoadedGraph.Get(Members);

    /// <summary>Next argument index in the cold cycle (never within the last 1,024, so never cached).</summary>
    protected int NextCold() => _cursor = (_cursor + 1) % LoadedGraph.ColdCycle;

    /// <summary>Next argument index among the first 64 (cached after the first pass).</summary>
    protected int NextWarm() => _cursor = (_cursor + 1) % Batch;
}
