using System.Collections.Concurrent;

namespace Entregent.Graph;

/// <summary>
/// Maps 64-bit external ids (database keys) to the dense int ids the graph uses, and back. Dense ids are handed out
/// in order from 0 and never reused. Thread-safe: lookups are lock-free, new ids are assigned under a lock.
/// One map per id space (members, organisations, groups).
/// </summary>
public sealed class MemberIdMap
{
    private readonly ConcurrentDictionary<long, int> _dense = new();
    private readonly Lock _gate = new();
    private long[] _external = new long[16];
    private int _count;

    /// <summary>Number of ids mapped so far (the next dense id). O(1).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Returns the dense id of <paramref name="externalId"/>, assigning the next one if it is new. O(1) amortised.</summary>
    /// <param name="externalId">The external id.</param>
    /// <returns>The dense id.</returns>
    public int GetOrAdd(long externalId)
    {
        if (_dense.TryGetValue(externalId, out var dense))
        {
            return dense;
        }

        lock (_gate)
        {
            if (_dense.TryGetValue(externalId, out dense))
            {
                return dense;
            }

            dense = _count;
            if (dense == _external.Length)
            {
                var grown = new long[_external.Length * 2];
                _external.CopyTo(grown, 0);
                Volatile.Write(ref _external, grown);
            }

            _external[dense] = externalId;
            Volatile.Write(ref _count, dense + 1);
            _dense[externalId] = dense;
            return dense;
        }
    }

    /// <summary>Looks up the dense id of an external id without assigning one. O(1).</summary>
    /// <param name="externalId">The external id.</param>
    /// <param name="denseId">The dense id when found.</param>
    /// <returns>Whether the external id is mapped.</returns>
    public bool TryGetDense(long externalId, out int denseId) => _dense.TryGetValue(externalId, out denseId);

    /// <summary>Returns the external id of a dense id. O(1).</summary>
    /// <param name="denseId">A dense id below <see cref="Count"/>.</param>
    /// <returns>The external id.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The dense id was never assigned.</exception>
    public long GetExternal(int denseId)
    {
        // Count is published after the array that holds the id, so read it first.
        ArgumentOutOfRangeException.ThrowIfNegative(denseId);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(denseId, Count);
        return Volatile.Read(ref _external)[denseId];
    }
}
