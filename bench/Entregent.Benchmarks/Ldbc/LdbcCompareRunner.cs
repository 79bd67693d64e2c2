using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Entregent.Graph;
using static Entregent.Benchmarks.Timings;

namespace Entregent.Benchmarks.Ldbc;

/// <summary>
/// Queries modelled on LDBC SNB Interactive v1 IC13 (shortest path length) and IC11 (friends and friends of friends
/// working in a country since before a year), on LDBC-generated data: the graph library against the best SQL we could
/// write on PostgreSQL over the same rows. Every answer is checked against the other side, and, where the data set
/// comes with them, against LDBC's expected answers. Like <c>compare</c>, it starts nothing: PostgreSQL must be running.
/// </summary>
internal static class LdbcCompareRunner
{
    public const string Usage = """
        ldbc-compare --pg "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres"
                     [--data /work/shared/ldbc/sf0.1-partial] [--expected /work/shared/ldbc/tiny-expected/official-params.csv]
                     [--queries 300] [--seed 1] [--app-pg "<the app's database after entregent ldbc import>"]
          Loads an LDBC graph (tiny or sf0.1-partial layout) into the graph and PostgreSQL (schema ldbc_bench, dropped
          and recreated), then times IC13 and IC11 on both over the official parameters (when the data set has them) and
          seeded random ones, checks the answers agree, and prints medians, p99 and ratios. With --app-pg, the same
          SQL also runs on the app's own tables (connections, positions, organizations, external_keys) as imported
          by `entregent ldbc import` from the same folder.
        """;

    private static readonly ReachOptions TwoHops = new() { MaxDepth = 2, MaxResults = int.MaxValue, MaxIntermediaries = 1 };

