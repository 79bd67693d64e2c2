using Entregent.Graph.Tests.Oracle;

namespace Entregent.Graph.Tests;

public class SocialGraphTests
{
    private static readonly GraphChange[] None = [];

    public static TheoryData<string, int, int, Degree> DegreeCases => new()
    {
        { "", 0, 1, Degree.First },
        { "", 1, 0, Degree.First },
        { "", 0, 3, Degree.Second },
        { "", 0, 6, Degree.Second },
        { "", 0, 4, Degree.Third },
        { "", 4, 0, Degree.Third },
        { "", 0, 5, Degree.None },
        { "", 0, 7, Degree.None },
        { "", 0, 0, Degree.None },
        { "", 0, 99, Degree.None },
        { "", 99, 0, Degree.None },
        { "block 0 1", 0, 1, Degree.None },
        { "block 0 1", 0, 3, Degree.Second },
        { "block 1 0", 0, 3, Degree.Second },
        { "block 0 2", 0, 6, Degree.None },
        { "block 0 2", 0, 4, Degree.Third },
        { "block 0 3", 0, 4, Degree.Third },
        { "hide 3", 0, 4, Degree.Third },
        { "hide 3", 0, 3, Degree.None },
        { "hide 3 hide 6", 0, 4, Degree.None },
        { "hide 0", 0, 1, Degree.First },
        { "block 1 3", 0, 3, Degree.Second },
        { "disconnect 0 1", 0, 1, Degree.Third },
        { "connect 0 5", 0, 5, Degree.First },
        { "connect 7 5", 0, 7, Degree.None },
        { "connect 7 6", 0, 7, Degree.Third },
    };

    [Theory]
    [MemberData(nameof(DegreeCases))]
    public void Degree_OfficeGraph_IsBoundedDistanceForViewer(string changes, int viewer, int other, Degree expected)
    {
        var graph = TestGraphs.Parse(TestGraphs.Office, Changes(changes));

        Assert.Equal(expected, graph.Degree(viewer, other));
        Assert.Equal([expected], graph.Degrees(viewer, [other]));
    }

    [Theory]
    [InlineData(0, "1,2,3,4,5,6,7,0", "1,1,2,3,0,2,0,0")]
    [InlineData(5, "4,3,6,1,2,0", "1,2,2,3,3,0")]
    [InlineData(7, "0,1,7", "0,0,0")]
    public void Degrees_Page_MatchesOneByOne(int viewer, string page, string expected)
    {
        var graph = TestGraphs.Parse(TestGraphs.Office);
        var others = TestGraphs.Ids(page);

        var cold = graph.Degrees(viewer, others);
        var warm = graph.Degrees(viewer, others);

        Assert.Equal(TestGraphs.Ids(expected), cold.Select(d => (int)d));
        Assert.Equal(cold, warm);
        Assert.Equal(others.Select(o => graph.Degree(viewer, o)), cold);
    }

    [Fact]
    public void Degrees_DestinationTooShort_Throws()
    {
        var graph = TestGraphs.Parse(TestGraphs.Office);

        Assert.Throws<ArgumentException>(() => graph.Degrees(0, [1, 2], new Degree[1]));
    }

    [Theory]
    [InlineData("", 0, 3, "1,2")]
    [InlineData("", 3, 0, "1,2")]
    [InlineData("", 1, 2, "3,0")]
    [InlineData("", 0, 4, "")]
    [InlineData("", 0, 0, "")]
    [InlineData("block 0 1", 0, 3, "2")]
    [InlineData("block 3 1", 0, 3, "1,2")]
    [InlineData("hide 2", 0, 3, "1")]
    [InlineData("block 0 3", 0, 3, "")]
    [InlineData("strength 0 2 1 strength 2 3 1", 0, 3, "2,1")]
    public void MutualConnections_OfficeGraph_StrongestFirst(string changes, int viewer, int other, string expected)
    {
        var graph = TestGraphs.Parse(TestGraphs.Office, Changes(changes));

        var mutuals = graph.MutualConnections(viewer, other);

        Assert.Equal(TestGraphs.Ids(expected), mutuals.Select(m => m.Member));
        Assert.Equal(mutuals.Count, graph.MutualConnectionCount(viewer, other));
        Assert.All(mutuals, m => Assert.True(graph.AreConnected(viewer, m.Member) && graph.AreConnected(m.Member, other)));
    }

