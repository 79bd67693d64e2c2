using Entregent.Graph.Tests.Oracle;

namespace Entregent.Graph.Tests;

/// <summary>
/// Suggestions and reach against the oracle on graphs dense enough (tens of thousands of friend-of-friend pairs per
/// viewer) for the paths that the tiny property-test graphs never take: block counting with dropping in suggestions,
/// the two-hop bitmap pass and best-first distance 3 in reach, with members hiding their connection list among them.
/// </summary>
public class OracleLargeGraphTests
{
    [Fact]
    public void Suggestions_BlockCountingOnSmallGraphs_MatchOracle()
    {
        // Tiny graphs in blocks of two ids, where organisation and group scores often outweigh common connections: the
        // block path and its dropping rule at their boundaries. Both counting paths are exact, so tests running meanwhile are unaffected.
        Entregent.Graph.Internal.GraphQueries.BlockCountingThreshold = 0;
        Entregent.Graph.Internal.GraphQueries.BlockShift = 1;
        try
        {
            for (var i = 0; i < 400; i++)
            {
                var random = new Random(7_000_003 + i);
                var (graph, naive) = RandomGraphs.Build(random, maxMembers: 12);
                for (var v = 0; v < naive.MemberCount; v++)
                {
                    var oracle = new NaiveQueries(naive, v);
                    var options = new SuggestionOptions
                    {
                        MaxResults = random.Next(1, 6),
                        IncludeOrganisationAndGroupPeers = random.Next(2) == 0,
                        PeerScanLimit = random.Next(0, 6),
                        Excluded = random.Next(2) == 0 ? null : new HashSet<int> { random.Next(naive.MemberCount) },
                        SharedOrganisationWeight = random.Next(4),
                        SharedGroupWeight = random.Next(2) == 0 ? 0.5 : 0,
                    };
                    Assert.Equal(oracle.Suggestions(options), graph.Suggestions(v, options));
                }
            }
        }
        finally
        {
            Entregent.Graph.Internal.GraphQueries.BlockCountingThreshold = 16_384;
            Entregent.Graph.Internal.GraphQueries.BlockShift = Entregent.Graph.Internal.Scratch.BlockBits;
        }
    }

    [Theory]
    [InlineData(1, 450, 0.35)]
    [InlineData(2, 700, 0.2)]
    [InlineData(3, 1200, 0.004)]
    public void SuggestionsAndReach_LargeRandomGraphs_MatchOracle(int seed, int n, double density)
    {
        var random = new Random(seed);
        var builder = new GraphBuilder();
        var naive = new NaiveGraph();
        builder.AddMember(n - 1);
        naive.Apply(GraphChange.AddMember(n - 1));
        void Connect(int a, int b)
        {
            var (strength, time) = (RandomGraphs.Strength(random), RandomGraphs.Time(random));
            builder.AddConnection(a, b, strength, time);
            naive.Apply(GraphChange.Connect(a, b, strength, time));
        }

        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                if (random.NextDouble() < density)
                {
                    Connect(a, b);
                }
            }
        }

        // A few hubs, so that some viewers have friends with far more connections than themselves.
        for (var hub = 0; hub < 3; hub++)
        {
            for (var b = 0; b < n; b++)
            {
                if (b != hub && random.Next(3) == 0)
                {
                    Connect(hub, b);
                }
            }
        }

        for (var m = 0; m < n; m++)
        {
            for (var k = random.Next(3); k > 0; k--)
            {
                var organisation = random.Next(6);
                var (start, end) = RandomGraphs.Dates(random);
                builder.AddMembership(m, organisation, start, end);
                naive.Apply(GraphChange.AddMembership(m, organisation, start, end));
            }

            if (random.Next(2) == 0)
            {
                var group = random.Next(4);
                builder.AddGroupMembership(m, group);
                naive.Apply(GraphChange.JoinGroup(m, group));
            }
        }

        for (var k = 0; k < 5; k++)
        {
            var hidden = random.Next(n);
            builder.AddHidden(hidden);
            naive.Apply(GraphChange.Hide(hidden));
        }

        // Hub 1 and one member in 25 hide their connection list: friends of friends through them do not count, and
        // they lead nowhere in reach but to the viewer's own connections.
        foreach (var member in Enumerable.Range(0, n / 25).Select(_ => random.Next(n)).Append(1))
        {
            builder.AddConnectionListHidden(member);
            naive.Apply(GraphChange.HideConnectionList(member));
        }

        var graph = builder.Build(new SocialGraphOptions { TimeProvider = new FixedTimeProvider(RandomGraphs.Now), CompactionThreshold = 0 });
        for (var i = 0; i < 8; i++)
        {
            var viewer = i < 3 ? i : random.Next(n);
            var oracle = new NaiveQueries(naive, viewer);
            var suggestionOptions = new SuggestionOptions
            {
                MaxResults = random.Next(1, 30),
                IncludeOrganisationAndGroupPeers = random.Next(2) == 0,
                PeerScanLimit = random.Next(0, n),
                Excluded = random.Next(2) == 0 ? null : Enumerable.Range(0, 20).Select(_ => random.Next(n)).ToHashSet(),
                SharedOrganisationWeight = random.Next(3),
                SharedGroupWeight = random.Next(2) == 0 ? 0.5 : 0,
            };
            Assert.Equal(oracle.Suggestions(suggestionOptions), graph.Suggestions(viewer, suggestionOptions));

            var set = Enumerable.Range(0, n).Where(_ => random.Next(4) == 0).ToArray();
            var reach = new ReachOptions { MaxDepth = random.Next(2, 4), MaxResults = random.Next(1, 200), MaxIntermediaries = random.Next(1, 4) };
            var expected = oracle.Reach(set, reach.MaxDepth, reach.MaxResults, reach.MaxIntermediaries);
            var actual = graph.Reach(viewer, set, reach);
            Assert.Equal(expected.Count, actual.Count);
            for (var r = 0; r < expected.Count; r++)
            {
                Assert.Equal(expected[r].Member, actual[r].Member);
                Assert.Equal(expected[r].Distance, actual[r].Distance);
                Assert.Equal(expected[r].Strength, actual[r].Strength);
                Assert.Equal(expected[r].Intermediaries, actual[r].Intermediaries);
            }
        }
    }
}
