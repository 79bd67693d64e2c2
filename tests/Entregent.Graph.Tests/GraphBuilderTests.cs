namespace Entregent.Graph.Tests;

public class GraphBuilderTests
{
    [Fact]
    public void Build_DuplicatePair_LaterConnectionWins()
    {
        var graph = new GraphBuilder()
            .AddConnection(0, 1, 0.2f, TestGraphs.Created)
            .AddConnection(1, 0, 0.8f, TestGraphs.Created.AddDays(3))
            .Build();

        Assert.Equal(1, graph.ConnectionCount);
        Assert.True(graph.TryGetConnection(0, 1, out var connection));
        Assert.Equal(new Connection(1, 204 / 255f, TestGraphs.Created.AddDays(3)), connection);
    }

    [Fact]
    public void Build_Nothing_GivesAnEmptyGraph()
    {
        var graph = new GraphBuilder().Build();

        Assert.Equal(0, graph.MemberCount);
        Assert.Empty(graph.Neighbourhood(0));
        Assert.Empty(graph.Suggestions(0));
    }

    [Fact]
    public void Build_SelfConnection_IsIgnored()
    {
        var graph = new GraphBuilder().AddConnection(2, 2, 1, TestGraphs.Created).Build();

        Assert.Equal(3, graph.MemberCount);
        Assert.Equal(0, graph.ConnectionCount);
    }

    [Theory]
    [InlineData(-0.5f, 0f)]
    [InlineData(0f, 0f)]
    [InlineData(1f, 1f)]
    [InlineData(7f, 1f)]
    [InlineData(float.NaN, 0f)]
    [InlineData(0.5f, 128 / 255f)]
    public void AddConnection_Strength_IsClampedAndQuantised(float strength, float stored)
    {
        var graph = new GraphBuilder().AddConnection(0, 1, strength, TestGraphs.Created).Build();

        Assert.True(graph.TryGetConnection(1, 0, out var connection));
        Assert.Equal(stored, connection.Strength);
    }

    [Theory]
    [InlineData("2021-07-14T23:59:00+00:00", "2021-07-14T00:00:00+00:00")]
    [InlineData("2021-07-15T01:00:00+02:00", "2021-07-14T00:00:00+00:00")]
    [InlineData("1990-01-01T00:00:00+00:00", "2000-01-01T00:00:00+00:00")]
    public void AddConnection_CreatedAt_IsKeptAsUtcDay(string createdAt, string stored)
    {
        var graph = new GraphBuilder().AddConnection(0, 1, 1, DateTimeOffset.Parse(createdAt, System.Globalization.CultureInfo.InvariantCulture)).Build();

        Assert.True(graph.TryGetConnection(0, 1, out var connection));
        Assert.Equal(DateTimeOffset.Parse(stored, System.Globalization.CultureInfo.InvariantCulture), connection.CreatedAt);
    }

    [Fact]
    public void Build_MembershipsGroupsBlocksHiddenAndHiddenLists_AreAllKept()
    {
        var graph = new GraphBuilder()
            .AddMembership(1, 3, new DateOnly(2020, 1, 1), new DateOnly(2021, 1, 1))
            .AddMembership(1, 3, new DateOnly(2020, 1, 1), null)
            .AddMembership(1, 0, new DateOnly(2019, 1, 1))
            .AddGroupMembership(2, 5)
            .AddGroupMembership(2, 5)
            .AddBlock(0, 4)
            .AddHidden(3)
            .AddConnectionListHidden(6)
            .AddConnectionListHidden(6)
            .Build();

        Assert.Equal([new OrganisationMembership(0, new DateOnly(2019, 1, 1), null), new OrganisationMembership(3, new DateOnly(2020, 1, 1), null)], graph.GetMemberships(1));
        Assert.Equal(4, graph.OrganisationCount);
        Assert.Equal([1], graph.GetOrganisationMembers(3));
        Assert.Equal([5], graph.GetGroups(2));
        Assert.Equal([2], graph.GetGroupMembers(5));
        Assert.True(graph.IsBlocked(4, 0));
        Assert.True(graph.IsHidden(3));
        Assert.False(graph.IsHidden(2));
        Assert.True(graph.IsConnectionListHidden(6));
        Assert.False(graph.IsConnectionListHidden(3));
        Assert.False(graph.IsHidden(6));
        Assert.Equal(7, graph.MemberCount);
    }

    [Fact]
    public void AddMembership_EndBeforeStart_Throws()
    {
        Assert.Throws<ArgumentException>(() => new GraphBuilder().AddMembership(0, 0, new DateOnly(2020, 1, 2), new DateOnly(2020, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GraphBuilder().AddConnection(-1, 0, 1, TestGraphs.Created));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GraphBuilder().AddConnectionListHidden(-1));
    }
}