    [Fact]
    public void MutualConnections_MaxResults_KeepsStrongest()
    {
        var graph = TestGraphs.Parse(TestGraphs.Office);

        var mutuals = graph.MutualConnections(0, 3, maxResults: 1);

        var only = Assert.Single(mutuals);
        Assert.Equal(1, only.Member);
        Assert.Equal(0.9f, only.ViewerStrength, 1f / 255);
        Assert.Equal(0.8f, only.OtherStrength, 1f / 255);
    }

    [Theory]
    [InlineData("", 0, 0, 0)]
    [InlineData("", 0, 1, 1)]
    [InlineData("", 0, 4, 3)]
    [InlineData("", 0, 5, 4)]
    [InlineData("", 5, 0, 4)]
    [InlineData("", 0, 7, -1)]
    [InlineData("", 0, 42, -1)]
    [InlineData("hide 4", 0, 5, -1)]
    [InlineData("block 0 5", 0, 5, -1)]
    [InlineData("block 0 4", 0, 5, -1)]
    [InlineData("connect 7 5", 0, 7, 5)]
    [InlineData("disconnect 3 4", 0, 5, 4)]
    [InlineData("disconnect 3 4 disconnect 6 4", 0, 5, -1)]
    public void ShortestPathLength_OfficeGraph_IsUnboundedDistance(string changes, int viewer, int other, int expected)
    {
        var graph = TestGraphs.Parse(TestGraphs.Office, Changes(changes));

        Assert.Equal(expected, graph.ShortestPathLength(viewer, other));
    }

    [Theory]
    [InlineData("", 0, 4, 100, "0-1-3-4|0-2-3-4|0-2-6-4")]
    [InlineData("", 0, 4, 1, "0-1-3-4")]
    [InlineData("", 4, 0, 100, "4-3-1-0|4-3-2-0|4-6-2-0")]
    [InlineData("", 0, 5, 100, "0-1-3-4-5|0-2-3-4-5|0-2-6-4-5")]
    [InlineData("", 0, 0, 100, "0")]
    [InlineData("", 0, 7, 100, "")]
    [InlineData("block 0 1", 0, 4, 100, "0-2-3-4|0-2-6-4")]
    [InlineData("hide 3", 0, 4, 100, "0-2-6-4")]
    public void AllShortestPaths_OfficeGraph_RankedByStrengthProduct(string changes, int from, int to, int maxPaths, string expected)
    {
        var graph = TestGraphs.Parse(TestGraphs.Office, Changes(changes));

        var paths = graph.AllShortestPaths(from, to, maxPaths);

        Assert.Equal(expected, TestGraphs.Format(paths));
        Assert.All(paths, p => Assert.Equal(p.Members.Count - 1, p.Length));
    }

    [Fact]
    public void AllShortestPaths_PairWeight_ChangesTheRanking()
    {
        var graph = TestGraphs.Parse(TestGraphs.Office);

        // Prefer paths through member 6 whatever the strengths.
        var paths = graph.AllShortestPaths(0, 4, pairWeight: (from, to, _) => from == 6 || to == 6 ? 10 : 1);

        Assert.Equal("0-2-6-4|0-1-3-4|0-2-3-4", TestGraphs.Format(paths));
        Assert.Equal(100, paths[0].Weight);
    }

    [Fact]
    public void AllShortestPaths_Edges_ExplainEachHop()
    {
        var graph = TestGraphs.Parse(TestGraphs.Office);

        var best = graph.AllShortestPaths(0, 4)[0];

        Assert.Equal([(0, 1), (1, 3), (3, 4)], best.Edges.Select(e => (e.From, e.To)));
        Assert.Equal([0.9f, 0.8f, 0.7f], best.Edges.Select(e => MathF.Round(e.Strength, 2)));
        Assert.All(best.Edges, e => Assert.Equal(TestGraphs.Created, e.CreatedAt));
        Assert.Equal(best.Edges.Aggregate(1.0, (w, e) => w * e.Strength), best.Weight, 12);
    }

