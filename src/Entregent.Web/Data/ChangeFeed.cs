using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Data;

/// <summary>
/// Reads the change feed from a sequence number on. The graph and search indexes follow it: they remember the
/// last sequence they applied, and after a restart or on another web node they resume from there.
/// </summary>
public sealed class ChangeFeed(IServiceScopeFactory scopes, ChangeNotifier notifier, TimeProvider time)
{
    /// <summary>How often a waiting reader looks at the store even without an in-process signal (other nodes write too).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>The last sequence written, or 0 when the feed is empty; where a fresh index built from the store starts following.</summary>
    public async Task<long> LastSequenceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntregentDb>();
        return await db.Changes.MaxAsync(c => (long?)c.Sequence, cancellationToken) ?? 0;
    }

    /// <summary>Up to <paramref name="max"/> changes with a sequence above <paramref name="after"/>, oldest first. O(max) with the primary key.</summary>
    public async Task<IReadOnlyList<Change>> ReadAsync(long after, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntregentDb>();
        return await db.Changes.AsNoTracking()
            .Where(c => c.Sequence > after)
            .OrderBy(c => c.Sequence)
            .Take(max)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The next changes after <paramref name="after"/>, waiting until there are some: woken at once by commits in
    /// this process, otherwise by polling every <see cref="PollInterval"/>.
    /// </summary>
    public async Task<IReadOnlyList<Change>> WaitForChangesAsync(long after, int max, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Take the signal before reading, so a commit landing between the read and the wait still wakes us.
            var committed = notifier.NextCommit;
            var batch = await ReadAsync(after, max, cancellationToken);
            if (batch.Count > 0)
            {
                return batch;
            }
            using var poll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(PollInterval, time, poll.Token);
            await Task.WhenAny(committed, delay);
            await poll.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Every change after <paramref name="after"/>, batch by batch, for ever (until cancelled).</summary>
    public async IAsyncEnumerable<IReadOnlyList<Change>> FollowAsync(long after, int batchSize = 1000,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await WaitForChangesAsync(after, batchSize, cancellationToken);
            after = batch[^1].Sequence;
            yield return batch;
        }
    }
}
