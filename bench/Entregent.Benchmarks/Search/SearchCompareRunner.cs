using System.Diagnostics;
using System.Globalization;
using static Entregent.Benchmarks.Timings;

namespace Entregent.Benchmarks.Search;

/// <summary>
/// Issue 5's three questions (people search, typeahead, who do I know at X) answered by PostgreSQL full-text search
/// plus joins on the app's tables (<see cref="SearchSql"/>), and, with --app, by the running app through its API on
/// the same parameter sets: per-question median, p90 and p99, ratios, and how far the answers agree. Like the other
/// side-by-side modes it starts nothing: the app's PostgreSQL database must be seeded (bench/load/search.sh does it).
/// </summary>
internal static class SearchCompareRunner
{
    public const string Usage = """
        search-compare --pg "Host=127.0.0.1;Port=5432;Username=postgres;Database=entregent_load"
                       [--app http://127.0.0.1:5080] [--queries 300] [--viewers 64] [--seed 1] [--show 5]
                       [--paths-out <folder> [--paths-only]] [--reuse]
          Builds the SQL side's documents and GIN indexes in schema search_bench of the app's PostgreSQL database (after
          a demo seed; dropped and recreated), draws parameter sets from the seeded names, titles, skills, organisations
          and cities, and times each question on PostgreSQL and (with --app) on the app's API, one at a time after an
          untimed pass. Prints medians, p90, p99, SQL/app ratios, the aims, and how far the answers agree. --paths-out
          writes the parameter sets as API requests ("email path" per line, one file per question) for wrk (and with
          --paths-only, nothing else);
          --reuse keeps search_bench when it is there (built by an earlier run on the same data).
        """;

    private static readonly (string Name, double Aim)[] Questions =
        [("People search", 50), ("Typeahead", 15), ("Who do I know at X", 20)];