    [Theory]
    [InlineData("", 0, 3, 5, "0-1-3|0-2-3")]
    [InlineData("", 0, 4, 5, "0-1-3-4|0-2-3-4|0-2-6-4")]
    [InlineData("", 0, 4, 2, "0-1-3-4|0-2-3-4")]
    [InlineData("", 0, 1, 5, "0-1|0-2-3-1")]
    [InlineData("", 0, 5, 2, "0-1-3-4-5|0-2-3-4-5")]
    [InlineData("", 0, 7, 3, "")]
    [InlineData("", 0, 0, 3, "")]
    [InlineData("block 0 4", 0, 4, 3, "")]
    [InlineData("block 0 1", 0, 3, 3, "0-2-3")]
    [InlineData("hide 1", 0, 4, 3, "0-2-3-4|0-2-6-4")]
    [InlineData("connect 0 4", 0, 4, 2, "0-1-3-4|0-4")]
    public void IntroductionPaths_OfficeGraph_BestKByStrength(string changes, int viewer, int target, int k, string expected)
    {
        var graph = TestGraphs.Parse(TestGraphs.Office, Changes(changes));

        var paths = graph.IntroductionPaths(viewer, target, k);

        Assert.Equal(expected, TestGraphs.Format(paths));
        Assert.All(paths, p => Assert.Equal(p.Members.Count - 1, p.Edges.Count));
    }

    [Theory]
    [InlineData("", 0, "3,4,5,6,7", 3, "3:2:1,2 6:2:2 4:3:1,2")]
    [InlineData("", 0, "3,4,5,6,7", 2, "3:2:1,2 6:2:2")]
    [InlineData("", 0, "1,2,4", 3, "1:1: 2:1: 4:3:1,2")]
    [InlineData("", 0, "0,4,4", 3, "4:3:1,2")]
    [InlineData("block 0 1", 0, "3,4", 3, "3:2:2 4:3:2")]
    [InlineData("hide 3", 0, "3,4", 3, "4:3:2")]
    [InlineData("block 0 4", 0, "3,4", 3, "3:2:1,2")]
    public void Reach_OfficeGraph_NearestWithIntermediaries(string changes, int viewer, string set, int depth, string expected)
    {
        var graph = TestGraphs.Parse(TestGraphs.Office, Changes(changes));

        var reach = graph.Reach(viewer, TestGraphs.Ids(set), new ReachOptions { MaxDepth = depth });

        Assert.Equal(expected, string.Join(' ', reach.Select(r => $"{r.Member}:{r.Distance}:{string.Join(',', r.Intermediaries)}")));
    }

    [Fact]
    public void Reach_MaxIntermediaries_KeepsBest()
    {
        var graph = TestGraphs.Parse(TestGraphs.Office);

        var reach = graph.Reach(0, [4], new ReachOptions { MaxIntermediaries = 1 });

        var four = Assert.Single(reach);
        Assert.Equal([1], four.Intermediaries);
        Assert.Equal(graph.IntroductionPaths(0, 4, 1)[0].Weight, four.Strength, 12);
    }

    [Fact]
    public void Reach_EdgeFilterThrows_LaterQueriesAreUnaffected()
    {
        var graph = TestGraphs.Parse(TestGraphs.Office, GraphChange.Connect(7, 5, 1, TestGraphs.Created));
        var throwing = new ReachOptions { EdgeFilter = (_, to) => to == 4 ? throw new InvalidOperationException("filter") : true };

        for (var i = 0; i < 20; i++)
        {
            Assert.Throws<InvalidOperationException>(() => graph.Reach(0, [4], throwing));
            Assert.Equal("3:3:5", string.Join(' ', graph.Reach(7, [1, 3]).Select(r => $"{r.Member}:{r.Distance}:{string.Join(',', r.Intermediaries)}")));
            Assert.Equal(-1, graph.ShortestPathLength(7, 99));
        }
    }

