using Entregent.Graph;
using Entregent.Graph.Synthetic;

namespace Entregent.Benchmarks.Compare;

/// <summary>The graph's answers in the shapes the SQL side returns, with options that ask the same question.</summary>
internal sealed class GraphSide(SyntheticNetwork network)
{

    // Friends of friends ranked by common connections only, as the SQL does.
    private static readonly SuggestionOptions CommonOnly = new()
    {
        MaxResults = 20,
        SharedOrganisationWeight = 0,
        SharedGroupWeight = 0,
        IncludeOrganisationAndGroupPeers = false,
    };

    private readonly SocialGraph _graph = Networks.Build(network);

    public int Degree(int viewer, int other) => (int)_graph.Degree(viewer, other);

    public int PathLength(int viewer, int other) => _graph.ShortestPathLength(viewer, other);

    public (int One, int Two, int Three) Reach(int viewer, int organisation)
    {
        // Every reachable member, as the SQL returns: at most the current staff (the library sizes a heap from it).
        var all = new ReachOptions { MaxResults = Math.Max(1, network.Organisations[organisation].CurrentSize) };
        int one = 0, two = 0, three = 0;
        foreach (var result in _graph.ReachOrganisation(viewer, organisation, all))
        {
            switch (result.Distance)
            {
                case 1: one++; break;
                case 2: two++; break;
                default: three++; break;
            }
        }

        return (one, two, three);
    }

    public List<(int Member, int Common)> Suggestions(int viewer) =>
        [.. _graph.Suggestions(viewer, CommonOnly).Select(s => (s.Member, s.CommonConnections))];
}
