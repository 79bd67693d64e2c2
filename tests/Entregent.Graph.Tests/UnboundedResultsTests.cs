namespace Entregent.Graph.Tests;

/// <summary>"Give me all of them": a caller may pass int.MaxValue as the result bound of a top-k query.</summary>
public class UnboundedResultsTests
{
    [Fact]
    public void Reach_MaxResultsIntMax_ReturnsEveryMemberInRange()
    {
        var graph = TestGraphs.Parse("0-1:0.5 1-2:0.5 2-3:0.5 3-4:0.5");

        var reach = graph.Reach(0, [1, 2, 3, 4], new ReachOptions { MaxResults = int.MaxValue });

        Assert.Equal([1, 2, 3], reach.Select(r => r.Member).Order().ToArray());
    }

    [Fact]
    public void Suggestions_MaxResultsIntMax_ReturnsEveryFriendOfFriend()
    {
        var graph = TestGraphs.Parse("0-1:0.5 1-2:0.5 1-3:0.5 0-4:0.5 4-5:0.5");

        var suggestions = graph.Suggestions(0, new SuggestionOptions { MaxResults = int.MaxValue });

        Assert.Equal([2, 3, 5], suggestions.Select(s => s.Member).Order().ToArray());
    }

    [Fact]
    public void AllShortestPaths_MaxPathsIntMax_ReturnsEveryShortestPath()
    {
        var graph = TestGraphs.Parse("0-1:0.5 0-2:0.5 1-3:0.5 2-3:0.5");

        var paths = graph.AllShortestPaths(0, 3, maxPaths: int.MaxValue);

        Assert.Equal(2, paths.Count);
    }
}