    [Theory]
    [InlineData(0, 10, 3)]
    [InlineData(4, 10, 3)]
    [InlineData(3, -1, 3)]
    [InlineData(3, 10, -1)]
    public void Reach_InvalidOptions_Throws(int depth, int maxResults, int maxIntermediaries)
    {
        var graph = TestGraphs.Parse(TestGraphs.Office);
        var options = new ReachOptions { MaxDepth = depth, MaxResults = maxResults, MaxIntermediaries = maxIntermediaries };

        Assert.Throws<ArgumentOutOfRangeException>(() => graph.Reach(0, [1], options));
        Assert.Throws<ArgumentOutOfRangeException>(() => graph.ReachOrganisation(0, 0, options));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Neighbourhood_InvalidDepth_Throws(int depth)
    {
        var graph = TestGraphs.Parse(TestGraphs.Office);

        Assert.Throws<ArgumentOutOfRangeException>(() => graph.Neighbourhood(0, depth));
    }

    [Fact]
    public void ReachOrganisation_CurrentMembersOnly_FindsWhoIKnowThere()
    {
        var clock = new FixedTimeProvider(RandomGraphs.Now);
        var graph = TestGraphs.Parse(
            TestGraphs.Office,
            new SocialGraphOptions { TimeProvider = clock },
            GraphChange.AddMembership(3, 0, new DateOnly(2019, 1, 1), null),
            GraphChange.AddMembership(4, 0, new DateOnly(2015, 1, 1), new DateOnly(2018, 12, 31)),
            GraphChange.AddMembership(6, 0, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)),
            GraphChange.AddMembership(5, 0, new DateOnly(2030, 1, 1), null));

        Assert.Equal([3, 6], graph.GetCurrentMembers(0));
        Assert.Equal([3, 6], graph.ReachOrganisation(0, 0).Select(r => r.Member));

        clock.Now = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal([3], graph.ReachOrganisation(0, 0).Select(r => r.Member));
    }

    [Fact]
    public void GetCurrentMembers_AfterMembershipChangesAndCompaction_IsUpToDate()
    {
        var graph = TestGraphs.Parse(TestGraphs.Office, GraphChange.AddMembership(3, 0, new DateOnly(2019, 1, 1), null));
        Assert.Equal([3], graph.GetCurrentMembers(0));

        graph.Apply(GraphChange.AddMembership(6, 0, new DateOnly(2020, 1, 1), null));
        Assert.Equal([3, 6], graph.GetCurrentMembers(0));

        graph.Apply(GraphChange.RemoveMembership(3, 0));
        Assert.Equal([6], graph.GetCurrentMembers(0));
        Assert.Equal([6], graph.ReachOrganisation(0, 0).Select(r => r.Member));

        graph.Compact();
        graph.Apply(GraphChange.AddMembership(6, 0, new DateOnly(2020, 1, 1), new DateOnly(2021, 1, 1)));
        Assert.Empty(graph.GetCurrentMembers(0));
    }

    [Theory]
    [InlineData("", 0, 1, null, "1:1 2:1")]
    [InlineData("", 0, 2, null, "1:1 2:1 3:2 6:2")]
    [InlineData("", 0, 3, null, "1:1 2:1 3:2 6:2 4:3")]
    [InlineData("", 0, 3, 3, "1:1 2:1 3:2")]
    [InlineData("", 7, 3, null, "")]
    [InlineData("hide 2", 0, 3, null, "1:1 3:2 4:3")]
    [InlineData("block 0 3", 0, 3, null, "1:1 2:1 6:2 4:3")]
    public void Neighbourhood_OfficeGraph_NearestFirst(string changes, int viewer, int depth, int? max, string expected)
    {
        var graph = TestGraphs.Parse(TestGraphs.Office, Changes(changes));

        var members = graph.Neighbourhood(viewer, depth, maxResults: max ?? 1000);

        Assert.Equal(expected, string.Join(' ', members.Select(m => $"{m.Member}:{m.Distance}")));
    }

    [Fact]
    public void Neighbourhood_Filter_KeepsTraversingThroughFilteredMembers()
    {
        var graph = TestGraphs.Parse(TestGraphs.Office);

        var members = graph.Neighbourhood(0, 3, filter: m => m is 4 or 6);

        Assert.Equal([new NeighbourhoodMember(6, 2), new NeighbourhoodMember(4, 3)], members);
    }

