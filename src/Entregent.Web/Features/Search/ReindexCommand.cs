using Entregent.Web.Data;
using Lucene.Net.Store;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Entregent.Web.Features.Search;

/// <summary>
/// <c>entregent reindex</c>: rebuilds the search index from the store, with progress, without starting the web server.
/// For after a restore, a change of analysis, or a suspected corrupt index. The server must be stopped: it holds the
/// index's write lock, and the command says so rather than waiting.
/// </summary>
public static class ReindexCommand
{
    public const string Verb = "reindex";

    /// <summary>When the command line starts with <c>reindex</c>, takes it off (the rest configures the store) and returns true.</summary>
    public static bool TakeFrom(ref string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] != Verb)
        {
            return false;
        }
        args = args[1..];
        return true;
    }

    /// <summary>Rebuilds; returns the process exit code (0 success, 1 failure).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(console);
        var index = services.GetRequiredService<SearchIndex>();
        var time = services.GetRequiredService<TimeProvider>();
        var folder = Path.GetFullPath(services.GetRequiredService<IOptions<SearchOptions>>().Value.IndexPath);
        try
        {
            index.Open(folder);
        }
        catch (LockObtainFailedException)
        {
            console.MarkupLineInterpolated($"[red]reindex: the search index in {folder} is in use. Stop the server first, then run this again.[/]");
            return 1;
        }
        var started = time.GetTimestamp();
        // Taken before reading: the server replays whatever commits during the rebuild when it next starts.
        var sequence = await services.GetRequiredService<ChangeFeed>().LastSequenceAsync(cancellationToken);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EntregentDb>();
            await console.Progress().AutoClear(false).StartAsync(async context =>
            {
                var task = context.AddTask("Indexing members, organisations and skills", maxValue: 1);
                var progress = new SynchronousProgress(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                });
                await SearchIndexBuilder.RebuildAsync(db, index, sequence, time, progress, cancellationToken);
                task.Value = task.MaxValue;
            });
        }
        var documents = index.DocumentCount;
        index.Close(sequence);
        var bytes = new DirectoryInfo(folder).EnumerateFiles().Sum(f => f.Length);
        console.MarkupLineInterpolated(
            $"Indexed {documents:N0} documents in {time.GetElapsedTime(started).TotalSeconds:0.0} s: {bytes / (1024.0 * 1024.0):0.0} MB in {folder}.");
        return 0;
    }

    // Progress<T> posts to the thread pool; the progress bar wants each report in order, on the writer's thread.
    private sealed class SynchronousProgress(Action<RebuildProgress> report) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value) => report(value);
    }
}
