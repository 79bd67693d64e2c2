using Entregent.Graph.Internal;

namespace Entregent.Graph;

/// <summary>
/// A viewer's 1st-degree list and 2nd-degree set at one moment (see <see cref="SocialGraph.Circles"/>): classifies any
/// number of members as 1st, 2nd or neither, cheaply enough to rank thousands of search matches by closeness. Blocks,
/// hidden members and hidden connection lists are applied as in <see cref="SocialGraph.Degrees(int, ReadOnlySpan{int}, QueryOptions?)"/>.
/// </summary>
public readonly struct ViewerCircles
{
    private readonly ViewerNetwork? _network;

    internal ViewerCircles(ViewerNetwork? network) => _network = network;

    /// <summary>The viewer's visible connections, ascending. Empty for an unknown viewer.</summary>
    public ReadOnlySpan<int> First => _network is null ? [] : _network.First;

    /// <summary>How many members are at exactly two hops.</summary>
    public int SecondCount => _network?.Second.Count ?? 0;

    /// <summary>
    /// <see cref="Degree.First"/>, <see cref="Degree.Second"/>, or <see cref="Degree.None"/> for everyone else (3rd degree,
    /// beyond, invisible, or the viewer). O(log d) for the 1st-degree test, O(1) for the 2nd.
    /// </summary>
    public Degree Classify(int member)
    {
        if (_network is null || member == _network.Viewer)
        {
            return Degree.None;
        }
        return _network.IsFirst(member) ? Degree.First : _network.Second.Contains(member) ? Degree.Second : Degree.None;
    }
}
