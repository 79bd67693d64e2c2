using System.Diagnostics;
using System.Globalization;
using Entregent.Graph.Synthetic;

namespace Entregent.Benchmarks.Compare;

/// <summary>
/// The side-by-side comparison: one synthetic network loaded into the graph, PostgreSQL and SQLite, the same
/// random queries asked of each, answers checked against each other, medians and ratios printed as one
/// Markdown table. It starts nothing: PostgreSQL must be running already (pass <c>--pg</c>, or leave it out
/// to compare with SQLite only); the SQLite file is created where <c>--sqlite</c> says.
/// </summary>
internal static class CompareRunner
{
    public const string Usage = """
        compare [--members 100000] [--degree 50] [--seed 1] [--queries 200] [--budget-seconds 60]
                [--pg "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres"] [--sqlite /tmp/entregent-compare.db]
          Loads one synthetic network into the graph, PostgreSQL (schema entregent_bench, dropped and recreated)
          and SQLite, then times degree, path length, reach and suggestions on each and prints medians and ratios.
        """;

    public static int Run(BenchArguments arguments)
    {
        var members = arguments.Int("members", 100_000);
        var degree = arguments.Double("degree", 50);
        var seed = (ulong)arguments.Int("seed", 1);
        var queries = arguments.Int("queries", 200);
        var budget = TimeSpan.FromSeconds(arguments.Int("budget-seconds", 60));
        var pg = arguments.String("pg");
        var sqlitePath = arguments.String("sqlite") ?? Path.Combine(Path.GetTempPath(), "entregent-compare.db");

        var watch = Stopwatch.StartNew();
        var network = Networks.Generate(members, degree, seed);
        Console.WriteLine($"Generated {members:N0} members, {network.Connections.Count:N0} connections in {watch.Elapsed.TotalSeconds:F1} s");

        watch.Restart();
        var graph = new GraphSide(network);
        Console.WriteLine($"Graph built in {watch.Elapsed.TotalSeconds:F1} s");

        var databases = new List<SqlDatabase>();
        try
        {
            if (pg is not null)
            {
                databases.Add(SqlDatabase.LoadPostgres(pg, network));
                Console.WriteLine($"PostgreSQL loaded in {databases[^1].LoadTime.TotalSeconds:F1} s");
            }

            databases.Add(SqlDatabase.LoadSqlite(sqlitePath, network));
            Console.WriteLine($"SQLite loaded in {databases[^1].LoadTime.TotalSeconds:F1} s ({sqlitePath})");

            var samples = new QuerySamples(network, seed, queries);
            Console.WriteLine($"Reach organisation: {samples.Organisation} ({network.Organisations[samples.Organisation].CurrentSize:N0} current staff)");
            var rows = new List<CompareRow>
            {
                Measure("Degree (1st/2nd/3rd) of a pair", samples.Pairs, budget, graph, databases,
                    (g, p) => g.Degree(p.A, p.B), (d, p) => d.Degree(p.A, p.B), (x, y) => x == y),
                Measure("Shortest path length (SQL: up to 5)", samples.Pairs, budget, graph, databases,
                    (g, p) => g.PathLength(p.A, p.B), (d, p) => d.PathLength(p.A, p.B), (x, y) => x == y || (y == -1 && x > 5)),
                Measure($"Reach: staff of org #{samples.Organisation} within 3 hops", samples.Viewers, budget, graph, databases,
                    (g, v) => g.Reach(v, samples.Organisation), (d, v) => d.Reach(v, samples.Organisation), (x, y) => x == y),
                Measure("Suggestions: top 20 friends of friends", samples.Viewers, budget, graph, databases,
                    (g, v) => g.Suggestions(v), (d, v) => d.Suggestions(v), SameCommonCounts),
            };

            Console.WriteLine();
            Console.WriteLine(CompareRow.Table(rows, databases.Select(d => d.Name).ToList(), members, network.Connections.Count));
            Console.WriteLine("Versions: " + string.Join(", ", databases.Select(d => $"{d.Name} {d.Version}"))
                + $"; .NET {Environment.Version}; {Environment.ProcessorCount} cores");
            Console.WriteLine("Load times: " + string.Join(", ", databases.Select(d => $"{d.Name} {d.LoadTime.TotalSeconds:F0} s")));
            return 0;
        }
        finally
        {
            foreach (var database in databases)
            {
                database.Dispose();
            }
        }
    }

    /// <summary>Ties at the cut-off may pick different members: compare the ranked common counts only.</summary>
    private static bool SameCommonCounts(List<(int Member, int Common)> graph, List<(int Member, int Common)> sql) =>
        graph.Select(s => s.Common).SequenceEqual(sql.Select(s => s.Common));