    public static int Run(BenchArguments arguments)
    {
        var pg = arguments.String("pg") ?? throw new ArgumentException("--pg is required: " + Usage);
        var count = arguments.Int("queries", 300);
        var show = arguments.Int("show", 5);
        var random = new Random(arguments.Int("seed", 1));

        var watch = Stopwatch.StartNew();
        var workload = SearchWorkload.Draw(pg, count, arguments.Int("viewers", 64), random);
        Console.WriteLine($"Drew {count} parameter sets per question over {workload.Viewers.Count} viewers among {workload.Handles.Count:N0} profiles in {watch.Elapsed.TotalSeconds:F1} s");
        if (arguments.String("paths-out") is { } folder)
        {
            WritePaths(folder, workload);
            if (arguments.Flag("paths-only"))
            {
                return 0;
            }
        }

        using var sql = new SearchSql(pg, arguments.Flag("reuse"));
        Console.WriteLine($"PostgreSQL {sql.Version}: search documents and indexes "
            + $"{(sql.Reused ? "kept from an earlier run" : $"built in {sql.BuildTime.TotalSeconds:F1} s")}; {sql.IndexSizes}");
        Console.WriteLine("  " + SearchSql.IndexDescription.ReplaceLineEndings(" "));
        using var app = arguments.String("app") is { } address ? new SearchApp(address, workload.Viewers) : null;

        var handle = (long id) => workload.Handles.GetValueOrDefault(id, "#" + id.ToString(CultureInfo.InvariantCulture));
        var rows = new List<string>();
        var notes = new List<string>();

        // People search: the page's members and the total; agreement = same total, same first member, share of the page in common.
        var (sqlPeople, sqlPeopleTimes) = Measure(workload.People, sql.People);
        var appPeopleRun = app is null ? null : Measure(workload.People, app.People);
        var appPeople = appPeopleRun?.Answers;
        rows.Add(Row(Questions[0], count, sqlPeopleTimes, appPeopleRun?.Times));
        Console.WriteLine($"People search, SQL: {sqlPeople.Count(a => a.Total == 0)} of {count} empty; median total {sqlPeople.Select(a => a.Total).Order().ElementAt(count / 2):N0}");
        if (appPeople is not null)
        {
            var sameTotal = 0;
            var sameFirst = 0;
            var overlap = 0.0;
            for (var i = 0; i < count; i++)
            {
                var s = sqlPeople[i].Hits.Select(handle).ToList();
                var a = appPeople[i].Handles;
                sameTotal += sqlPeople[i].Total == appPeople[i].Total ? 1 : 0;
                sameFirst += s.FirstOrDefault() == a.FirstOrDefault() ? 1 : 0;
                overlap += Math.Max(s.Count, a.Count) == 0 ? 1 : (double)s.Intersect(a).Count() / Math.Max(s.Count, a.Count);
                if (sqlPeople[i].Total != appPeople[i].Total && show-- > 0)
                {
                    Console.WriteLine($"  differs: {workload.People[i]}: SQL total {sqlPeople[i].Total} [{string.Join(", ", s.Take(5))}], "
                        + $"app total {appPeople[i].Total} [{string.Join(", ", a.Take(5))}]");
                }
            }

            notes.Add($"People search: same total in {sameTotal}/{count}, same first member in {sameFirst}/{count}, "
                + $"page in common {overlap / count:P0} on average");
        }

        // Typeahead: the member suggestions.
        var (sqlTypeahead, sqlTypeaheadTimes) = Measure(workload.Typeahead, p => sql.Typeahead(p.Viewer, p.Typed));
        var appTypeaheadRun = app is null ? null : Measure(workload.Typeahead, p => app.Typeahead(p.Viewer, p.Typed));
        var appTypeahead = appTypeaheadRun?.Answers;
        rows.Add(Row(Questions[1], count, sqlTypeaheadTimes, appTypeaheadRun?.Times));
        if (appTypeahead is not null)
        {
            var sameFirst = 0;
            var overlap = 0.0;
            for (var i = 0; i < count; i++)
            {
                var s = sqlTypeahead[i].Members.Select(handle).ToList();
                var a = appTypeahead[i].Members;
                sameFirst += s.FirstOrDefault() == a.FirstOrDefault() ? 1 : 0;
                overlap += Math.Max(s.Count, a.Count) == 0 ? 1 : (double)s.Intersect(a).Count() / Math.Max(s.Count, a.Count);
            }

            notes.Add($"Typeahead: same first member in {sameFirst}/{count}, members in common {overlap / count:P0} on average; "
                + $"SQL suggested {sqlTypeahead.Sum(a => a.Organizations.Count + a.Skills.Count)} organisations and skills, "
                + $"the app {appTypeahead.Sum(a => a.Others)}");
        }

        // Who do I know at X: the people found (1st and 2nd degree) must be the same; intermediaries may be chosen differently.
        var (sqlKnown, sqlKnownTimes) = Measure(workload.PeopleYouKnow, p => sql.PeopleYouKnow(p.Viewer, p.Organization));
        var appKnownRun = app is null || !app.Serves(SearchApp.PeopleYouKnowPath(workload.PeopleYouKnow[0].Slug), workload.PeopleYouKnow[0].Viewer)
            ? null
            : Measure(workload.PeopleYouKnow, p => app.PeopleYouKnow(p.Viewer, p.Slug));
        var appKnown = appKnownRun?.Answers;
        rows.Add(Row(Questions[2], count, sqlKnownTimes, appKnownRun?.Times));
        Console.WriteLine($"Who do I know at X, SQL: {sqlKnown.Count(a => a.Count == 0)} of {count} empty; "
            + $"{sqlKnown.Sum(a => a.Count(r => r.Degree == 1))} at 1st degree, {sqlKnown.Sum(a => a.Where(r => r.Degree == 2).Select(r => r.Member).Distinct().Count())} at 2nd");
        if (appKnown is not null)
        {
            var samePeople = 0;
            var sameNamed = 0;
            for (var i = 0; i < count; i++)
            {
                var people = sqlKnown[i].Select(r => handle(r.Member)).ToHashSet();
                var named = people.Concat(sqlKnown[i].Where(r => r.Via is not null).Select(r => handle(r.Via!.Value))).ToHashSet();
                var answer = appKnown[i].ToHashSet();
                samePeople += people.IsSubsetOf(answer) ? 1 : 0;
                sameNamed += named.SetEquals(answer) ? 1 : 0;
                if (!people.IsSubsetOf(answer) && show-- > 0)
                {
                    Console.WriteLine($"  differs: viewer {workload.PeopleYouKnow[i].Viewer} at {workload.PeopleYouKnow[i].Slug}: "
                        + $"SQL found [{string.Join(", ", people.Take(8))}], the app named [{string.Join(", ", answer.Take(8))}]");
                }
            }

            notes.Add($"Who do I know at X: the app named every member SQL found in {samePeople}/{count}; "
                + $"the same members and intermediaries in {sameNamed}/{count}");
        }

        if (app is not null)
        {
            var (_, floor) = Measure(workload.Typeahead, p =>
            {
                app.Me(p.Viewer);
                return 0;
            });
            notes.Add($"For reference, GET /api/v1/me (the member and profile from the store), same viewers, one at a time: median {Ms(Median(floor))}, p99 {Ms(P99(floor))}");
        }

        Console.WriteLine();
        Console.WriteLine("| Question | Parameter sets | App median / p90 / p99 | PostgreSQL median / p90 / p99 | SQL / app (median, p99) | Aim (p99) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | --- |");
        rows.ForEach(Console.WriteLine);
        notes.ForEach(n => Console.WriteLine("- " + n));
        Console.WriteLine($"PostgreSQL {sql.Version}; .NET {Environment.Version}; {Environment.ProcessorCount} cores; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    /// <summary>The same parameter sets as the app's API requests, for load tests: "viewer-email path" per line.</summary>
    private static void WritePaths(string folder, SearchWorkload workload)
    {
        Directory.CreateDirectory(folder);
        var emails = workload.Viewers.ToDictionary(v => v.Id, v => v.Email);
        File.WriteAllLines(Path.Combine(folder, "people.txt"), workload.People.Select(p => $"{emails[p.Viewer]} {SearchApp.PeoplePath(p)}"));
        File.WriteAllLines(Path.Combine(folder, "typeahead.txt"), workload.Typeahead.Select(p => $"{emails[p.Viewer]} {SearchApp.TypeaheadPath(p.Typed)}"));
        File.WriteAllLines(Path.Combine(folder, "people-you-know.txt"),
            workload.PeopleYouKnow.Select(p => $"{emails[p.Viewer]} {SearchApp.PeopleYouKnowPath(p.Slug)}"));
    }

    /// <summary>An untimed pass over every parameter set (JIT, plans, caches), then a timed one.</summary>
    private static Timed<TAnswer> Measure<TQuery, TAnswer>(List<TQuery> queries, Func<TQuery, TAnswer> ask)
    {
        queries.ForEach(q => ask(q));
        var answers = new List<TAnswer>(queries.Count);
        var times = Time(queries, q => answers.Add(ask(q)));
        return new Timed<TAnswer>(answers, times);
    }

    private sealed record Timed<TAnswer>(List<TAnswer> Answers, List<double> Times);

    private static string Row((string Name, double Aim) question, int count, List<double> sql, List<double>? app)
    {
        static string Three(List<double> t) => $"{Ms(Median(t))} / {Ms(Percentile(t, 0.9))} / {Ms(P99(t))}";
        string Verdict(List<double> t) => P99(t) < question.Aim ? "met" : "missed";
        var verdict = app is null
            ? $"< {question.Aim} ms: SQL {Verdict(sql)} ({Ratio(P99(sql) / question.Aim)})"
            : $"< {question.Aim} ms: app {Verdict(app)} ({P99(app) / question.Aim:F2}×), SQL {Verdict(sql)} ({P99(sql) / question.Aim:F2}×)";
        return $"| {question.Name} | {count} | {(app is null ? "–" : Three(app))} | {Three(sql)} | "
            + $"{(app is null ? "–" : $"{Ratio(Median(sql) / Median(app))}, {Ratio(P99(sql) / P99(app))}")} | {verdict} |";
    }
}
