using Entregent.Graph;

namespace Entregent.Benchmarks;

/// <summary>
/// The ceiling for any breadth-first query: a plain level-by-level BFS over the snapshot's own CSR arrays
/// (offsets and neighbours) that does nothing else — no visibility checks, no overlay, no results. The
/// library's BFS-based queries are reported as a ratio of its edges per second.
/// </summary>
internal sealed class BareBfs
{
    private readonly int[] _offsets;
    private readonly int[] _neighbours;
    private readonly int[] _seen;
    private int[] _frontier;
    private int[] _next;
    private int _stamp;

    public BareBfs(SocialGraph graph)
    {
        var snapshot = graph.State.Snapshot;
        _offsets = snapshot.Offsets;
        _neighbours = snapshot.Neighbours;
        _seen = new int[snapshot.MemberCount];
        _frontier = new int[snapshot.MemberCount];
        _next = new int[snapshot.MemberCount];
    }

    /// <summary>Visits every member within <paramref name="depth"/> hops; returns the edges scanned and members reached.</summary>
    public (long Edges, int Reached) Run(int source, int depth)
    {
        var stamp = ++_stamp;
        var seen = _seen;
        var offsets = _offsets;
        var neighbours = _neighbours;
        seen[source] = stamp;
        _frontier[0] = source;
        var frontierCount = 1;
        var reached = 0;
        long edges = 0;
        for (var level = 0; level < depth && frontierCount > 0; level++)
        {
            var nextCount = 0;
            for (var i = 0; i < frontierCount; i++)
            {
                var x = _frontier[i];
                var end = offsets[x + 1];
                edges += end - offsets[x];
                for (var k = offsets[x]; k < end; k++)
                {
                    var y = neighbours[k];
                    if (seen[y] != stamp)
                    {
                        seen[y] = stamp;
                        _next[nextCount++] = y;
                    }
                }
            }

            reached += nextCount;
            (_frontier, _next) = (_next, _frontier);
            frontierCount = nextCount;
        }

        return (edges, reached);
    }
}
