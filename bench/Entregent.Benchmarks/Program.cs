using BenchmarkDotNet.Running;
using Entregent.Benchmarks;
using Entregent.Benchmarks.Compare;
using Entregent.Benchmarks.Feed;
using Entregent.Benchmarks.Ldbc;
using Entregent.Benchmarks.Messaging;
using Entregent.Benchmarks.Percentiles;
using Entregent.Benchmarks.Search;

// Modes: "compare" (graph vs PostgreSQL and SQLite), "ldbc-compare" (IC13 and IC11 on LDBC data, graph vs
// PostgreSQL), "search-compare" (issue 5's search questions, the app's API vs PostgreSQL full-text search), "feed-compare" (issue 6's home feed, the app's API vs one SQL query), "percentiles" (per-query p50/p99, memory, build time), "bfs" (BFS ceiling) and, for anything else, BenchmarkDotNet's switcher over the benchmark classes.
switch (args.FirstOrDefault())
{
    case "compare":
        return CompareRunner.Run(new BenchArguments(args.Skip(1)));
    case "ldbc-compare":
        return LdbcCompareRunner.Run(new BenchArguments(args.Skip(1)));
    case "search-compare":
        return SearchCompareRunner.Run(new BenchArguments(args.Skip(1)));
    case "feed-compare":
        return FeedCompareRunner.Run(new BenchArguments(args.Skip(1)));
    case "percentiles":
        return PercentileRunner.Run(new BenchArguments(args.Skip(1)));
    case "messaging-latency":
        return MessagingLatencyRunner.Run(new BenchArguments(args.Skip(1)));
    case "bfs":
        return PercentileRunner.RunBfs(new BenchArguments(args.Skip(1)));
    case "help" or "--help" or "-h":
        Console.WriteLine(CompareRunner.Usage);
        Console.WriteLine(PercentileRunner.Usage);
        Console.WriteLine(LdbcCompareRunner.Usage);
        Console.WriteLine(SearchCompareRunner.Usage);
        Console.WriteLine(FeedCompareRunner.Usage);
        Console.WriteLine(MessagingLatencyRunner.Usage);
        Console.WriteLine("Anything else goes to BenchmarkDotNet, e.g. --filter '*Degree*'; set ENTREGENT_BENCH_SIZES=100000,1000000.");
        return 0;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Networks).Assembly).Run(args);
        return 0;
}
