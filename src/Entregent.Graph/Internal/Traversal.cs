namespace Entregent.Graph.Internal;

/// <summary>Distance searches shared by the queries.</summary>
internal static class Traversal
{
    /// <summary>
    /// Bidirectional breadth-first search: each round expands, by one whole level, the side whose frontier is smaller,
    /// and stops at the first meeting (the first meeting after a full level is a shortest path). Hidden and blocked members
    /// are never entered. Returns the distance, or -1 when there is none within <paramref name="maxDepth"/>.
    /// Cost O(b^(d/2)) for branching b and distance d, instead of O(b^d) for a one-sided search.
    /// </summary>
    public static int Distance(GraphState state, in Visibility visibility, int source, int target, int maxDepth, Scratch scratch)
    {
        if (source == target)
        {
            return 0;
        }

        if ((uint)source >= (uint)state.MemberCount || (uint)target >= (uint)state.MemberCount || !visibility.Allows(target))
        {
            return -1;
        }

        var forward = scratch.A;
        var backward = scratch.B;
        forward.Begin(state.MemberCount);
        backward.Begin(state.MemberCount);
        forward.Set(source, 0);
        backward.Set(target, 0);
        var forwardFrontier = scratch.Frontier1;
        var backwardFrontier = scratch.Frontier2;
        var next = scratch.Frontier3;
        forwardFrontier.Clear();
        backwardFrontier.Clear();
        forwardFrontier.Add(source);
        backwardFrontier.Add(target);
        var forwardDepth = 0;
        var backwardDepth = 0;
        while (forwardDepth + backwardDepth < maxDepth)
        {
            var expandForward = Cost(state, forwardFrontier) <= Cost(state, backwardFrontier);
            var frontier = expandForward ? forwardFrontier : backwardFrontier;
            var mine = expandForward ? forward : backward;
            var theirs = expandForward ? backward : forward;

            // On the last level allowed only a meeting matters: nothing found there is expanded again.
            var lastLevel = forwardDepth + backwardDepth + 1 == maxDepth;
            next.Clear();
            foreach (var x in frontier)
            {
                foreach (var y in state.Neighbours(x))
                {
                    var visible = expandForward ? visibility.AllowsEdge(x, y) : visibility.AllowsEdge(y, x);
                    if (!visible || mine.Contains(y))
                    {
                        continue;
                    }

                    if (theirs.Contains(y))
                    {
                        return forwardDepth + backwardDepth + 1;
                    }

                    if (lastLevel || !visibility.Allows(y))
                    {
                        continue;
                    }

                    mine.Set(y, 0);
                    next.Add(y);
                }
            }

            if (next.Count == 0)
            {
                return -1;
            }

            frontier.Clear();
            frontier.AddRange(next);
            if (expandForward)
            {
                forwardDepth++;
            }
            else
            {
                backwardDepth++;
            }
        }

        return -1;
    }

    // Expanding a frontier costs the sum of its degrees; counting them is cheap next to the expansion itself.
    private static long Cost(GraphState state, List<int> frontier)
    {
        long cost = 0;
        foreach (var x in frontier)
        {
            cost += state.Neighbours(x).Length;
        }

        return cost;
    }

    /// <summary>
    /// One-sided breadth-first search from <paramref name="source"/> that labels <c>scratch.A</c> with distances, stopping
    /// once <paramref name="target"/> is labelled (every member nearer than the target is labelled by then).
    /// Returns the target's distance or -1.
    /// </summary>
    public static int LabelUntil(GraphState state, in Visibility visibility, int source, int target, Scratch scratch)
    {
        var labels = scratch.A;
        labels.Begin(state.MemberCount);
        labels.Set(source, 0);
        if (source == target)
        {
            return 0;
        }

        if ((uint)target >= (uint)state.MemberCount || !visibility.Allows(target))
        {
            return -1;
        }

        var frontier = scratch.Frontier1;
        var next = scratch.Frontier2;
        frontier.Clear();
        frontier.Add(source);
        var depth = 0;
        while (frontier.Count > 0)
        {
            depth++;
            next.Clear();
            foreach (var x in frontier)
            {
                foreach (var y in state.Neighbours(x))
                {
                    if (labels.Contains(y) || !visibility.Allows(y) || !visibility.AllowsEdge(x, y))
                    {
                        continue;
                    }

                    labels.Set(y, depth);
                    if (y == target)
                    {
                        return depth;
                    }

                    next.Add(y);
                }
            }

            (frontier, next) = (next, frontier);
        }

        return -1;
    }
}
