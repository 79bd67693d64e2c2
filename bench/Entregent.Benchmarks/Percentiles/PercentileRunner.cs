using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Entregent.Graph;

namespace Entregent.Benchmarks.Percentiles;

/// <summary>
/// Per-query latency percentiles, which BenchmarkDotNet does not give (it times batches): each query is timed
/// alone with <see cref="Stopwatch"/> over many random arguments, after a warm-up, and its allocations are read
/// from the thread's allocation counter. Also measures build time, memory per connection and the bare-BFS
/// ceiling, and prints everything as Markdown tables set against the issue's targets.
/// </summary>
internal static class PercentileRunner
{
    public const string Usage = """
        percentiles [--members 100000] [--degree 50|100] [--seed 1] [--queries 1000] [--staff 10000] [--out file.md]
          Generates the network, builds the graph (build time, bytes per connection), times each query family
          one query at a time (p50, p99, allocations per query) and compares BFS edges/s with a bare BFS.
        """;

    /// <summary>The BFS-ceiling comparison alone: <c>bfs [--members 100000] [--sources 30] [--seed 1]</c>.</summary>
    public static int RunBfs(BenchArguments arguments)
    {
        var members = arguments.Int("members", 100_000);
        var seed = (ulong)arguments.Int("seed", 1);
        var network = Networks.Generate(members, arguments.Double("degree", Networks.DefaultDegree(members)), seed);
        var graph = Networks.Build(network);
        var samples = new QuerySamples(network, seed, Math.Max(arguments.Int("sources", 30), 1));
        var passes = Math.Max(2, arguments.Int("passes", 3));
        Console.WriteLine(BfsCeiling(graph, samples, samples.Viewers.Count, passes: passes));
        Console.WriteLine("Library first:");
        Console.WriteLine(BfsCeiling(graph, samples, samples.Viewers.Count, libraryFirst: true, passes: passes));
        return 0;
    }

