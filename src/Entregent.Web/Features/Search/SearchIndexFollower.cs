using System.Diagnostics;
using Entregent.Web.Data;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Features.Search;

/// <summary>Where the search index lives. <c>Search:IndexPath</c>; default <c>{Storage:DataPath}/search</c>.</summary>
public sealed class SearchOptions
{
    public string IndexPath { get; set; } = "data/search";

    /// <summary>How often, at most, the follower makes its progress durable (a Lucene commit). Default 5 s.</summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Opens the search index before the app serves requests — resuming from the sequence of its last commit, or rebuilding it
/// from the store when it is new, from another schema version, or ahead of the store (a store replaced under it) — then
/// follows the change feed into it. Searches see each batch as soon as it is applied (near-real-time readers); commits
/// happen every <see cref="SearchOptions.CommitInterval"/> and at shutdown, and a crash only costs a replay from the last one.
/// </summary>
public sealed class SearchIndexFollower(
    SearchIndex index, ChangeFeed feed, IServiceScopeFactory scopes, IOptions<SearchOptions> options, TimeProvider time,
    ILogger<SearchIndexFollower> logger) : BackgroundService
{
    private const int BatchSize = 1000;
    private long _after;
    private long _lastCommit;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(options.Value.IndexPath);
        var committed = index.Open(folder);
        var last = await feed.LastSequenceAsync(cancellationToken);
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EntregentDb>();
            if (committed is null || committed > last)
            {
                var clock = Stopwatch.StartNew();
                logger.LogInformation("Building the search index in {Folder}…", folder);
                var lastLogged = 0;
                var progress = new Progress<RebuildProgress>(p =>
                {
                    var percent = p.Total == 0 ? 100 : p.Done * 100 / p.Total;
                    if (percent >= lastLogged + 10)
                    {
                        lastLogged = percent;
                        logger.LogInformation("Search index: {Done:N0} of {Total:N0} documents ({Percent}%).", p.Done, p.Total, percent);
                    }
                });
                // The feed position is taken before reading, so whatever commits during the build is replayed after it.
                await SearchIndexBuilder.RebuildAsync(db, index, last, time, progress, cancellationToken);
                logger.LogInformation("Search index built: {Documents:N0} documents in {Seconds:N1} s.", index.DocumentCount, clock.Elapsed.TotalSeconds);
                _after = last;
            }
            else
            {
                // Resume: replay what happened since the last commit before serving.
                _after = committed.Value;
                index.Publish(_after, commit: false);
                IReadOnlyList<Change> batch;
                while ((batch = await feed.ReadAsync(_after, BatchSize, cancellationToken)).Count > 0)
                {
                    await SearchIndexBuilder.ApplyAsync(db, index, batch, time, cancellationToken);
                    _after = batch[^1].Sequence;
                }
                index.Publish(_after, commit: _after != committed.Value);
                logger.LogInformation("Search index opened at sequence {Sequence} ({Documents:N0} documents).", _after, index.DocumentCount);
            }
        }
        _lastCommit = time.GetTimestamp();
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await feed.WaitForChangesAsync(_after, BatchSize, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await SearchIndexBuilder.ApplyAsync(scope.ServiceProvider.GetRequiredService<EntregentDb>(), index, batch, time, stoppingToken);
                _after = batch[^1].Sequence;
                var commit = time.GetElapsedTime(_lastCommit) >= options.Value.CommitInterval;
                index.Publish(_after, commit);
                if (commit)
                {
                    _lastCommit = time.GetTimestamp();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A failing store must not end the follower: log, wait, carry on from the same sequence.
                logger.LogWarning(exception, "Following the change feed into the search index failed at sequence {Sequence}; retrying.", _after);
                await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Durable on a clean shutdown: the next start resumes instead of replaying.
        index.Close(_after);
    }
}