    private static CompareRow Measure<TQuery, TAnswer>(
        string name,
        IReadOnlyList<TQuery> queries,
        TimeSpan budget,
        GraphSide graph,
        List<SqlDatabase> databases,
        Func<GraphSide, TQuery, TAnswer> askGraph,
        Func<SqlDatabase, TQuery, TAnswer> askSql,
        Func<TAnswer, TAnswer, bool> agree)
    {
        Console.WriteLine($"Measuring {name}...");

        // Warm-up: JIT, plan caches, page cache.
        foreach (var query in queries.Take(5))
        {
            askGraph(graph, query);
            foreach (var database in databases)
            {
                askSql(database, query);
            }
        }

        var graphAnswers = new List<TAnswer>(queries.Count);
        var graphTimes = Time(queries, budget, q => graphAnswers.Add(askGraph(graph, q)));
        var sqlResults = new List<SideResult>();
        foreach (var database in databases)
        {
            var disagreements = 0;
            var index = 0;
            var times = Time(queries, budget, q =>
            {
                var answer = askSql(database, q);
                if (index < graphAnswers.Count && !agree(graphAnswers[index], answer))
                {
                    disagreements++;
                }

                index++;
            });
            sqlResults.Add(new SideResult(times, disagreements));
            Console.WriteLine($"  {database.Name}: {times.Count} queries, median {Median(times):F3} ms, {disagreements} disagreements");
        }

        Console.WriteLine($"  graph: {graphTimes.Count} queries, median {Median(graphTimes):F3} ms");
        return new CompareRow(name, new SideResult(graphTimes, 0), sqlResults);
    }

    /// <summary>Times each query alone, in order, until all are done or the budget is spent.</summary>
    private static List<double> Time<TQuery>(IReadOnlyList<TQuery> queries, TimeSpan budget, Action<TQuery> run)
    {
        var times = new List<double>(queries.Count);
        var total = Stopwatch.StartNew();
        foreach (var query in queries)
        {
            var start = Stopwatch.GetTimestamp();
            run(query);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (total.Elapsed > budget)
            {
                break;
            }
        }

        return times;
    }

    public static double Median(List<double> times)
    {
        if (times.Count == 0)
        {
            return double.NaN;
        }

        var sorted = times.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    internal sealed record SideResult(List<double> Times, int Disagreements);

    internal sealed record CompareRow(string Query, SideResult Graph, List<SideResult> Sql)
    {
        public static string Table(List<CompareRow> rows, List<string> databases, int members, int connections)
        {
            var header = "| Query (" + members.ToString("N0", CultureInfo.InvariantCulture) + " members, "
                + connections.ToString("N0", CultureInfo.InvariantCulture) + " connections) | Graph median |";
            var rule = "| --- | ---: |";
            foreach (var database in databases)
            {
                header += $" {database} median | {database} / graph |";
                rule += " ---: | ---: |";
            }

            var lines = new List<string> { header, rule };
            foreach (var row in rows)
            {
                var graphMedian = Median(row.Graph.Times);
                var line = $"| {row.Query} | {Ms(graphMedian)} |";
                foreach (var sql in row.Sql)
                {
                    var median = Median(sql.Times);
                    var note = sql.Disagreements > 0 ? $" ({sql.Disagreements} answers differ)" : string.Empty;
                    line += $" {Ms(median)}{note} | {Ratio(median / graphMedian)} |";
                }

                lines.Add(line);
            }

            lines.Add(string.Empty);
            lines.Add("Queries timed per side: " + string.Join(", ", rows.Select(r =>
                $"{r.Graph.Times.Count}/{string.Join("/", r.Sql.Select(s => s.Times.Count))}")));
            return string.Join(Environment.NewLine, lines);
        }

        private static string Ratio(double ratio) =>
            ratio < 10 ? $"{ratio.ToString("F1", CultureInfo.InvariantCulture)}×" : $"{ratio.ToString("N0", CultureInfo.InvariantCulture)}×";

        private static string Ms(double milliseconds) => milliseconds switch
        {
            < 0.01 => $"{(milliseconds * 1000).ToString("F1", CultureInfo.InvariantCulture)} µs",
            < 1 => $"{(milliseconds * 1000).ToString("F0", CultureInfo.InvariantCulture)} µs",
            < 100 => $"{milliseconds.ToString("F2", CultureInfo.InvariantCulture)} ms",
            _ => $"{milliseconds.ToString("F0", CultureInfo.InvariantCulture)} ms",
        };
    }
}
