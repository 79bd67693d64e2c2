using System.Globalization;
using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Features.Search;
using Entregent.Web.Network;
using Spectre.Console;

namespace Entregent.Web.Features.Ldbc;

/// <summary>
/// <c>entregent ldbc import &lt;folder&gt;</c> and <c>entregent ldbc validate &lt;file&gt;</c>: verbs of the app's own
/// executable, run with the app's services and store (configured as for the web server: <c>--Database:Provider</c>,
/// <c>--ConnectionStrings:Entregent</c>… after the path), without starting the web server.
/// </summary>
public sealed class LdbcCommand
{
    public const string Usage = """
        Usage:
          entregent ldbc import <folder>     load an LDBC SNB data set (CsvMergeForeign or Neo4j-style CSV) into the store
          entregent ldbc validate <file>     run an expected-answer file (<operation JSON>|<expected JSON> per line) and compare
        Store settings follow as for the server, e.g. --ConnectionStrings:Entregent="Data Source=/tmp/ldbc/entregent.db".
        """;

    private LdbcCommand(string verb, string? path)
    {
        Verb = verb;
        Path = path;
    }

    public string Verb { get; }
    public string? Path { get; }

    /// <summary>
    /// When the command line starts with <c>ldbc</c>, takes the verb and its path off it (the rest stays for the host's
    /// configuration) and returns the command; otherwise leaves it alone and returns null.
    /// </summary>
    public static LdbcCommand? TakeFrom(ref string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] != "ldbc")
        {
            return null;
        }
        var verb = args.Length > 1 ? args[1] : "";
        var path = args.Length > 2 && !args[2].StartsWith("--", StringComparison.Ordinal) ? args[2] : null;
        args = [.. args.Skip(path is null ? 2 : 3)];
        return new LdbcCommand(verb, path);
    }

    /// <summary>Runs the verb on the terminal; returns the process exit code (0 success, 1 failure, 2 bad usage).</summary>
    public Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            // A CI log has no width: keep each failure and each query's line on one line.
            console.Profile.Width = 400;
        }
        return RunAsync(services, console, cancellationToken);
    }

    /// <summary>Runs the verb; returns the process exit code (0 success, 1 failure, 2 bad usage).</summary>
    public async Task<int> RunAsync(IServiceProvider services, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(console);
        if (Path is null || Verb is not ("import" or "validate"))
        {
            console.WriteLine(Usage);
            return 2;
        }
        try
        {
            return Verb == "import"
                ? await ImportAsync(services, console, Path, cancellationToken)
                : await ValidateAsync(services, console, Path, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]ldbc {Verb}: {e.Message}[/]");
            return 1;
        }
    }

    private static async Task<int> ImportAsync(IServiceProvider services, IAnsiConsole console, string folder, CancellationToken cancellationToken)
    {
        var time = services.GetRequiredService<TimeProvider>();
        var started = time.GetTimestamp();
        LdbcDataSet? data = null;
        LdbcImportSummary? summary = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var reading = progress.AddTask("reading files");
                data = await Task.Run(() => LdbcDataSet.Read(folder, (file, rows) => reading.Description = $"read {file} ({rows:N0} rows)"), cancellationToken);
                reading.Description = $"read {folder} ({data.Layout})";
                reading.Value = reading.MaxValue;

                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<EntregentDb>();
                summary = await ImportLdbc.ExecuteAsync(db, data, time, (phase, done, total) =>
                {
                    if (!tasks.TryGetValue(phase, out var task))
                    {
                        tasks[phase] = task = progress.AddTask(phase);
                    }
                    task.MaxValue = Math.Max(1, total);
                    task.Value = total == 0 ? task.MaxValue : done;
                }, cancellationToken);
            });
        var s = summary!;
        var table = new Table().AddColumns("imported", "count");
        table.AddRow("members (persons)", Count(s.Members));
        table.AddRow("organisations", Count(s.Organizations));
        table.AddRow("positions (workAt)", Count(s.Positions));
        table.AddRow("education (studyAt)", Count(s.Education));
        table.AddRow("connections (knows)", Count(s.Connections));
        table.AddRow("groups (forums)", Count(s.Community.Groups));
        table.AddRow("group memberships (moderators, members)", Count(s.Community.Memberships));
        table.AddRow("posts", Count(s.Community.Posts));
        table.AddRow("comments", Count(s.Community.Comments));
        table.AddRow("reactions (likes)", Count(s.Community.Reactions));
        table.AddRow("hashtags (posts' tags)", Count(s.Community.Hashtags));
        console.Write(table);
        foreach (var note in s.Notes)
        {
            console.MarkupLineInterpolated($"[yellow]note:[/] {note}");
        }
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Imported {data!.Layout} data from {folder} in {time.GetElapsedTime(started).TotalSeconds:0.0} s (store writes {s.Elapsed.TotalSeconds:0.0} s)."));
        return 0;
    }

    private static async Task<int> ValidateAsync(IServiceProvider services, IAnsiConsole console, string file, CancellationToken cancellationToken)
    {
        var time = services.GetRequiredService<TimeProvider>();
        var started = time.GetTimestamp();
        var operations = LdbcExpectations.Read(file).ToList();
        var network = services.GetRequiredService<NetworkGraph>();
        var feed = services.GetRequiredService<ChangeFeed>();
        var search = services.GetRequiredService<SearchIndex>();
        // Outside the web server nothing has built the indexes yet: their followers build them from the store on start.
        IHostedService[] followers =
        [
            .. services.GetServices<IHostedService>().Where(s => (s is NetworkGraphFollower && network.AppliedSequence < 0)
                || (s is SearchIndexFollower && search.AppliedSequence < 0)),
        ];
        foreach (var follower in followers)
        {
            await follower.StartAsync(cancellationToken);
        }
        try
        {
            var target = await feed.LastSequenceAsync(cancellationToken);
            if (!await network.WaitForAsync(target, cancellationToken, TimeSpan.FromMinutes(2))
                || !await search.WaitForAsync(target, cancellationToken, TimeSpan.FromMinutes(2)))
            {
                console.MarkupLineInterpolated($"[red]ldbc validate: the indexes did not reach change {target} in 2 minutes.[/]");
                return 1;
            }
            await using var scope = services.CreateAsyncScope();
            var result = await ValidateLdbc.ExecuteAsync(scope.ServiceProvider.GetRequiredService<EntregentDb>(),
                services.GetRequiredService<ProfileCache>(), network, search, operations, cancellationToken);
            Report(console, result, time.GetElapsedTime(started));
            return result.Failed == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var follower in followers)
            {
                await follower.StopAsync(CancellationToken.None);
            }
        }
    }

    /// <summary>One line per query, each failure with its difference, and last the totals line.</summary>
    public static void Report(IAnsiConsole console, LdbcValidation result, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        foreach (var failure in result.Failures)
        {
            console.MarkupLineInterpolated($"[red]FAIL[/] {failure.Operation.Query} line {failure.Operation.Line}: {failure.Operation.OperationText}");
            console.WriteLine($"  {failure.Difference}");
            console.WriteLine($"  expected: {LdbcExpectations.Show(failure.Operation.Expected)}");
            console.WriteLine($"  actual:   {LdbcExpectations.Show(failure.Actual)}");
        }
        foreach (var (query, tally) in result.Queries)
        {
            var why = tally.Skipped > 0 && ValidateLdbc.NotModelled.TryGetValue(query, out var reason) ? $" ({reason})" : "";
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{query,-8}{tally.Passed,4} passed, {tally.Failed} failed, {tally.Skipped} skipped{why}"));
        }
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"validated in {elapsed.TotalSeconds:0.00} s"));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Passed} passed, {result.Failed} failed, {result.Skipped} skipped"));
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