    public static int Run(BenchArguments arguments)
    {
        var directory = arguments.String("data") ?? "/work/shared/ldbc/sf0.1-partial";
        var pg = arguments.String("pg") ?? throw new ArgumentException("--pg is required: " + Usage);
        var queries = arguments.Int("queries", 300);
        var random = new Random(arguments.Int("seed", 1));

        var watch = Stopwatch.StartNew();
        var data = LdbcData.Load(directory);
        Console.WriteLine($"Read {data.PersonIds.Count:N0} persons, {data.Knows.Count:N0} knows, {data.WorkAt.Count:N0} workAt from {directory} in {watch.Elapsed.TotalSeconds:F1} s");
        watch.Restart();
        var graph = new GraphSide(data);
        Console.WriteLine($"Graph built in {watch.Elapsed.TotalMilliseconds:F0} ms");
        using var sql = LdbcSql.Load(pg, data);
        Console.WriteLine($"PostgreSQL {sql.Version} loaded in {sql.LoadTime.TotalSeconds:F1} s");
        using var app = arguments.String("app-pg") is { } appPg ? new LdbcAppSql(appPg) : null;
        if (app is not null)
        {
            Console.WriteLine($"App tables: {app.ImportedMembers:N0} imported members");
        }

        var (officialIc13, officialIc11) = OfficialParameters(directory);
        var ic13 = officialIc13.Concat(Enumerable.Range(0, queries).Select(_ =>
            (data.PersonIds[random.Next(data.PersonIds.Count)], data.PersonIds[random.Next(data.PersonIds.Count)]))).ToList();
        var ic11 = officialIc11.Concat(Enumerable.Range(0, queries).Select(_ =>
        {
            var work = data.WorkAt[random.Next(data.WorkAt.Count)];
            return (data.PersonIds[random.Next(data.PersonIds.Count)], data.CountryOf(work.Organisation), random.Next(2000, 2014));
        })).ToList();

        var failures = 0;
        var expected = arguments.String("expected");
        if (expected is not null)
        {
            failures += CheckExpected(expected, graph, sql, app);
        }

        var ic13Sides = new List<(string, Func<(long, long), int>)> { ("benchmark tables", p => sql.Ic13(p.Item1, p.Item2)) };
        var ic11Sides = new List<(string, Func<(long, string, int), List<Ic11Row>>)> { ("benchmark tables", p => sql.Ic11(p.Item1, p.Item2, p.Item3)) };
        if (app is not null)
        {
            ic13Sides.Add(("app tables", p => app.Ic13(p.Item1, p.Item2)));
            ic11Sides.Add(("app tables", p => app.Ic11(p.Item1, p.Item2, p.Item3)));
        }

        var rows = new List<string>();
        rows.AddRange(Measure("IC13 shortest path length", ic13, p => graph.Ic13(p.Item1, p.Item2), ic13Sides,
            (a, b) => a == b, ref failures, a => a == -1 ? "unreachable" : null));
        rows.AddRange(Measure("IC11 friends & friends of friends at a company in a country", ic11,
            p => graph.Ic11(p.Item1, p.Item2, p.Item3), ic11Sides,
            (a, b) => a.SequenceEqual(b), ref failures, a => a.Count == 0 ? "empty" : null));

        Console.WriteLine();
        Console.WriteLine($"| Query ({data.PersonIds.Count:N0} persons, {data.Knows.Count:N0} knows) | PostgreSQL on | Parameter sets | Graph median / p99 | PostgreSQL median / p99 | SQL / graph (median, p99) |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine($"PostgreSQL {sql.Version}; .NET {Environment.Version}; {Environment.ProcessorCount} cores; disagreements: {failures}");
        return failures == 0 ? 0 : 1;
    }

    private static List<string> Measure<TQuery, TAnswer>(string name, List<TQuery> queries, Func<TQuery, TAnswer> askGraph,
        List<(string Name, Func<TQuery, TAnswer> Ask)> sides, Func<TAnswer, TAnswer, bool> agree, ref int failures,
        Func<TAnswer, string?> kind)
    {
        // Warm-up, one untimed pass over every parameter set on each side: with only a few queries first, the graph's
        // first timed pass ran in tier-0 JIT code (IC11 on tiny: median 105 µs, then 6 µs on every later pass).
        foreach (var query in queries)
        {
            askGraph(query);
            sides.ForEach(side => side.Ask(query));
        }

        var graphAnswers = new List<TAnswer>(queries.Count);
        var graphTimes = Time(queries, q => graphAnswers.Add(askGraph(q)));
        var kinds = graphAnswers.Select(kind).OfType<string>().GroupBy(k => k).Select(g => $"{g.Count()} {g.Key}");
        var rows = new List<string>();
        foreach (var (sideName, ask) in sides)
        {
            var sqlAnswers = new List<TAnswer>(queries.Count);
            var sqlTimes = Time(queries, q => sqlAnswers.Add(ask(q)));
            var disagreements = 0;
            for (var i = 0; i < queries.Count; i++)
            {
                if (!agree(graphAnswers[i], sqlAnswers[i]))
                {
                    disagreements++;
                    Console.WriteLine($"  {name} ({sideName}): answers differ for {queries[i]}");
                }
            }

            failures += disagreements;
            Console.WriteLine($"{name}, {sideName}: {queries.Count} parameter sets ({string.Join(", ", kinds)}), {disagreements} disagreements; "
                + $"graph median {Median(graphTimes):F3} ms, PostgreSQL median {Median(sqlTimes):F3} ms");
            rows.Add($"| {name} | {sideName} | {queries.Count} | {Ms(Median(graphTimes))} / {Ms(P99(graphTimes))} | "
                + $"{Ms(Median(sqlTimes))} / {Ms(P99(sqlTimes))} | "
                + $"{Ratio(Median(sqlTimes) / Median(graphTimes))}, {Ratio(P99(sqlTimes) / P99(graphTimes))} |");
        }

        return rows;
    }

    /// <summary>The substitution parameters shipped with the data set (tiny has them; sf0.1-partial does not).</summary>
    private static (List<(long, long)> Ic13, List<(long, string, int)> Ic11) OfficialParameters(string directory)
    {
        var folder = Path.Combine(directory, "substitution_parameters");
        if (!Directory.Exists(folder))
        {
            return ([], []);
        }

        var ic13 = File.ReadLines(Path.Combine(folder, "interactive_13_param.txt")).Skip(1).Select(l => l.Split('|'))
            .Select(r => (long.Parse(r[0], CultureInfo.InvariantCulture), long.Parse(r[1], CultureInfo.InvariantCulture))).ToList();
        var ic11 = File.ReadLines(Path.Combine(folder, "interactive_11_param.txt")).Skip(1).Select(l => l.Split('|'))
            .Select(r => (long.Parse(r[0], CultureInfo.InvariantCulture), r[1], int.Parse(r[2], CultureInfo.InvariantCulture))).ToList();
        return (ic13, ic11);
    }

    /// <summary>Both sides against LDBC's expected answers (one "operation JSON|result JSON" per line); returns the mismatches.</summary>
    private static int CheckExpected(string path, GraphSide graph, LdbcSql sql, LdbcAppSql? app)
    {
        int checkedCount = 0, mismatches = 0;
        foreach (var line in File.ReadLines(path))
        {
            var split = line.IndexOf("}|", StringComparison.Ordinal);
            using var operation = JsonDocument.Parse(line[..(split + 1)]);
            using var result = JsonDocument.Parse(line[(split + 2)..]);
            var o = operation.RootElement;
            if (o.TryGetProperty("person1IdQ13StartNode", out var from))
            {
                var want = result.RootElement.GetProperty("shortestPathLength").GetInt32();
                var to = o.GetProperty("person2IdQ13EndNode").GetInt64();
                mismatches += graph.Ic13(from.GetInt64(), to) == want && sql.Ic13(from.GetInt64(), to) == want
                    && (app is null || app.Ic13(from.GetInt64(), to) == want) ? 0 : 1;
                checkedCount++;
            }
            else if (o.TryGetProperty("personIdQ11", out var person))
            {
                var want = result.RootElement.EnumerateArray().Select(r => new Ic11Row(r.GetProperty("personId").GetInt64(),
                    r.GetProperty("organizationName").GetString()!, r.GetProperty("organizationWorkFromYear").GetInt32())).ToList();
                var country = o.GetProperty("countryName").GetString()!;
                var year = o.GetProperty("workFromYear").GetInt32();
                mismatches += graph.Ic11(person.GetInt64(), country, year).SequenceEqual(want)
                    && sql.Ic11(person.GetInt64(), country, year).SequenceEqual(want)
                    && (app is null || app.Ic11(person.GetInt64(), country, year).SequenceEqual(want)) ? 0 : 1;
                checkedCount++;
            }
        }

        Console.WriteLine($"Expected answers ({path}): {checkedCount} IC11/IC13 operations checked on every side, {mismatches} mismatches");
        return mismatches;
    }

    /// <summary>The graph's answers: LDBC ids mapped to member numbers, IC11's membership filter an in-memory index by country.</summary>
    private sealed class GraphSide
    {
        private readonly LdbcData _data;
        private readonly SocialGraph _graph;
        private readonly Dictionary<string, List<(int Person, string Organisation, int WorkFrom)>> _workByCountry;

        public GraphSide(LdbcData data)
        {
            _data = data;
            _graph = data.BuildGraph();
            _workByCountry = data.WorkAt
                .GroupBy(w => data.CountryOf(w.Organisation), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(w => (w.Person, data.Organisations[w.Organisation].Name, w.WorkFrom)).ToList(),
                    StringComparer.Ordinal);
        }

        public int Ic13(long from, long to) =>
            _data.PersonIndex.TryGetValue(from, out var a) && _data.PersonIndex.TryGetValue(to, out var b)
                ? _graph.ShortestPathLength(a, b)
                : -1;

        public List<Ic11Row> Ic11(long personId, string country, int year)
        {
            if (!_data.PersonIndex.TryGetValue(personId, out var person) || !_workByCountry.TryGetValue(country, out var work))
            {
                return [];
            }

            var candidates = work.Where(w => w.WorkFrom < year).Select(w => w.Person).ToArray();
            var near = _graph.Reach(person, candidates, TwoHops).Select(r => r.Member).ToHashSet();
            return [.. work.Where(w => w.WorkFrom < year && near.Contains(w.Person))
                .Select(w => new Ic11Row(_data.PersonIds[w.Person], w.Organisation, w.WorkFrom))
                .OrderBy(r => r.WorkFrom).ThenBy(r => r.Person).ThenByDescending(r => r.Organisation, StringComparer.Ordinal)
                .Take(10)];
        }
    }
}
