namespace Entregent.Graph.Tests.Internal;

public class NetworkCacheTests
{
    [Theory]
    [InlineData("connect 5 7", false)]
    [InlineData("disconnect 4 5", false)]
    [InlineData("connect 3 7", false)]
    [InlineData("org 0 1", false)]
    [InlineData("block 4 5", false)]
    [InlineData("connect 1 7", true)]
    [InlineData("disconnect 1 3", true)]
    [InlineData("connect 0 7", true)]
    [InlineData("strength 0 2", true)]
    [InlineData("block 0 6", true)]
    [InlineData("block 6 0", true)]
    [InlineData("hide 7", true)]
    [InlineData("hidelist 1", true)]
    [InlineData("hidelist 3", false)]
    [InlineData("hidelist 0", false)]
    [InlineData("hidelist 7", false)]
    public void Degrees_AfterChange_RecomputesOnlyWhenTheChangeTouchesTheViewersNetwork(string change, bool recomputes)
    {
        var graph = TestGraphs.Parse(TestGraphs.Office);
        graph.Degrees(0, [1]);
        var before = graph.Networks.Computations;

        graph.Apply(Parse(change));
        var page = graph.Degrees(0, [1, 2, 3, 4, 5, 6, 7]);

        Assert.Equal(recomputes ? before + 1 : before, graph.Networks.Computations);
        Assert.Equal(Enumerable.Range(1, 7).Select(o => graph.Degree(0, o)), page);
    }

    [Fact]
    public void Degrees_SameVersion_ComputesOnce()
    {
        var graph = TestGraphs.Parse(TestGraphs.Office);

        graph.Degrees(0, [1]);
        graph.Degrees(0, [3]);
        graph.Suggestions(0);

        Assert.Equal(1, graph.Networks.Computations);
        Assert.Equal(1, graph.Networks.Count);
    }

    [Fact]
    public void Degrees_MoreViewersThanCapacity_EvictsLeastRecentlyUsed()
    {
        var graph = TestGraphs.Parse(TestGraphs.Office, new SocialGraphOptions { NetworkCacheCapacity = 2 });

        graph.Degrees(0, [1]);
        graph.Degrees(1, [1]);
        graph.Degrees(0, [1]);
        graph.Degrees(2, [1]);
        graph.Degrees(0, [1]);
        Assert.Equal(3, graph.Networks.Computations);

        graph.Degrees(1, [1]);
        Assert.Equal(4, graph.Networks.Computations);
        Assert.Equal(2, graph.Networks.Count);
    }

    [Fact]
    public void Degrees_EdgeFilter_BypassesTheCache()
    {
        var graph = TestGraphs.Parse(TestGraphs.Office);
        var options = new QueryOptions { EdgeFilter = (_, _) => true };

        graph.Degrees(0, [1], options);
        graph.Degrees(0, [1], options);

        Assert.Equal(0, graph.Networks.Count);
    }

    [Fact]
    public void Degrees_AfterCompaction_KeepsValidEntries()
    {
        var graph = TestGraphs.Parse(TestGraphs.Office);
        graph.Apply(GraphChange.Connect(5, 7, 1, TestGraphs.Created));
        graph.Degrees(0, [1]);

        graph.Compact();
        graph.Degrees(0, [1]);

        Assert.Equal(1, graph.Networks.Computations);
    }

    [Fact]
    public void Degrees_ManyUnrelatedBatches_StillRecomputesWhenTheLogIsTooShort()
    {
        var graph = TestGraphs.Parse(TestGraphs.Office);
        graph.Degrees(0, [4]);

        for (var i = 0; i < 600; i++)
        {
            graph.Apply(i % 2 == 0 ? GraphChange.Connect(5, 7, 1, TestGraphs.Created) : GraphChange.Disconnect(5, 7));
        }

        Assert.Equal([Degree.Third], graph.Degrees(0, [4]));
        Assert.Equal(2, graph.Networks.Computations);
    }

    private static GraphChange Parse(string change)
    {
        var t = change.Split(' ');
        int At(int i) => int.Parse(t[i], System.Globalization.CultureInfo.InvariantCulture);
        return t[0] switch
        {
            "connect" => GraphChange.Connect(At(1), At(2), 0.5f, TestGraphs.Created),
            "disconnect" => GraphChange.Disconnect(At(1), At(2)),
            "strength" => GraphChange.SetStrength(At(1), At(2), 0.1f),
            "block" => GraphChange.Block(At(1), At(2)),
            "hide" => GraphChange.Hide(At(1)),
            "hidelist" => GraphChange.HideConnectionList(At(1)),
            "org" => GraphChange.AddMembership(At(1), At(2), new DateOnly(2020, 1, 1), null),
            _ => throw new ArgumentException(change),
        };
    }
}
