using Entregent.Graph.Tests.Oracle;

namespace Entregent.Graph.Tests;

/// <summary>Every query against a brute-force oracle on thousands of seeded random graphs.</summary>
public class OraclePropertyTests
{
    [Theory]
    [InlineData(1, 600)]
    [InlineData(2, 600)]
    [InlineData(3, 600)]
    public void AllQueries_RandomBuiltGraphs_MatchOracle(int seed, int graphs)
    {
        for (var i = 0; i < graphs; i++)
        {
            var random = new Random((seed * 1_000_003) + i);
            var (graph, naive) = RandomGraphs.Build(random, maxMembers: 10);
            Equivalence.AssertSameStructure(graph, naive);
            Equivalence.AssertSameAnswers(graph, naive, random, viewers: 2);
        }
    }

    [Theory]
    [InlineData(11, 300, false)]
    [InlineData(12, 300, true)]
    public void AllQueries_AfterRandomChanges_MatchOracle(int seed, int graphs, bool compact)
    {
        for (var i = 0; i < graphs; i++)
        {
            var random = new Random((seed * 1_000_003) + i);
            var (graph, naive) = RandomGraphs.Build(random, maxMembers: 9);
            for (var round = 0; round < 4; round++)
            {
                var batch = RandomGraphs.Batch(random, naive.MemberCount, random.Next(1, 8));
                graph.Apply(batch);
                foreach (var change in batch)
                {
                    naive.Apply(change);
                }

                if (compact && random.Next(2) == 0)
                {
                    graph.Compact();
                    Assert.Equal(0, graph.OverlayMemberCount);
                }

                Equivalence.AssertSameStructure(graph, naive);
                Equivalence.AssertSameAnswers(graph, naive, random, viewers: 1);
            }
        }
    }

    [Theory]
    [InlineData(21, 300)]
    public void AllQueries_WithEdgeFilter_MatchOracle(int seed, int graphs)
    {
        for (var i = 0; i < graphs; i++)
        {
            var random = new Random((seed * 1_000_003) + i);
            var (graph, naive) = RandomGraphs.Build(random, maxMembers: 9);
            var hiddenLists = new HashSet<int> { random.Next(naive.MemberCount), random.Next(naive.MemberCount) };

            // A member who hides their list: their connections are only followed out of them by themselves.
            bool Filter(int from, int to) => !hiddenLists.Contains(from) || to % 2 == 0;
            Equivalence.AssertSameAnswers(graph, naive, random, viewers: 2, Filter);
        }
    }
}
