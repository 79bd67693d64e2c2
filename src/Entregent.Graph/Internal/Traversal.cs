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
            if (forwardDepth + backwardDepth + 1 == maxDepth)
            {
                return LastLevelMeets(state, visibility, frontier, expandForward ? backwardFrontier : forwardFrontier, expandForward, scratch)
                    ? maxDepth
                    : -1;
            }

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

                    if (!visibility.Allows(y))
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

    /// <summary>
    /// The last level allowed: only a meeting matters, and (with no meeting after complete levels) it can only be with the
    /// other side's frontier, so that frontier goes into the small bitmap and the expansion probes nothing else.
    /// </summary>
    private static bool LastLevelMeets(GraphState state, in Visibility visibility, List<int> frontier, List<int> other, bool forward, Scratch scratch)
    {
        var bitmap = scratch.EnsureBitmap(state.MemberCount);
        foreach (var y in other)
        {
            Bits.Set(bitmap, y);
        }

        var met = false;
        foreach (var x in frontier)
        {
            foreach (var y in state.Neighbours(x))
            {
                if (Bits.Get(bitmap, y) && (forward ? visibility.AllowsEdge(x, y) : visibility.AllowsEdge(y, x)))
                {
                    met = true;
                    goto done;
                }
            }
        }

    done:
        foreach (var y in other)
        {
            Bits.Clear(bitmap, y);
        }

        return met;
    }

    // Expanding a frontier costs the sum of its degrees. Reading every degree of a large frontier would itself cost a
    // cache miss per member, so past 256 members the sum is extrapolated from the first 256.
    private static long Cost(GraphState state, List<int> frontier)
    {
        const int Sample = 256;
        long cost = 0;
        var sampled = Math.Min(frontier.Count, Sample);
        for (var i = 0; i < sampled; i++)
        {
            cost += state.Neighbours(frontier[i]).Length;
        }

        return sampled == frontier.Count ? cost : cost * frontier.Count / sampled;
    }

    /// <summary>
    /// Bidirectional breadth-first search that keeps its labels: forward distances in <c>scratch.A</c>, backward distances
    /// in <c>scratch.B</c>, each side expanded by whole levels. The level on which the sides first meet is completed, and
    /// the members found on both sides then (every shortest path crosses exactly one of them) go to <c>scratch.Frontier4</c>.
    /// Returns the distance or -1. Labels below the meeting level are complete on both sides, so each half of a shortest
    /// path can be walked back from a meeting member by following labels that decrease by one.
    /// </summary>
    public static int LabelBoth(GraphState state, in Visibility visibility, int source, int target, Scratch scratch)
    {
        var forward = scratch.A;
        var backward = scratch.B;
        forward.Begin(state.MemberCount);
        backward.Begin(state.MemberCount);
        var meetings = scratch.Frontier4;
        meetings.Clear();
        if ((uint)source >= (uint)state.MemberCount || (uint)target >= (uint)state.MemberCount || !visibility.Allows(target))
        {
            return -1;
        }

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
        while (forwardFrontier.Count > 0 && backwardFrontier.Count > 0)
        {
            var expandForward = Cost(state, forwardFrontier) <= Cost(state, backwardFrontier);
            var frontier = expandForward ? forwardFrontier : backwardFrontier;
            var mine = expandForward ? forward : backward;
            var theirs = expandForward ? backward : forward;
            var level = (expandForward ? forwardDepth : backwardDepth) + 1;
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
                        mine.Set(y, level);
                        meetings.Add(y);
                        continue;
                    }

                    if (!visibility.Allows(y))
                    {
                        continue;
                    }

                    mine.Set(y, level);
                    next.Add(y);
                }
            }

            if (expandForward)
            {
                forwardDepth++;
            }
            else
            {
                backwardDepth++;
            }

            if (meetings.Count > 0)
            {
                return forwardDepth + backwardDepth;
            }

            frontier.Clear();
            frontier.AddRange(next);
        }

        return -1;
    }
}
