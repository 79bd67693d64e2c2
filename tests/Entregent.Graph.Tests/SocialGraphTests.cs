namespace Entregent.Graph.Tests;

public class SocialGraphTests
{
    [Fact]
    public void Constructor_Empty_HasNoMembers()
    {
        var graph = new SocialGraph();

        Assert.Equal(0, graph.MemberCount);
        Assert.Equal(0, graph.ConnectionCount);
    }
}
