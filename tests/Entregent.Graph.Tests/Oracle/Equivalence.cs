namespace Entregent.Graph.Tests.Oracle;

/// <summary>Asserts that every query of the graph under test agrees with the oracle.</summary>
internal static class Equivalence
{
    public static void AssertSameStructure(SocialGraph graph, NaiveGraph naive)
    {
        Assert.Equal(naive.MemberCount, graph.MemberCount);
        Assert.Equal(naive.ConnectionCount, graph.ConnectionCount);
        for (var m = 0; m < naive.MemberCount; m++)
        {
            var expected = naive.Neighbours(m).Select(x => new Connection(x, naive.Strength(m, x), naive.Created(m, x))).ToList();
            Assert.Equal(expected, graph.GetConnections(m));
            Assert.Equal(naive.Hidden(m), graph.IsHidden(m));
            Assert.Equal(naive.HidesConnectionList(m), graph.IsConnectionListHidden(m));
            Assert.Equal(
                naive.Memberships(m).Select(x => new OrganisationMembership(x.Organisation, x.Start, x.End)).ToList(),
                graph.GetMemberships(m));
            Assert.Equal(naive.Groups(m).ToList(), graph.GetGroups(m));
        }

        for (var o = 0; o < naive.OrganisationCount; o++)
        {
            Assert.Equal(naive.OrganisationMembers(o).ToList(), graph.GetOrganisationMembers(o));
        }

        for (var g = 0; g < naive.GroupCount; g++)
        {
            Assert.Equal(naive.GroupMembers(g).ToList(), graph.GetGroupMembers(g));
        }
    }

    public static void AssertSameAnswers(SocialGraph graph, NaiveGraph naive, Random random, int viewers, Func<int, int, bool>? edgeFilter = null)
    {
        var n = naive.MemberCount;
        var options = new QueryOptions { EdgeFilter = edgeFilter };
        for (var i = 0; i < viewers && n > 0; i++)
        {
            var viewer = random.Next(n);
            var oracle = new NaiveQueries(naive, viewer, edgeFilter);
            var everyone = Enumerable.Range(0, n + 1).ToArray();

            var page = graph.Degrees(viewer, everyone, options);
            for (var t = 0; t <= n; t++)
            {
                var expectedDegree = t < n ? oracle.Degree(t) : Degree.None;
                Assert.True(expectedDegree == graph.Degree(viewer, t, options), $"Degree({viewer}, {t})");
                Assert.True(expectedDegree == page[t], $"Degrees({viewer})[{t}]");
                if (t == n)
                {
                    continue;
                }

                Assert.True(oracle.ShortestPathLength(t) == graph.ShortestPathLength(viewer, t, options), $"ShortestPathLength({viewer}, {t})");

                var mutuals = oracle.Mutuals(t);
                Assert.Equal(mutuals, graph.MutualConnections(viewer, t, int.MaxValue, options));
                Assert.Equal(mutuals.Count, graph.MutualConnectionCount(viewer, t, options));
                Assert.Equal(mutuals.Take(2), graph.MutualConnections(viewer, t, 2, options));

                var shortest = oracle.AllShortestPaths(t);
                AssertPaths(naive, shortest, graph.AllShortestPaths(viewer, t, 1000, null, options), $"AllShortestPaths({viewer}, {t})");
                if (shortest.Count <= 32)
                {
                    AssertPaths(naive, shortest.Take(2).ToList(), graph.AllShortestPaths(viewer, t, 2, null, options), $"AllShortestPaths({viewer}, {t}, 2)");
                }

                PairWeight inverse = static (from, to, strength) => 1.0 / (1 + from + to + strength);
                AssertPaths(naive, oracle.AllShortestPaths(t, inverse), graph.AllShortestPaths(viewer, t, 1000, inverse, options), $"AllShortestPaths({viewer}, {t}, weighted)");

                // Summed weights as LDBC IC14 scores trust paths: halves, so sums are exact and ties common.
                PairWeight interactions = static (from, to, _) => ((from * 7 + to * 3) % 5) * 0.5;
                AssertPaths(naive, oracle.AllShortestPaths(t, interactions, PathWeighting.Sum),
                    graph.AllShortestPaths(viewer, t, int.MaxValue, interactions, options, PathWeighting.Sum), $"AllShortestPaths({viewer}, {t}, summed)");

                var k = random.Next(1, 6);
                AssertPaths(naive, oracle.IntroductionPaths(t, k), graph.IntroductionPaths(viewer, t, k, options), $"IntroductionPaths({viewer}, {t}, {k})");
            }

            // Any order, duplicates allowed.
            var set = everyone.Where(_ => random.Next(2) == 0).Concat(everyone.Where(_ => random.Next(8) == 0)).ToArray();
            random.Shuffle(set);
            var reach = new ReachOptions { MaxDepth = random.Next(1, 4), MaxResults = random.Next(1, 20), MaxIntermediaries = random.Next(1, 4), EdgeFilter = edgeFilter };
            var expectedReach = oracle.Reach(set.Where(x => x < n), reach.MaxDepth, reach.MaxResults, reach.MaxIntermediaries);
            var actualReach = graph.Reach(viewer, set, reach);
            Assert.Equal(expectedReach.Count, actualReach.Count);
            for (var r = 0; r < expectedReach.Count; r++)
            {
                Assert.Equal(expectedReach[r].Member, actualReach[r].Member);
                Assert.Equal(expectedReach[r].Distance, actualReach[r].Distance);
                Assert.Equal(expectedReach[r].Strength, actualReach[r].Strength);
                Assert.Equal(expectedReach[r].Intermediaries, actualReach[r].Intermediaries);
            }

            var depth = random.Next(1, 4);
            Func<int, bool>? filter = random.Next(2) == 0 ? null : x => x % 2 == 0;
            var max = random.Next(1, n + 2);
            Assert.Equal(oracle.Neighbourhood(depth, filter, max), graph.Neighbourhood(viewer, depth, filter, max, options));

            var suggestionOptions = new SuggestionOptions
            {
                MaxResults = random.Next(1, 10),
                IncludeOrganisationAndGroupPeers = random.Next(2) == 0,
                PeerScanLimit = random.Next(0, 6),
                Excluded = random.Next(2) == 0 ? null : new HashSet<int> { random.Next(n) },
                SharedGroupWeight = random.Next(2) == 0 ? 0.5 : 0,
                EdgeFilter = edgeFilter,
            };
            Assert.Equal(oracle.Suggestions(suggestionOptions), graph.Suggestions(viewer, suggestionOptions));
        }
    }

    private static void AssertPaths(NaiveGraph naive, List<(int[] Members, double Weight)> expected, IReadOnlyList<GraphPath> actual, string what)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: expected {expected.Count} paths, got {actual.Count}");
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].Members.SequenceEqual(actual[i].Members), $"{what}: path {i} expected [{string.Join(',', expected[i].Members)}] got [{string.Join(',', actual[i].Members)}]");
            Assert.Equal(expected[i].Weight, actual[i].Weight);
            Assert.Equal(expected[i].Members.Length - 1, actual[i].Edges.Count);
            for (var e = 0; e < actual[i].Edges.Count; e++)
            {
                var edge = actual[i].Edges[e];
                Assert.Equal(expected[i].Members[e], edge.From);
                Assert.Equal(expected[i].Members[e + 1], edge.To);
                Assert.Equal(naive.Strength(edge.From, edge.To), edge.Strength);
                Assert.Equal(naive.Created(edge.From, edge.To), edge.CreatedAt);
            }
        }
    }
}
