namespace Entregent.Web.Data;

/// <summary>
/// Where an index (the graph, the search index) stands in the change feed, and a way to wait until it gets somewhere:
/// writers wait for their own sequence before answering (ReadYourWrites).
/// </summary>
public sealed class FeedPosition(TimeProvider time)
{
    private TaskCompletionSource _applied = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _sequence = -1;

    /// <summary>The last sequence applied; −1 before the first build.</summary>
    public long Sequence => Interlocked.Read(ref _sequence);

    public void MarkApplied(long sequence)
    {
        Interlocked.Exchange(ref _sequence, sequence);
        Interlocked.Exchange(ref _applied, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>
    /// Waits until the index reflects the change feed up to <paramref name="sequence"/>, or <paramref name="timeout"/>
    /// (default 5 s) passes. Returns whether it got there.
    /// </summary>
    public async Task<bool> WaitForAsync(long sequence, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var deadline = time.GetUtcNow() + (timeout ?? TimeSpan.FromSeconds(5));
        while (Sequence < sequence)
        {
            var next = Volatile.Read(ref _applied).Task;
            if (Sequence >= sequence)
            {
                break;
            }
            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return false;
            }
            try
            {
                await next.WaitAsync(left < TimeSpan.FromMilliseconds(100) ? left : TimeSpan.FromMilliseconds(100), time, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Loop: the deadline is checked against the clock, which tests may move.
            }
        }
        return true;
    }
}
