using QuikGraph;
using QuikGraph.Algorithms.ShortestPath;

namespace Entregent.Graph.Tests;

/// <summary>Distances on medium random graphs against QuikGraph's Dijkstra (unit weights), an independent implementation.</summary>
public class QuikGraphCrossCheckTests
{
    [Theory]
    [InlineData(31, 60)]
    [InlineData(32, 60)]
    public void ShortestPathLengthAndDegrees_MediumRandomGraphs_MatchQuikGraph(int seed, int graphs)
    {
        for (var g = 0; g < graphs; g++)
        {
            var random = new Random((seed * 7919) + g);
            var n = random.Next(50, 300);
            var edges = new HashSet<(int, int)>();
            var builder = new GraphBuilder().AddMember(n - 1);
            for (var i = random.Next(n / 2, n * 2); i > 0; i--)
            {
                var (a, b) = (random.Next(n), random.Next(n));
                if (a != b && edges.Add((Math.Min(a, b), Math.Max(a, b))))
                {
                    builder.AddConnection(a, b, 1, TestGraphs.Created);
                }
            }

            var viewer = random.Next(n);
            var hidden = Enumerable.Range(0, n / 20).Select(_ => random.Next(n)).Where(x => x != viewer).ToHashSet();
            var blocked = Enumerable.Range(0, n / 20).Select(_ => random.Next(n)).Where(x => x != viewer).ToHashSet();
            foreach (var member in hidden)
            {
                builder.AddHidden(member);
            }

            foreach (var member in blocked)
            {
                builder.AddBlock(member, viewer);
            }

            var graph = builder.Build();

            var visible = new UndirectedGraph<int, UndirectedEdge<int>>();
            visible.AddVertexRange(Enumerable.Range(0, n).Where(x => x == viewer || (!hidden.Contains(x) && !blocked.Contains(x))));
            foreach (var (a, b) in edges)
            {
                if (visible.ContainsVertex(a) && visible.ContainsVertex(b))
                {
                    visible.AddEdge(new UndirectedEdge<int>(a, b));
                }
            }

            var dijkstra = new UndirectedDijkstraShortestPathAlgorithm<int, UndirectedEdge<int>>(visible, _ => 1.0);
            dijkstra.Compute(viewer);
            var expected = new int[n];
            for (var t = 0; t < n; t++)
            {
                var reachable = visible.ContainsVertex(t) && dijkstra.GetDistance(t) < n;
                expected[t] = reachable ? (int)dijkstra.GetDistance(t) : -1;
            }

            var page = graph.Degrees(viewer, Enumerable.Range(0, n).ToArray());
            for (var t = 0; t < n; t++)
            {
                Assert.True(expected[t] == graph.ShortestPathLength(viewer, t), $"graph {g}: ShortestPathLength({viewer}, {t})");
                var degree = t != viewer && expected[t] is >= 1 and <= 3 ? (Degree)expected[t] : Degree.None;
                Assert.True(degree == graph.Degree(viewer, t), $"graph {g}: Degree({viewer}, {t})");
                Assert.Equal(degree, page[t]);
            }
        }
    }
}
