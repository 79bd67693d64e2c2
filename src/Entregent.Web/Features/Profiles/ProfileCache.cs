using Entregent.Web.Data;
using Microsoft.Extensions.Caching.Memory;

namespace Entregent.Web.Features.Profiles;

/// <summary>
/// Profiles as loaded from the store, before any viewer's audience is applied, kept in memory: a profile is read
/// far more often than it changes. Entries are dropped by the change feed — synchronously for commits made in
/// this process (<see cref="ChangeNotifier.Committed"/>), and by <see cref="ProfileCacheFollower"/> for commits of
/// other web nodes, within the feed's poll interval.
/// </summary>
public sealed class ProfileCache : IDisposable
{
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = 20_000 });
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, string> _handles = new();
    private readonly ChangeNotifier _notifier;

    // Bumped by every eviction. A load that started before an eviction may carry stale data, so it is only
    // stored if no eviction happened while it ran.
    private long _version;

    public ProfileCache(ChangeNotifier notifier)
    {
        _notifier = notifier;
        _notifier.Committed += Apply;
    }

    internal async Task<ViewProfile.LoadedProfile?> GetOrLoadAsync(string handle, Func<Task<ViewProfile.LoadedProfile?>> load)
    {
        if (_entries.TryGetValue(handle, out ViewProfile.LoadedProfile? cached))
        {
            return cached;
        }
        var version = Interlocked.Read(ref _version);
        var loaded = await load();
        if (loaded is not null && Interlocked.Read(ref _version) == version)
        {
            _handles[loaded.MemberId] = handle;
            _entries.Set(handle, loaded, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        }
        return loaded;
    }

    /// <summary>Drops the profiles that <paramref name="changes"/> may have made stale.</summary>
    public void Apply(IReadOnlyList<Change> changes)
    {
        foreach (var change in changes)
        {
            if (change.Kind.StartsWith("organization.", StringComparison.Ordinal))
            {
                // Organisation names appear in every profile that lists a position there; renames and merges are rare.
                Interlocked.Increment(ref _version);
                _entries.Clear();
                _handles.Clear();
                return;
            }
            if (change.MemberId is { } member && !change.Kind.StartsWith("connection.", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _version);
                if (_handles.TryRemove(member, out var handle))
                {
                    _entries.Remove(handle);
                }
            }
        }
    }

    public void Dispose()
    {
        _notifier.Committed -= Apply;
        _entries.Dispose();
    }
}

/// <summary>Keeps <see cref="ProfileCache"/> honest about commits made by other web nodes.</summary>
public sealed class ProfileCacheFollower(ChangeFeed feed, ProfileCache cache, ILogger<ProfileCacheFollower> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long after;
        try
        {
            after = await feed.LastSequenceAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await feed.WaitForChangesAsync(after, 1000, stoppingToken);
                cache.Apply(batch);
                after = batch[^1].Sequence;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A failing store must not end the follower: log, wait, carry on from the same sequence.
                logger.LogWarning(exception, "Following the change feed for the profile cache failed; retrying.");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }
}
