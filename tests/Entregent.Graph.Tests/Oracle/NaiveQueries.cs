namespace Entregent.Graph.Tests.Oracle;

/// <summary>
/// Brute-force answers for one viewer: the connections visible to the viewer are decided one by one from the product
/// rule, then BFS over visible members and connections, and exhaustive path enumeration.
/// </summary>
internal sealed class NaiveQueries(NaiveGraph graph, int viewer, Func<int, int, bool>? edgeFilter = null)
{
    public bool Visible(int member) => !graph.Hidden(member) && !graph.Blocked(viewer, member);

    /// <summary>The viewer's visible 1st-degree connections.</summary>
    private bool IsFirst(int member) => member != viewer && graph.Connected(viewer, member) && Visible(member);

    /// <summary>
    /// "A connection u–w is visible to viewer V iff V ∈ {u, w}, or, for each endpoint that hides its list, the other
    /// endpoint is a visible 1st-degree connection of V", then the caller's edge filter.
    /// </summary>
    private bool ConnectionVisible(int u, int w) =>
        u == viewer || w == viewer
        || ((!graph.HidesConnectionList(u) || IsFirst(w)) && (!graph.HidesConnectionList(w) || IsFirst(u)));

    private bool Edge(int from, int to) => ConnectionVisible(from, to) && (edgeFilter is null || edgeFilter(from, to));

    private IEnumerable<int> Next(int from) => graph.Neighbours(from).Where(to => Visible(to) && Edge(from, to));

    /// <summary>Distance of every visible member reachable from the viewer (the viewer at 0).</summary>
    public Dictionary<int, int> Distances()
    {
        var distances = new Dictionary<int, int> { [viewer] = 0 };
        var queue = new Queue<int>();
        queue.Enqueue(viewer);
        while (queue.Count > 0)
        {
            var x = queue.Dequeue();
            foreach (var y in Next(x))
            {
                if (distances.TryAdd(y, distances[x] + 1))
                {
                    queue.Enqueue(y);
                }
            }
        }

        return distances;
    }

    public int ShortestPathLength(int target)
    {
        if (target == viewer)
        {
            return 0;
        }

        return Distances().TryGetValue(target, out var d) ? d : -1;
    }

    public Degree Degree(int target)
    {
        var d = target == viewer ? -1 : ShortestPathLength(target);
        return d is >= 1 and <= 3 ? (Degree)d : Graph.Degree.None;
    }

    public List<MutualConnection> Mutuals(int other)
    {
        if (other == viewer || !Visible(other))
        {
            return [];
        }

        return graph.Neighbours(viewer)
            .Where(m => graph.Neighbours(other).Contains(m) && Visible(m) && Edge(viewer, m) && Edge(m, other))
            .Select(m => new MutualConnection(m, graph.Strength(viewer, m), graph.Strength(m, other)))
            .OrderByDescending(m => m.Score).ThenBy(m => m.Member)
            .ToList();
    }

    /// <summary>Every simple path from the viewer to the target with at most <paramref name="maxLength"/> hops through visible members.</summary>
    public List<int[]> SimplePaths(int target, int maxLength)
    {
        var paths = new List<int[]>();
        if (target == viewer || !Visible(target))
        {
            return paths;
        }

        var path = new List<int> { viewer };
        void Walk(int x)
        {
            if (x == target)
            {
                paths.Add([.. path]);
                return;
            }

            if (path.Count - 1 == maxLength)
            {
                return;
            }

            foreach (var y in Next(x))
            {
                if (path.Contains(y))
                {
                    continue;
                }

                path.Add(y);
                Walk(y);
                path.RemoveAt(path.Count - 1);
            }
        }

        Walk(viewer);
        return paths;
    }

    public double Weight(int[] members, PairWeight? pairWeight = null, PathWeighting weighting = PathWeighting.Product)
    {
        var weight = weighting == PathWeighting.Sum ? 0.0 : 1.0;
        for (var i = 0; i + 1 < members.Length; i++)
        {
            var strength = graph.Strength(members[i], members[i + 1]);
            var hop = pairWeight is null ? strength : pairWeight(members[i], members[i + 1], strength);
            weight = weighting == PathWeighting.Sum ? weight + hop : weight * hop;
        }

        return weight;
    }

    public List<(int[] Members, double Weight)> Rank(IEnumerable<int[]> paths, PairWeight? pairWeight = null, PathWeighting weighting = PathWeighting.Product) =>
        paths.Select(p => (Members: p, Weight: Weight(p, pairWeight, weighting)))
            .OrderByDescending(p => p.Weight)
            .ThenBy(p => p.Members.Length)
            .ThenBy(p => p.Members, Lexicographic.Instance)
            .ToList();

    public List<(int[] Members, double Weight)> AllShortestPaths(int target, PairWeight? pairWeight = null, PathWeighting weighting = PathWeighting.Product)
    {
        if (target == viewer)
        {
            return [([viewer], weighting == PathWeighting.Sum ? 0.0 : 1.0)];
        }

        var d = ShortestPathLength(target);
        if (d < 0)
        {
            return [];
        }

        return Rank(SimplePaths(target, d).Where(p => p.Length == d + 1), pairWeight, weighting);
    }

