using Entregent.Graph.Internal;

namespace Entregent.Graph.Tests.Internal;

public class GraphSnapshotTests
{
    [Fact]
    public void Build_AverageDegreeFifty_StaysWithinTwelveBytesPerConnection()
    {
        var random = new Random(5);
        var builder = new GraphBuilder();
        const int members = 20_000;
        for (var i = 0; i < members * 25; i++)
        {
            var a = random.Next(members);
            var b = random.Next(members);
            builder.AddConnection(a, b, (float)random.NextDouble(), TestGraphs.Created.AddDays(random.Next(5000)));
        }

        var graph = builder.Build();

        Assert.True(graph.ConnectionCount > members * 24);
        Assert.InRange(graph.SnapshotConnectionBytes / (double)graph.ConnectionCount, 11.0, 12.0);
    }

    [Fact]
    public void Slot_EitherDirection_FindsTheSameStoredConnection()
    {
        var graph = TestGraphs.Parse("0-1:0.1 0-2:0.2 1-2:0.3 2-3:0.4 3-0:0.5 1-3:0.6");
        var snapshot = graph.State.Snapshot;

        for (var u = 0; u < snapshot.MemberCount; u++)
        {
            var row = snapshot.Row(u);
            for (var i = 0; i < row.Length; i++)
            {
                var v = row[i];
                var j = snapshot.Row(v).IndexOf(u);
                Assert.Equal(snapshot.Slot(u, i), snapshot.Slot(v, j));
            }
        }

        Assert.Equal(6, snapshot.Strengths.Length);
        Assert.Equal(6, snapshot.Strengths.Distinct().Count());
    }

    [Fact]
    public void FromState_AfterOverlayChanges_EqualsRebuildFromScratch()
    {
        var graph = TestGraphs.Parse(TestGraphs.Office, GraphChange.Connect(7, 0, 0.25f, TestGraphs.Created), GraphChange.Disconnect(3, 4));
        var compacted = SnapshotBuilder.FromState(graph.State);
        var rebuilt = TestGraphs.Parse("0-1:0.9 0-2:0.5 1-3:0.8 2-3:0.6 4-5:0.4 2-6:0.3 6-4:0.9 7-0:0.25").State.Snapshot;

        Assert.Equal(rebuilt.Offsets, compacted.Offsets);
        Assert.Equal(rebuilt.Neighbours, compacted.Neighbours);
        Assert.Equal(rebuilt.UpperOffsets, compacted.UpperOffsets);
        Assert.Equal(rebuilt.Strengths, compacted.Strengths);
        Assert.Equal(rebuilt.CreatedDays, compacted.CreatedDays);
    }
}