    [Theory]
    [InlineData("", false, "", "3:2 6:1")]
    [InlineData("", false, "3", "6:1")]
    [InlineData("hide 3", false, "", "6:1")]
    [InlineData("block 0 6", false, "", "3:2")]
    [InlineData("block 0 2", false, "", "3:1")]
    [InlineData("org 0 0 org 6 0", false, "", "6:3 3:2")]
    [InlineData("org 0 0 org 5 0", false, "", "3:2 6:1")]
    [InlineData("org 0 0 org 5 0", true, "", "3:2 5:2 6:1")]
    [InlineData("group 0 1 group 5 1 group 3 1", true, "", "3:2.5 6:1 5:0.5")]
    [InlineData("connect 0 3", false, "", "4:1 6:1")]
    public void Suggestions_OfficeGraph_FriendsOfFriendsRanked(string changes, bool peers, string excluded, string expected)
    {
        var graph = TestGraphs.Parse(TestGraphs.Office, Changes(changes));
        var options = new SuggestionOptions { IncludeOrganisationAndGroupPeers = peers, Excluded = TestGraphs.Ids(excluded).ToHashSet() };

        var suggestions = graph.Suggestions(0, options);

        Assert.Equal(expected, string.Join(' ', suggestions.Select(s => FormattableString.Invariant($"{s.Member}:{s.Score}"))));
    }

    [Fact]
    public void Suggestions_PastMembershipsWithoutOverlap_DoNotCount()
    {
        var graph = TestGraphs.Parse(
            TestGraphs.Office,
            GraphChange.AddMembership(0, 0, new DateOnly(2010, 1, 1), new DateOnly(2012, 1, 1)),
            GraphChange.AddMembership(6, 0, new DateOnly(2012, 1, 2), null),
            GraphChange.AddMembership(3, 0, new DateOnly(2011, 6, 1), new DateOnly(2011, 7, 1)));

        var suggestions = graph.Suggestions(0);

        Assert.Equal([(3, 1), (6, 0)], suggestions.Select(s => (s.Member, s.SharedOrganisations)));
    }

    [Fact]
    public void Constructor_EmptyGraphThenApply_AnswersQueries()
    {
        var graph = new SocialGraph();
        Assert.Equal(0, graph.MemberCount);
        Assert.Equal(Degree.None, graph.Degree(0, 1));

        graph.Apply([GraphChange.Connect(0, 1, 1, TestGraphs.Created), GraphChange.Connect(1, 2, 1, TestGraphs.Created), GraphChange.AddMember(5)]);

        Assert.Equal(6, graph.MemberCount);
        Assert.Equal(Degree.Second, graph.Degree(0, 2));
        Assert.Equal([Degree.First, Degree.Second, Degree.None], graph.Degrees(0, [1, 2, 5]));
        graph.Compact();
        Assert.Equal("0-1-2", TestGraphs.Format(graph.IntroductionPaths(0, 2)));
        Assert.Equal(2, graph.ConnectionCount);
    }