    public static int Run(BenchArguments arguments)
    {
        var members = arguments.Int("members", 100_000);
        var degree = arguments.Double("degree", Networks.DefaultDegree(members));
        var seed = (ulong)arguments.Int("seed", 1);
        var queries = arguments.Int("queries", 1_000);
        var staff = arguments.Int("staff", 10_000);
        var report = new StringBuilder();
        void Say(string line)
        {
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        var watch = Stopwatch.StartNew();
        var network = Networks.Generate(members, degree, seed);
        var generation = watch.Elapsed;
        var connections = network.Connections.Count;
        Console.WriteLine($"Generated {members:N0} members, {connections:N0} connections in {generation.TotalSeconds:F1} s");

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var (graph, fill, build) = BuildMeasured(network);

        // Measured here, after BuildMeasured returned, so that the builder is unreachable and collected.
        var heapBytes = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        var snapshotBytes = graph.SnapshotConnectionBytes;

        Say($"### {members.ToString("N0", CultureInfo.InvariantCulture)} members, {connections.ToString("N0", CultureInfo.InvariantCulture)} connections (average degree {degree.ToString(CultureInfo.InvariantCulture)})");
        Say(string.Empty);
        Say("| Measure | Value | Target (1 M / 50 M) |");
        Say("| --- | ---: | --- |");
        Say($"| Generate the synthetic network | {S(generation)} | — |");
        Say($"| Build: feed the builder | {S(fill)} | |");
        Say($"| Build: `GraphBuilder.Build` | {S(build)} | |");
        Say($"| Build total | {S(fill + build)} | < 30 s |");
        Say($"| Connection arrays (`SnapshotConnectionBytes`) per connection | {F((double)snapshotBytes / connections)} B | ≤ 12 B |");
        Say($"| Whole graph on the managed heap (GC.GetTotalMemory delta, memberships included) per connection | {F((double)heapBytes / connections)} B | |");
        Say($"| Whole graph on the managed heap | {(heapBytes / 1024.0 / 1024.0).ToString("N0", CultureInfo.InvariantCulture)} MiB | < 1 GB |");
        Say(string.Empty);

        var organisation = Networks.OrganisationOfSize(network, staff);
        var orgSize = network.Organisations[organisation].CurrentSize;
        var rows = new List<string>();
        var family = 0;
        QuerySamples Fresh() => new(network, seed + (ulong)(++family * 7919), queries);

        var one = Fresh();
        rows.Add(Measure("Degree of one member (`Degree`, bidirectional BFS ≤ 3)", "p99 < 1 ms", one.Pairs.Count,
            i => graph.Degree(one.Pairs[i].A, one.Pairs[i].B)));

        var cold = Fresh();
        var destination = new Degree[50];
        rows.Add(Measure("Degrees of a page of 50, viewer's cache cold (`Degrees`)", "< 20 ms", cold.Viewers.Count,
            i => graph.Degrees(cold.Viewers[i], cold.Pages[i], destination)));

        var warm = Fresh();
        rows.Add(Measure("Degrees of a page of 50, viewer's cache warm", "< 0.2 ms", warm.Viewers.Count,
            i => graph.Degrees(warm.Viewers[i], warm.Pages[i], destination),
            i => graph.Degrees(warm.Viewers[i], warm.Pages[(i + 1) % warm.Pages.Count], destination)));

        var mutual = Fresh();
        rows.Add(Measure("Mutual connections (`MutualConnections`, top 50)", "—", mutual.Pairs.Count,
            i => graph.MutualConnections(mutual.Pairs[i].A, mutual.Pairs[i].B)));

        var path = Fresh();
        rows.Add(Measure("Shortest path length (`ShortestPathLength`)", "—", path.Pairs.Count,
            i => graph.ShortestPathLength(path.Pairs[i].A, path.Pairs[i].B)));

        var all = Fresh();
        rows.Add(Measure("All shortest paths (`AllShortestPaths`, top 100)", "—", all.Pairs.Count,
            i => graph.AllShortestPaths(all.Pairs[i].A, all.Pairs[i].B)));

        var intro = Fresh();
        rows.Add(Measure("Introduction paths (`IntroductionPaths`, best 3 within 3 hops)", "p99 < 5 ms", intro.Pairs.Count,
            i => graph.IntroductionPaths(intro.Pairs[i].A, intro.Pairs[i].B)));

        var reachCold = Fresh();
        rows.Add(Measure($"Reach into an organisation of {orgSize:N0} (`ReachOrganisation`, top 100), cache cold", "p99 < 10 ms",
            reachCold.Viewers.Count, i => graph.ReachOrganisation(reachCold.Viewers[i], organisation)));

        var reachWarm = Fresh();
        rows.Add(Measure($"Reach into an organisation of {orgSize:N0}, cache warm", "p99 < 10 ms", reachWarm.Viewers.Count,
            i => graph.ReachOrganisation(reachWarm.Viewers[i], organisation),
            i => graph.Degrees(reachWarm.Viewers[i], reachWarm.Pages[i], destination)));

        var neighbourhood = Fresh();
        rows.Add(Measure("Neighbourhood within 2 hops (`Neighbourhood`, first 1,000)", "—", neighbourhood.Viewers.Count,
            i => graph.Neighbourhood(neighbourhood.Viewers[i])));

        var suggestCold = Fresh();
        rows.Add(Measure("Suggestions (`Suggestions`, top 20), cache cold", "p99 < 10 ms", suggestCold.Viewers.Count,
            i => graph.Suggestions(suggestCold.Viewers[i])));

        var suggestWarm = Fresh();
        rows.Add(Measure("Suggestions, cache warm", "p99 < 10 ms", suggestWarm.Viewers.Count,
            i => graph.Suggestions(suggestWarm.Viewers[i]),
            i => graph.Degrees(suggestWarm.Viewers[i], suggestWarm.Pages[i], destination)));

        Say("| Query (one at a time, random arguments) | Queries | p50 | p99 | Max | Allocated per query | Target |");
        Say("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var row in rows)
        {
            Say(row);
        }

        Say(string.Empty);
        Say(BfsCeiling(graph, Fresh()));

        if (arguments.String("out") is { } output)
        {
            File.WriteAllText(output, report.ToString());
        }

        GC.KeepAlive(network);
        return 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (SocialGraph Graph, TimeSpan Fill, TimeSpan Build) BuildMeasured(Entregent.Graph.Synthetic.SyntheticNetwork network)
    {
        var watch = Stopwatch.StartNew();
        var builder = Networks.Fill(network);
        var fill = watch.Elapsed;
        watch.Restart();
        var graph = Networks.Build(builder);
        return (graph, fill, watch.Elapsed);
    }

    /// <summary>Times <paramref name="query"/> for each index after a warm-up; <paramref name="prepare"/>, when given,
    /// runs untimed just before each timed query (to warm a viewer's cache).</summary>
    private static string Measure(string name, string target, int count, Action<int> query, Action<int>? prepare = null)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var warmUp = Math.Min(count, 50);
        for (var i = 0; i < warmUp; i++)
        {
            prepare?.Invoke(count - 1 - i);
            query(count - 1 - i);
        }

        var times = new double[count - warmUp];
        long allocated = 0;
        for (var i = 0; i < times.Length; i++)
        {
            prepare?.Invoke(i);
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            query(i);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            allocated += GC.GetAllocatedBytesForCurrentThread() - bytes;
        }

        Array.Sort(times);
        var p50 = times[times.Length / 2];
        var p99 = times[Math.Min(times.Length - 1, (int)Math.Ceiling(times.Length * 0.99) - 1)];
        Console.WriteLine($"{name}: p50 {Ms(p50)}, p99 {Ms(p99)}");
        return $"| {name} | {times.Length} | {Ms(p50)} | {Ms(p99)} | {Ms(times[^1])} | {Bytes(allocated / (double)times.Length)} | {target} |";
    }

    /// <summary>Edges per second of the library's 3-hop neighbourhood BFS against the bare BFS over the same arrays.</summary>
    private static string BfsCeiling(SocialGraph graph, QuerySamples samples, int sourceCount = 30, bool libraryFirst = false, int passes = 3)
    {
        var bare = new BareBfs(graph);
        var sources = samples.Viewers.Take(sourceCount).ToList();
        long edges = 0;
        double bareMs = 0, libraryMs = 0;
        long reached = 0;

        // Tiered JIT first: until both loops run tier-1 code (30 calls plus on-stack replacement), whichever side
        // is still on its OSR version looks slower; with only a few passes that skewed the ratio by 30 points.
        for (var i = 0; i < 40; i++)
        {
            bare.Run(sources[i % sources.Count], 3);
            graph.Neighbourhood(sources[i % sources.Count], 3, static _ => false, int.MaxValue);
        }

        // Whole passes, not alternating per source: a bare run just before the library's on the same source would
        // leave the library a warm cache. Pass 0 warms both (pages) and is not counted.
        for (var pass = 0; pass < passes; pass++)
        {
            if (libraryFirst)
            {
                libraryMs += pass > 0 ? LibraryPass(graph, sources) : 0;
            }

            var start = Stopwatch.GetTimestamp();
            foreach (var source in sources)
            {
                var (scanned, count) = bare.Run(source, 3);
                if (pass > 0)
                {
                    edges += scanned;
                    reached += count;
                }
            }

            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            bareMs += pass > 0 ? elapsed : 0;
            if (!libraryFirst)
            {
                libraryMs += pass > 0 ? LibraryPass(graph, sources) : 0;
            }
        }

        var runs = sources.Count * (passes - 1);
        var bareRate = edges / (bareMs / 1000);
        var libraryRate = edges / (libraryMs / 1000);
        var builder = new StringBuilder();
        builder.AppendLine($"| BFS to 3 hops from {sources.Count} random members, {passes - 1} times each | Edges scanned (avg) | Members reached (avg) | Time (avg) | Edges/s |");
        builder.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        builder.AppendLine(CultureInfo.InvariantCulture, $"| Bare BFS over the snapshot's CSR arrays (ceiling) | {edges / runs:N0} | {reached / runs:N0} | {Ms(bareMs / runs)} | {Rate(bareRate)} |");
        builder.AppendLine(CultureInfo.InvariantCulture, $"| Library `Neighbourhood(v, 3)` (visibility checks, results filtered out) | same | same | {Ms(libraryMs / runs)} | {Rate(libraryRate)} |");
        builder.AppendLine(CultureInfo.InvariantCulture, $"| **Ratio library / ceiling** | | | | **{(libraryRate / bareRate).ToString("P0", CultureInfo.InvariantCulture)}** |");
        return builder.ToString();
    }

    private static double LibraryPass(SocialGraph graph, List<int> sources)
    {
        var start = Stopwatch.GetTimestamp();
        foreach (var source in sources)
        {
            graph.Neighbourhood(source, 3, static _ => false, int.MaxValue);
        }

        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static string S(TimeSpan t) => $"{t.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s";

    private static string F(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

    private static string Rate(double edgesPerSecond) =>
        $"{(edgesPerSecond / 1e6).ToString("F0", CultureInfo.InvariantCulture)} M";

    private static string Bytes(double bytes) => bytes switch
    {
        < 1024 => $"{bytes.ToString("F0", CultureInfo.InvariantCulture)} B",
        < 1024 * 1024 => $"{(bytes / 1024).ToString("F1", CultureInfo.InvariantCulture)} KiB",
        _ => $"{(bytes / 1024 / 1024).ToString("F1", CultureInfo.InvariantCulture)} MiB",
    };

    internal static string Ms(double milliseconds) => milliseconds switch
    {
        < 1 => $"{(milliseconds * 1000).ToString("F0", CultureInfo.InvariantCulture)} µs",
        < 100 => $"{milliseconds.ToString("F2", CultureInfo.InvariantCulture)} ms",
        _ => $"{milliseconds.ToString("F0", CultureInfo.InvariantCulture)} ms",
    };
}
