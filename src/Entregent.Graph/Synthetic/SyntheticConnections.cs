namespace Entregent.Graph.Synthetic;

/// <summary>
/// The connections of a synthetic network as parallel arrays (no object per connection: 50 M of them take
/// 17 bytes each here), sorted by (<see cref="First"/>, <see cref="Second"/>), without self-loops or
/// duplicates, with <c>First[i] &lt; Second[i]</c>.
/// </summary>
public sealed class SyntheticConnections
{
    private readonly int[] _first;
    private readonly int[] _second;
    private readonly float[] _strength;
    private readonly DateOnly[] _createdOn;
    private readonly SyntheticConnectionKind[] _kind;

    internal SyntheticConnections(
        int count, int[] first, int[] second, float[] strength, DateOnly[] createdOn, SyntheticConnectionKind[] kind)
    {
        Count = count;
        _first = first;
        _second = second;
        _strength = strength;
        _createdOn = createdOn;
        _kind = kind;
    }

    /// <summary>Number of undirected connections.</summary>
    public int Count { get; }

    /// <summary>Smaller member index of each connection.</summary>
    public ReadOnlySpan<int> First => _first.AsSpan(0, Count);

    /// <summary>Larger member index of each connection.</summary>
    public ReadOnlySpan<int> Second => _second.AsSpan(0, Count);

    /// <summary>Strength of each connection in [0, 1].</summary>
    public ReadOnlySpan<float> Strength => _strength.AsSpan(0, Count);

    /// <summary>Day each connection was made.</summary>
    public ReadOnlySpan<DateOnly> CreatedOn => _createdOn.AsSpan(0, Count);

    /// <summary>Why each connection exists.</summary>
    public ReadOnlySpan<SyntheticConnectionKind> Kind => _kind.AsSpan(0, Count);

    /// <summary>The connection at <paramref name="index"/> in [0, <see cref="Count"/>). O(1).</summary>
    public SyntheticConnection this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return new SyntheticConnection(_first[index], _second[index], _strength[index], _createdOn[index], _kind[index]);
        }
    }

    /// <summary>Degree of every member (array of length <paramref name="memberCount"/>). O(members + connections).</summary>
    /// <param name="memberCount">The network's member count.</param>
    public int[] Degrees(int memberCount)
    {
        var degrees = new int[memberCount];
        for (var i = 0; i < Count; i++)
        {
            degrees[_first[i]]++;
            degrees[_second[i]]++;
        }

        return degrees;
    }
}