    [Fact]
    public void Apply_InvalidChange_AppliesNothing()
    {
        var graph = TestGraphs.Parse(TestGraphs.Office);
        var version = graph.Version;

        Assert.Throws<ArgumentException>(() => graph.Apply([GraphChange.Connect(0, 5, 1, TestGraphs.Created), GraphChange.Connect(3, 3, 1, TestGraphs.Created)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => graph.Apply([GraphChange.Connect(0, -5, 1, TestGraphs.Created)]));
        Assert.Throws<ArgumentException>(() => graph.Apply([GraphChange.AddMembership(0, 1, new DateOnly(2020, 1, 2), new DateOnly(2020, 1, 1))]));

        Assert.False(graph.AreConnected(0, 5));
        Assert.Equal(version, graph.Version);
    }

    [Fact]
    public void Apply_Connections_UpdateCountsAndVersion()
    {
        var graph = TestGraphs.Parse(TestGraphs.Office);

        graph.Apply([GraphChange.Connect(0, 9, 0.2f, TestGraphs.Created), GraphChange.Connect(0, 1, 0.1f, TestGraphs.Created), GraphChange.Disconnect(4, 5), GraphChange.Disconnect(4, 5)]);

        Assert.Equal(10, graph.MemberCount);
        Assert.Equal(8, graph.ConnectionCount);
        Assert.Equal(1, graph.Version);
        Assert.True(graph.TryGetConnection(1, 0, out var connection));
        Assert.Equal(0.1f, connection.Strength, 1f / 255);
        Assert.False(graph.AreConnected(5, 4));
        Assert.Equal(0, graph.ConnectionCountOf(5));
    }

    [Fact]
    public void Compact_AfterChanges_KeepsAnswersAndEmptiesOverlay()
    {
        var graph = TestGraphs.Parse(TestGraphs.Office, Changes("connect 7 5 disconnect 0 1 hide 6 hidelist 2 block 0 3 org 0 0 group 0 0"));
        var before = Snapshot(graph);
        Assert.True(graph.OverlayMemberCount > 0);

        graph.Compact();

        Assert.Equal(0, graph.OverlayMemberCount);
        Assert.Equal(1, graph.Version);
        Assert.Equal(before, Snapshot(graph));
    }

    [Fact]
    public async Task Apply_PastCompactionThreshold_CompactsInBackground()
    {
        var graph = TestGraphs.Parse(TestGraphs.Office, new SocialGraphOptions { CompactionThreshold = 2 });

        graph.Apply([GraphChange.Connect(0, 5, 1, TestGraphs.Created), GraphChange.Connect(7, 3, 1, TestGraphs.Created)]);

        var cancellation = TestContext.Current.CancellationToken;
        for (var i = 0; i < 500 && graph.OverlayMemberCount > 0; i++)
        {
            await Task.Delay(10, cancellation);
        }

        Assert.Equal(0, graph.OverlayMemberCount);
        Assert.True(graph.AreConnected(5, 0));
        Assert.Equal(Degree.Second, graph.Degree(5, 1));
    }

    [Fact]
    public void EdgeFilter_MemberHidingTheirList_IsNotTraversedByOthers()
    {
        var graph = TestGraphs.Parse(TestGraphs.Office);

        // Member 3 hides their connection list: nobody but 3 may follow an edge out of 3.
        var options = new QueryOptions { EdgeFilter = (from, _) => from != 3 };

        Assert.Equal(Degree.Third, graph.Degree(0, 4, options));
        Assert.Equal("0-2-6-4", TestGraphs.Format(graph.IntroductionPaths(0, 4, 5, options)));
        Assert.Equal([Degree.Second, Degree.Third], graph.Degrees(0, [3, 4], options));
    }

    // ---- Members hiding their connection list (on the office graph) ----------------------------------------------

    [Theory]
    [InlineData("hidelist 1", 0, 3, "2")]
    [InlineData("hidelist 1 connect 0 3", 0, 3, "1,2")]
    [InlineData("hidelist 3", 0, 3, "1,2")]
    [InlineData("hidelist 3", 1, 2, "0")]
    [InlineData("hidelist 3 connect 1 2", 1, 2, "3,0")]
    [InlineData("hidelist 0", 0, 3, "1,2")]
    [InlineData("hidelist 1 hidelist 2", 3, 0, "")]
    [InlineData("hidelist 1 showlist 1", 0, 3, "1,2")]
    public void MutualConnections_HiddenList_ShownOnlyWhenTheViewerKnowsBothEnds(string changes, int viewer, int other, string expected)
    {
        var graph = TestGraphs.Parse(TestGraphs.Office, Changes(changes));

        var mutuals = graph.MutualConnections(viewer, other);

        Assert.Equal(TestGraphs.Ids(expected), mutuals.Select(m => m.Member));
        Assert.Equal(mutuals.Count, graph.MutualConnectionCount(viewer, other));
    }

    [Theory]
    [InlineData("hidelist 1", 0, 1, Degree.First)]
    [InlineData("hidelist 1", 0, 3, Degree.Second)]
    [InlineData("hidelist 1 hidelist 2", 0, 3, Degree.None)]
    [InlineData("hidelist 1 hidelist 2", 0, 4, Degree.None)]
    [InlineData("hidelist 3", 0, 3, Degree.Second)]
    [InlineData("hidelist 3", 0, 4, Degree.Third)]
    [InlineData("hidelist 3 hidelist 6", 0, 4, Degree.None)]
    [InlineData("hidelist 4", 0, 4, Degree.None)]
    [InlineData("hidelist 4 connect 0 3", 0, 4, Degree.Second)]
    [InlineData("hidelist 3", 4, 1, Degree.None)]
    [InlineData("hidelist 3", 4, 2, Degree.Second)]
    [InlineData("hidelist 1", 1, 4, Degree.Second)]
    [InlineData("hidelist 1 hidelist 2", 3, 0, Degree.None)]
    [InlineData("hidelist 1 block 0 2", 0, 3, Degree.None)]
    public void Degree_HiddenList_NoOneIsReachedThroughAHidingMember(string changes, int viewer, int other, Degree expected)
    {
        var graph = TestGraphs.Parse(TestGraphs.Office, Changes(changes));

        Assert.Equal(expected, graph.Degree(viewer, other));
        Assert.Equal([expected], graph.Degrees(viewer, [other]));
    }

    [Theory]
    [InlineData("", 4, 1, 2)]
    [InlineData("hidelist 3", 4, 1, 4)]
    [InlineData("hidelist 4", 0, 5, -1)]
    [InlineData("hidelist 4 connect 0 3", 0, 5, -1)]
    [InlineData("hidelist 4", 5, 0, -1)]
    public void ShortestPathLength_HiddenList_AvoidsHiddenConnections(string changes, int viewer, int other, int expected)
    {
        var graph = TestGraphs.Parse(TestGraphs.Office, Changes(changes));

        Assert.Equal(expected, graph.ShortestPathLength(viewer, other));
    }

    [Theory]
    [InlineData("hidelist 3", 0, 5, "0-2-6-4-5")]
    [InlineData("hidelist 6", 0, 4, "0-1-3-4|0-2-3-4")]
    [InlineData("hidelist 3", 4, 0, "4-6-2-0")]
    [InlineData("hidelist 3 connect 0 4", 0, 3, "0-1-3|0-4-3|0-2-3")]
    public void AllShortestPaths_HiddenList_NeverThroughAHiddenConnection(string changes, int viewer, int other, string expected)
    {
        var graph = TestGraphs.Parse(TestGraphs.Office, Changes(changes));

        Assert.Equal(expected, TestGraphs.Format(graph.AllShortestPaths(viewer, other)));
    }

    [Theory]
    [InlineData("hidelist 1", 0, 4, "0-2-3-4|0-2-6-4")]
    [InlineData("hidelist 3", 0, 4, "0-2-6-4")]
    [InlineData("hidelist 3", 0, 3, "0-1-3|0-2-3")]
    [InlineData("hidelist 3", 0, 1, "0-1|0-2-3-1")]
    [InlineData("hidelist 2", 0, 1, "0-1")]
    [InlineData("hidelist 4", 0, 5, "")]
    [InlineData("hidelist 3", 4, 1, "4-6-2-0-1")]
    public void IntroductionPaths_HiddenList_NeverThroughAHiddenConnection(string changes, int viewer, int target, string expected)
    {
        var graph = TestGraphs.Parse(TestGraphs.Office, Changes(changes));

        Assert.Equal(expected, TestGraphs.Format(graph.IntroductionPaths(viewer, target, 5)));
    }

    [Theory]
    [InlineData("hidelist 3", 0, "3,4,5", "3:2:1,2 4:3:2")]
    [InlineData("hidelist 2", 0, "3,4,6", "3:2:1 4:3:1")]
    [InlineData("hidelist 4", 0, "3,4,5", "3:2:1,2")]
    public void Reach_HiddenList_OnlyThroughVisibleConnections(string changes, int viewer, string set, string expected)
    {
        var graph = TestGraphs.Parse(TestGraphs.Office, Changes(changes));

        var reach = graph.Reach(viewer, TestGraphs.Ids(set));

        Assert.Equal(expected, string.Join(' ', reach.Select(r => $"{r.Member}:{r.Distance}:{string.Join(',', r.Intermediaries)}")));
    }

    [Theory]
    [InlineData("hidelist 2", 0, "1:1 2:1 3:2 4:3")]
    [InlineData("hidelist 1 hidelist 2", 0, "1:1 2:1")]
    [InlineData("hidelist 3", 0, "1:1 2:1 3:2 6:2 4:3")]
    public void Neighbourhood_HiddenList_OnlyThroughVisibleConnections(string changes, int viewer, string expected)
    {
        var graph = TestGraphs.Parse(TestGraphs.Office, Changes(changes));

        Assert.Equal(expected, string.Join(' ', graph.Neighbourhood(viewer, 3).Select(m => $"{m.Member}:{m.Distance}")));
    }

    [Theory]
    [InlineData("hidelist 1", "3:1 6:1")]
    [InlineData("hidelist 2", "3:1")]
    [InlineData("hidelist 1 hidelist 2", "")]
    [InlineData("hidelist 3", "3:2 6:1")]
    [InlineData("hidelist 0", "3:2 6:1")]
    [InlineData("hidelist 2 showlist 2", "3:2 6:1")]
    public void Suggestions_HiddenList_CommonConnectionsThroughItDoNotCount(string changes, string expected)
    {
        var graph = TestGraphs.Parse(TestGraphs.Office, Changes(changes));

        var suggestions = graph.Suggestions(0, new SuggestionOptions { IncludeOrganisationAndGroupPeers = false });

        Assert.Equal(expected, string.Join(' ', suggestions.Select(s => FormattableString.Invariant($"{s.Member}:{s.Score}"))));
    }

    [Theory]
    [InlineData("hidelist 2", false, "1,1,2,3,0,0,0")]
    [InlineData("hidelist 2|hidelist 1", false, "1,1,0,0,0,0,0")]
    [InlineData("hidelist 2|hidelist 1|showlist 2", false, "1,1,2,3,0,2,0")]
    [InlineData("hidelist 2|hidelist 1|showlist 2|showlist 1", false, "1,1,2,3,0,2,0")]
    [InlineData("hidelist 2|hidelist 1|showlist 2", true, "1,1,2,3,0,2,0")]
    [InlineData("hidelist 6|hidelist 3", true, "1,1,2,0,0,2,0")]
    public void Degrees_ConnectionListToggled_CachedAnswersFollow(string steps, bool compact, string expected)
    {
        var graph = TestGraphs.Parse(TestGraphs.Office);
        int[] page = [1, 2, 3, 4, 5, 6, 7];
        graph.Degrees(0, page);

        foreach (var step in steps.Split('|'))
        {
            graph.Apply(Changes(step));
            if (compact)
            {
                graph.Compact();
            }

            Assert.Equal(page.Select(o => graph.Degree(0, o)), graph.Degrees(0, page));
        }

        Assert.Equal(TestGraphs.Ids(expected), graph.Degrees(0, page).Select(d => (int)d));
    }

    private static string Snapshot(SocialGraph graph)
    {
        var lines = new List<string>();
        for (var m = 0; m < graph.MemberCount; m++)
        {
            lines.Add($"{m}: {string.Join(',', graph.GetConnections(m))} {graph.IsHidden(m)} {graph.IsConnectionListHidden(m)} {string.Join(',', graph.GetMemberships(m))} {string.Join(',', graph.GetGroups(m))}");
            lines.Add(string.Join(',', graph.Degrees(m, Enumerable.Range(0, graph.MemberCount).ToArray())));
            lines.Add(string.Join(',', graph.Suggestions(m)));
        }

        return string.Join('\n', lines);
    }

    /// <summary>Parses "connect 0 5 disconnect 0 1 block 0 1 hide 3 hidelist 2 showlist 2 strength 0 2 1 org 0 0 group 0 1".</summary>
    private static GraphChange[] Changes(string text)
    {
        if (text.Length == 0)
        {
            return None;
        }

        var tokens = text.Split(' ');
        var changes = new List<GraphChange>();
        for (var i = 0; i < tokens.Length;)
        {
            int Next() => int.Parse(tokens[++i - 0], System.Globalization.CultureInfo.InvariantCulture);
            var verb = tokens[i];
            switch (verb)
            {
                case "connect": changes.Add(GraphChange.Connect(Next(), Next(), 0.5f, TestGraphs.Created)); break;
                case "disconnect": changes.Add(GraphChange.Disconnect(Next(), Next())); break;
                case "block": changes.Add(GraphChange.Block(Next(), Next())); break;
                case "hide": changes.Add(GraphChange.Hide(Next())); break;
                case "hidelist": changes.Add(GraphChange.HideConnectionList(Next())); break;
                case "showlist": changes.Add(GraphChange.ShowConnectionList(Next())); break;
                case "strength": changes.Add(GraphChange.SetStrength(Next(), Next(), Next())); break;
                case "org": changes.Add(GraphChange.AddMembership(Next(), Next(), new DateOnly(2020, 1, 1), null)); break;
                case "group": changes.Add(GraphChange.JoinGroup(Next(), Next())); break;
                default: throw new ArgumentException(verb);
            }

            i++;
        }

        return [.. changes];
    }
}
