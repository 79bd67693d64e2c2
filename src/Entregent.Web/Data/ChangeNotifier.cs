namespace Entregent.Web.Data;

/// <summary>
/// Wakes in-process feed readers the moment a transaction with feed rows commits, so the indexes lag by
/// milliseconds instead of a poll interval. Readers still poll as well: other web nodes write to the same store.
/// </summary>
public sealed class ChangeNotifier
{
    private TaskCompletionSource _committed = NewSource();

    /// <summary>A task that completes at the next commit after this call.</summary>
    public Task NextCommit => Volatile.Read(ref _committed).Task;

    public void Notify() => Interlocked.Exchange(ref _committed, NewSource()).TrySetResult();

    // Continuations run asynchronously so that a committing request never executes index work inline.
    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
