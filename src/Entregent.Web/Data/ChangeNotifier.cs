namespace Entregent.Web.Data;

/// <summary>
/// Tells this process the moment a transaction with feed rows commits. Feed readers wake at once instead of at
/// their next poll (they still poll: other web nodes write to the same store), and in-process caches drop what
/// the commit made stale before the writer's request even answers, so a member always reads their own writes.
/// </summary>
public sealed class ChangeNotifier
{
    private TaskCompletionSource _committed = NewSource();

    /// <summary>A task that completes at the next commit after this call.</summary>
    public Task NextCommit => Volatile.Read(ref _committed).Task;

    /// <summary>Raised synchronously, on the committing thread, with the feed rows just committed. Handlers must be quick and must not throw.</summary>
    public event Action<IReadOnlyList<Change>>? Committed;

    public void Notify(IReadOnlyList<Change> rows)
    {
        Committed?.Invoke(rows);
        Interlocked.Exchange(ref _committed, NewSource()).TrySetResult();
    }

    // Continuations run asynchronously so that a committing request never executes index work inline.
    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