    public List<(int[] Members, double Weight)> IntroductionPaths(int target, int k)
    {
        if (target == viewer)
        {
            return [];
        }

        var within3 = Rank(SimplePaths(target, 3));
        var ranked = within3.Count > 0 ? within3 : AllShortestPaths(target);
        return ranked.Take(k).ToList();
    }

    public List<ReachResult> Reach(IEnumerable<int> members, int maxDepth, int maxResults, int maxIntermediaries)
    {
        var distances = Distances();
        var results = new List<ReachResult>();
        foreach (var t in members.Distinct())
        {
            if (t == viewer || !Visible(t) || !distances.TryGetValue(t, out var d) || d > maxDepth)
            {
                continue;
            }

            if (d == 1)
            {
                results.Add(new ReachResult(t, 1, graph.Strength(viewer, t), []));
                continue;
            }

            var paths = SimplePaths(t, d).Where(p => p.Length == d + 1).ToList();
            var byIntermediary = paths
                .GroupBy(p => p[1])
                .Select(g => (Member: g.Key, Score: g.Max(p => Weight(p))))
                .OrderByDescending(x => x.Score).ThenBy(x => x.Member)
                .ToList();
            results.Add(new ReachResult(t, d, byIntermediary[0].Score, byIntermediary.Take(maxIntermediaries).Select(x => x.Member).ToArray()));
        }

        return results.OrderBy(r => r.Distance).ThenByDescending(r => r.Strength).ThenBy(r => r.Member).Take(maxResults).ToList();
    }

    public List<NeighbourhoodMember> Neighbourhood(int maxDepth, Func<int, bool>? filter, int maxResults) =>
        Distances()
            .Where(p => p.Key != viewer && p.Value <= maxDepth && (filter is null || filter(p.Key)))
            .Select(p => new NeighbourhoodMember(p.Key, p.Value))
            .OrderBy(m => m.Distance).ThenBy(m => m.Member)
            .Take(maxResults)
            .ToList();

    public List<Suggestion> Suggestions(SuggestionOptions options)
    {
        var first = graph.Neighbours(viewer).Where(a => Visible(a) && Edge(viewer, a)).ToList();
        var viewerOrganisations = graph.Memberships(viewer).ToList();
        var viewerGroups = graph.Groups(viewer).ToList();
        var peers = new HashSet<int>();
        if (options.IncludeOrganisationAndGroupPeers)
        {
            foreach (var organisation in viewerOrganisations.Select(m => m.Organisation).Distinct())
            {
                var members = graph.OrganisationMembers(organisation).ToList();
                if (members.Count <= options.PeerScanLimit)
                {
                    peers.UnionWith(members);
                }
            }

            foreach (var group in viewerGroups)
            {
                var members = graph.GroupMembers(group).ToList();
                if (members.Count <= options.PeerScanLimit)
                {
                    peers.UnionWith(members);
                }
            }
        }

        var suggestions = new List<Suggestion>();
        for (var c = 0; c < graph.MemberCount; c++)
        {
            if (c == viewer || graph.Connected(viewer, c) || !Visible(c) || (options.Excluded?.Contains(c) ?? false))
            {
                continue;
            }

            var common = first.Count(a => graph.Neighbours(a).Contains(c) && Edge(a, c));
            if (common == 0 && !peers.Contains(c))
            {
                continue;
            }

            var theirs = graph.Memberships(c).ToList();
            var organisations = viewerOrganisations
                .Where(m => theirs.Any(o => o.Organisation == m.Organisation && Overlap(m.Start, m.End, o.Start, o.End)))
                .Select(m => m.Organisation).Distinct().Count();
            var groups = graph.Groups(c).Intersect(viewerGroups).Count();
            var score = (options.CommonConnectionWeight * common) + (options.SharedOrganisationWeight * organisations) + (options.SharedGroupWeight * groups);
            if (score > 0)
            {
                suggestions.Add(new Suggestion(c, score, common, organisations, groups));
            }
        }

        return suggestions.OrderByDescending(s => s.Score).ThenByDescending(s => s.CommonConnections).ThenBy(s => s.Member)
            .Take(options.MaxResults).ToList();
    }

    private static bool Overlap(DateOnly s1, DateOnly? e1, DateOnly s2, DateOnly? e2) =>
        s1 <= (e2 ?? DateOnly.MaxValue) && s2 <= (e1 ?? DateOnly.MaxValue);

    internal sealed class Lexicographic : IComparer<IReadOnlyList<int>>
    {
        public static readonly Lexicographic Instance = new();

        public int Compare(IReadOnlyList<int>? x, IReadOnlyList<int>? y)
        {
            for (var i = 0; i < Math.Min(x!.Count, y!.Count); i++)
            {
                if (x[i] != y[i])
                {
                    return x[i].CompareTo(y[i]);
                }
            }

            return x.Count.CompareTo(y.Count);
        }
    }
}
