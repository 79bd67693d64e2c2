using System.Buffers;

namespace Entregent.Graph.Internal;

/// <summary>The query algorithms, pure functions of one <see cref="GraphState"/>.</summary>
internal static class GraphQueries
{
    // A top-k heap holds k + 1 entries at most; "all of them" (int.MaxValue) must neither overflow nor reserve
    // memory up front, so the heap starts small and grows with what is actually found.
    private static int InitialTopCapacity(int k) => Math.Min(k, 1024) + 1;

    public static Degree DegreeFromNetwork(GraphState state, ViewerNetwork network, in Visibility visibility, int other)
    {
        if (other == network.Viewer || (uint)other >= (uint)state.MemberCount || !visibility.Allows(other))
        {
            return Degree.None;
        }

        if (network.IsFirst(other))
        {
            return Degree.First;
        }

        if (network.Second.Contains(other))
        {
            return Degree.Second;
        }

        foreach (var w in state.Neighbours(other))
        {
            if (network.Second.Contains(w) && visibility.AllowsEdge(w, other))
            {
                return Degree.Third;
            }
        }

        return Degree.None;
    }

    public static List<MutualConnection> Mutuals(GraphState state, in Visibility visibility, int other, int max, bool countOnly, out int count)
    {
        var viewer = visibility.Viewer;
        var result = new List<MutualConnection>();
        count = 0;
        if (other == viewer || (uint)other >= (uint)state.MemberCount || (uint)viewer >= (uint)state.MemberCount || !visibility.Allows(other))
        {
            return result;
        }

        var mine = state.Adjacency(viewer);
        var theirs = state.Adjacency(other);
        var left = mine.Neighbours;
        var right = theirs.Neighbours;
        int i = 0, j = 0;
        while (i < left.Length && j < right.Length)
        {
            var a = left[i];
            var b = right[j];
            if (a < b)
            {
                i++;
            }
            else if (a > b)
            {
                j++;
            }
            else
            {
                if (visibility.Allows(a) && visibility.AllowsEdge(viewer, a) && visibility.AllowsEdge(a, other))
                {
                    count++;
                    if (!countOnly)
                    {
                        result.Add(new MutualConnection(a, mine.Strength(i), theirs.Strength(j)));
                    }
                }

                i++;
                j++;
            }
        }

        if (!countOnly)
        {
            result.Sort(static (x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Member.CompareTo(y.Member));
            if (result.Count > max)
            {
                result.RemoveRange(max, result.Count - max);
            }
        }

        return result;
    }

    public static List<GraphPath> AllShortestPaths(
        GraphState state, in Visibility visibility, int source, int target, int maxPaths, PairWeight weight, Scratch scratch,
        PathWeighting weighting = PathWeighting.Product)
    {
        var sum = weighting == PathWeighting.Sum;
        var paths = new List<GraphPath>();
        if ((uint)source >= (uint)state.MemberCount || maxPaths <= 0)
        {
            return paths;
        }

        if (source == target)
        {
            paths.Add(new GraphPath([source], [], sum ? 0.0 : 1.0));
            return paths;
        }

        var distance = Traversal.LabelBoth(state, visibility, source, target, scratch);
        if (distance < 0)
        {
            return paths;
        }

        // Each shortest path crosses exactly one meeting member m: its first half is walked back from m through forward
        // labels decreasing by one, its second half from m through backward labels. No branch is a dead end, so the
        // enumeration costs O(paths × distance × degree).
        var limit = (int)Math.Min(100_000, (long)maxPaths * 16);
        var meetings = scratch.Frontier4.ToArray();
        Array.Sort(meetings);
        var found = new List<int[]>();
        foreach (var meeting in meetings)
        {
            var firstHalves = Halves(state, visibility, scratch.A, meeting, towardsSource: true, limit);
            var secondHalves = Halves(state, visibility, scratch.B, meeting, towardsSource: false, limit);
            foreach (var head in firstHalves)
            {
                foreach (var tail in secondHalves)
                {
                    if (found.Count == limit)
                    {
                        goto ranked;
                    }

                    var members = new int[distance + 1];
                    for (var k = 0; k < head.Length; k++)
                    {
                        members[k] = head[head.Length - 1 - k];
                    }

                    tail.AsSpan(1).CopyTo(members.AsSpan(head.Length));
                    found.Add(members);
                }
            }
        }

    ranked:
        foreach (var members in found)
        {
            var edges = new PathEdge[distance];
            var total = sum ? 0.0 : 1.0;
            for (var k = 0; k < distance; k++)
            {
                edges[k] = state.Edge(members[k], members[k + 1]);
                var hop = weight(members[k], members[k + 1], edges[k].Strength);
                total = sum ? total + hop : total * hop;
            }

            paths.Add(new GraphPath(members, edges, total));
        }

        paths.Sort(PathOrder.Instance);
        if (paths.Count > maxPaths)
        {
            paths.RemoveRange(maxPaths, paths.Count - maxPaths);
        }

        return paths;
    }

    /// <summary>
    /// Walks labels down from <paramref name="start"/> to the root (label 0): each walk lists <paramref name="start"/> first.
    /// Towards the source the edges are followed backwards (a path edge runs from the lower label to the higher).
    /// </summary>
    private static List<int[]> Halves(GraphState state, in Visibility visibility, StampSet labels, int start, bool towardsSource, int limit)
    {
        var halves = new List<int[]>();
        var length = labels.Get(start);
        var stack = new int[length + 1];
        var cursor = new int[length + 1];
        stack[0] = start;
        var depth = 0;
        while (depth >= 0 && halves.Count < limit)
        {
            if (depth == length)
            {
                halves.Add((int[])stack.Clone());
                depth--;
                continue;
            }

            var x = stack[depth];
            var row = state.Neighbours(x);
            var want = length - depth - 1;
            var advanced = false;
            while (cursor[depth] < row.Length)
            {
                var y = row[cursor[depth]++];
                if (labels.TryGet(y, out var label) && label == want
                    && (towardsSource ? visibility.AllowsEdge(y, x) : visibility.AllowsEdge(x, y)))
                {
                    depth++;
                    stack[depth] = y;
                    cursor[depth] = 0;
                    advanced = true;
                    break;
                }
            }

            if (!advanced)
            {
                cursor[depth] = 0;
                depth--;
            }
        }

        return halves;
    }

    public static List<GraphPath> IntroductionPaths(GraphState state, in Visibility visibility, int target, int maxPaths, Scratch scratch)
    {
        var viewer = visibility.Viewer;
        var result = new List<GraphPath>();
        if (viewer == target || maxPaths <= 0 || (uint)viewer >= (uint)state.MemberCount
            || (uint)target >= (uint)state.MemberCount || !visibility.Allows(target))
        {
            return result;
        }

        // Candidates are kept in a min-heap of size k ordered worst-first, so ranking costs O(P log k) for P paths.
        var best = new PriorityQueue<Candidate, Candidate>(InitialTopCapacity(maxPaths), CandidateWorstFirst.Instance);
        void Offer(Candidate candidate)
        {
            if (best.Count < maxPaths)
            {
                best.Enqueue(candidate, candidate);
            }
            else if (CandidateWorstFirst.Instance.Compare(candidate, best.Peek()) > 0)
            {
                best.EnqueueDequeue(candidate, candidate);
            }
        }

        // Mark the target's visible neighbours with their index in its row (for the last edge's strength).
        // The 3-hop scan probes every neighbour of every connection of the viewer: the small bitmap answers most probes
        // from cache, and the stamp set (with the row index) is read only on a hit.
        var targetRow = state.Adjacency(target);
        var nearTarget = scratch.B;
        nearTarget.Begin(state.MemberCount);
        var bitmap = scratch.EnsureBitmap(state.MemberCount);
        for (var j = 0; j < targetRow.Length; j++)
        {
            var b = targetRow.Neighbours[j];
            if (b != viewer && visibility.Allows(b) && visibility.AllowsEdge(b, target))
            {
                nearTarget.Set(b, j);
                Bits.Set(bitmap, b);
            }
        }

        var viewerRow = state.Adjacency(viewer);
        for (var i = 0; i < viewerRow.Length; i++)
        {
            var a = viewerRow.Neighbours[i];
            if (!visibility.AllowsEdge(viewer, a))
            {
                continue;
            }

            double first = viewerRow.Strength(i);
            if (a == target)
            {
                Offer(new Candidate(first, 1, a, -1));
                continue;
            }

            if (!visibility.Allows(a))
            {
                continue;
            }

            if (nearTarget.TryGet(a, out var aIndex))
            {
                Offer(new Candidate(first * targetRow.Strength(aIndex), 2, a, -1));
            }

            var aRow = state.Adjacency(a);
            for (var k = 0; k < aRow.Length; k++)
            {
                var b = aRow.Neighbours[k];
                if (!Bits.Get(bitmap, b) || b == target || !nearTarget.TryGet(b, out var bIndex) || !visibility.AllowsEdge(a, b))
                {
                    continue;
                }

                Offer(new Candidate(first * aRow.Strength(k) * targetRow.Strength(bIndex), 3, a, b));
            }
        }

        foreach (var b in targetRow.Neighbours)
        {
            Bits.Clear(bitmap, b);
        }

        if (best.Count == 0)
        {
            // Nothing within three hops: fall back to the shortest paths, ranked the same way.
            return AllShortestPaths(state, visibility, viewer, target, maxPaths, DefaultWeight, scratch);
        }

        var ranked = new Candidate[best.Count];
        for (var i = ranked.Length - 1; i >= 0; i--)
        {
            ranked[i] = best.Dequeue();
        }

        foreach (var candidate in ranked)
        {
            int[] members = candidate.Length switch
            {
                1 => [viewer, target],
                2 => [viewer, candidate.First, target],
                _ => [viewer, candidate.First, candidate.Second, target],
            };
            var edges = new PathEdge[members.Length - 1];
            for (var k = 0; k < edges.Length; k++)
            {
                edges[k] = state.Edge(members[k], members[k + 1]);
            }

            result.Add(new GraphPath(members, edges, candidate.Weight));
        }

        return result;
    }

    public static double DefaultWeight(int from, int to, float strength) => strength;

    private static bool IsSorted(ReadOnlySpan<int> values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i - 1] > values[i])
            {
                return false;
            }
        }

        return true;
    }

    public static List<ReachResult> Reach(
        GraphState state, in Visibility visibility, ReadOnlySpan<int> members, ReachOptions options, Scratch scratch)
    {
        var viewer = visibility.Viewer;
        var results = new List<ReachResult>();
        if ((uint)viewer >= (uint)state.MemberCount)
        {
            return results;
        }

        // The 2nd-degree index for this query: every visible 2nd-degree member b with the pairs (a, position of b in a's
        // row) of the viewer's connections a that lead to it, in CSR form keyed through stamp set C. Building it costs
        // one pass over the rows of the viewer's connections; afterwards a target at distance 2 reads its intermediaries
        // directly and a target at distance 3 only scans its own row. A pair's score s(v,a)·s(a,b) is computed on first
        // use: reading a strength from the larger id's side costs a binary search in another row, and with hubs among
        // the viewer's connections most pairs are never needed.
        var first = scratch.A;
        first.Begin(state.MemberCount);
        first.Set(viewer, -1);
        var viewerRow = state.Adjacency(viewer);
        var firstMembers = scratch.Frontier1;
        firstMembers.Clear();
        var firstStrengths = new List<double>();
        for (var i = 0; i < viewerRow.Length; i++)
        {
            var a = viewerRow.Neighbours[i];
            if (visibility.Allows(a) && visibility.AllowsEdge(viewer, a))
            {
                first.Set(a, firstMembers.Count);
                firstMembers.Add(a);
                firstStrengths.Add(viewerRow.Strength(i));
            }
        }

        // Most organisations are reached within two hops by enough members to fill the top: then no 2nd-degree index
        // is needed (with hubs among the viewer's connections it would hold hundreds of thousands of pairs).
        if (options.MaxDepth >= 2 && options.MaxResults > 0
            && TryReachWithinTwo(state, visibility, members, options, scratch, firstStrengths, results))
        {
            firstMembers.Clear();
            return results;
        }

        // One pass over the viewer's connections' rows numbers the 2nd-degree members (stamp set C) and records each pair
        // with that number; a counting sort then groups the pairs by 2nd-degree member. The 1st-degree test is a bitmap
        // probe, so each pair costs one random access to a member-sized array instead of four.
        var second = scratch.C;
        second.Begin(state.MemberCount);
        var secondMembers = scratch.Frontier2;
        secondMembers.Clear();
        var counts = scratch.Frontier3;
        counts.Clear();
        var firstBits = scratch.EnsureBitmap2(state.MemberCount);
        Bits.Set(firstBits, viewer);
        foreach (var a in firstMembers)
        {
            Bits.Set(firstBits, a);
        }

        var maxPairs = 0;
        if (options.MaxDepth >= 2)
        {
            foreach (var a in firstMembers)
            {
                maxPairs += state.Neighbours(a).Length;
            }
        }

        var tripleIndex = ArrayPool<int>.Shared.Rent(maxPairs);
        var tripleMember = ArrayPool<int>.Shared.Rent(maxPairs);
        var triplePosition = ArrayPool<int>.Shared.Rent(maxPairs);
        var triples = 0;
        if (options.MaxDepth >= 2)
        {
            foreach (var a in firstMembers)
            {
                var aRow = state.Neighbours(a);
                for (var k = 0; k < aRow.Length; k++)
                {
                    var b = aRow[k];
                    if (Bits.Get(firstBits, b) || !visibility.AllowsEdge(a, b))
                    {
                        continue;
                    }

                    if (second.TryGet(b, out var i))
                    {
                        counts[i]++;
                    }
                    else if (visibility.Allows(b))
                    {
                        i = secondMembers.Count;
                        second.Set(b, i);
                        secondMembers.Add(b);
                        counts.Add(1);
                    }
                    else
                    {
                        continue;
                    }

                    tripleIndex[triples] = i;
                    tripleMember[triples] = a;
                    triplePosition[triples] = k;
                    triples++;
                }
            }
        }

        Bits.Clear(firstBits, viewer);
        foreach (var a in firstMembers)
        {
            Bits.Clear(firstBits, a);
        }

        // The per-query index lives in pooled arrays: at a hub's 2nd degree they would be large-object-heap garbage.
        var offsets = ArrayPool<int>.Shared.Rent(secondMembers.Count + 1);
        offsets[0] = 0;
        for (var i = 0; i < secondMembers.Count; i++)
        {
            offsets[i + 1] = offsets[i] + counts[i];
            counts[i] = offsets[i];
        }

        var pairCount = offsets[secondMembers.Count];
        var pairMembers = ArrayPool<int>.Shared.Rent(pairCount);
        var pairPositions = ArrayPool<int>.Shared.Rent(pairCount);
        var pairScores = ArrayPool<double>.Shared.Rent(pairCount);
        for (var q = 0; q < triples; q++)
        {
            var slot = counts[tripleIndex[q]]++;
            pairMembers[slot] = tripleMember[q];
            pairPositions[slot] = triplePosition[q];
            pairScores[slot] = double.NaN;
        }

        ArrayPool<int>.Shared.Return(tripleIndex);
        ArrayPool<int>.Shared.Return(tripleMember);
        ArrayPool<int>.Shared.Return(triplePosition);

        // Distance-3 tests probe the 2nd-degree set once per neighbour of every target: a bitmap keeps those probes in
        // cache, and visiting targets in id order reads their rows in memory order.
        var bitmap = scratch.EnsureBitmap(state.MemberCount);
        foreach (var b in secondMembers)
        {
            Bits.Set(bitmap, b);
        }

        var pairBest = ArrayPool<double>.Shared.Rent(secondMembers.Count);
        pairBest.AsSpan(0, secondMembers.Count).Fill(double.NaN);

        // Ranking keeps only the best MaxResults in a heap (worst on top); intermediaries are listed for those alone.
        // Targets at distance 1 and 2 are ranked first; distance 3 is ranked best first for the places left (RankFar).
        var targetCount = members.Length;
        var targetBuffer = ArrayPool<int>.Shared.Rent(targetCount);
        members.CopyTo(targetBuffer);
        var targets = targetBuffer.AsSpan(0, targetCount);
        if (!IsSorted(targets))
        {
            targets.Sort();
        }
        var top = new PriorityQueue<ReachKey, ReachKey>(InitialTopCapacity(options.MaxResults), ReachKeyWorstFirst.Instance);
        var far = new List<int>();
        var previous = -1;
        foreach (var t in targets)
        {
            if (t == previous || t == viewer || (uint)t >= (uint)state.MemberCount || !visibility.Allows(t))
            {
                continue;
            }

            previous = t;
            if (first.TryGet(t, out var index))
            {
                Keep(new ReachKey(t, 1, firstStrengths[index]));
            }
            else if (second.TryGet(t, out var secondIndex))
            {
                Keep(new ReachKey(t, 2, PairBest(secondIndex)));
            }
            else if (options.MaxDepth >= 3)
            {
                far.Add(t);
            }
        }

        var edges = visibility;
        var needed = options.MaxResults - top.Count;
        if (far.Count > 0 && needed > 0)
        {
            // Best first pays every pair's strength up front; scanning pays one probe per neighbour of every far target.
            var scanCost = 0L;
            foreach (var t in far)
            {
                scanCost += state.Neighbours(t).Length;
            }

            if ((long)pairCount * 8 < scanCost)
            {
                RankFar(needed);
            }
            else
            {
                ScanFar();
            }
        }

        var kept = new ReachKey[top.Count];
        for (var k = kept.Length - 1; k >= 0; k--)
        {
            kept[k] = top.Dequeue();
        }

        var intermediaries = new List<(int Member, double Score)>();
        foreach (var key in kept)
        {
            intermediaries.Clear();
            if (key.Distance == 2)
            {
                var (start, end) = PairRange(key.Member);
                for (var p = start; p < end; p++)
                {
                    Offer(pairMembers[p], PairScore(p));
                }
            }
            else if (key.Distance == 3)
            {
                var targetRow = state.Adjacency(key.Member);
                for (var j = 0; j < targetRow.Length; j++)
                {
                    var b = targetRow.Neighbours[j];
                    if (!Bits.Get(bitmap, b) || !visibility.AllowsEdge(b, key.Member))
                    {
                        continue;
                    }

                    var last = targetRow.Strength(j);
                    var (start, end) = PairRange(b);
                    for (var p = start; p < end; p++)
                    {
                        Offer(pairMembers[p], PairScore(p) * last);
                    }
                }
            }

            intermediaries.Sort(static (x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Member.CompareTo(y.Member));
            var take = Math.Min(options.MaxIntermediaries, intermediaries.Count);
            var list = new int[take];
            for (var k = 0; k < take; k++)
            {
                list[k] = intermediaries[k].Member;
            }

            results.Add(new ReachResult(key.Member, key.Distance, key.Strength, list));
        }

        foreach (var b in secondMembers)
        {
            Bits.Clear(bitmap, b);
        }

        ArrayPool<int>.Shared.Return(offsets);
        ArrayPool<int>.Shared.Return(pairMembers);
        ArrayPool<int>.Shared.Return(pairPositions);
        ArrayPool<double>.Shared.Return(pairScores);
        ArrayPool<double>.Shared.Return(pairBest);
        ArrayPool<int>.Shared.Return(targetBuffer);
        firstMembers.Clear();
        secondMembers.Clear();
        counts.Clear();
        return results;

        void Keep(ReachKey key)
        {
            if (top.Count < options.MaxResults)
            {
                top.Enqueue(key, key);
            }
            else if (options.MaxResults > 0 && ReachKeyWorstFirst.Instance.Compare(key, top.Peek()) > 0)
            {
                top.EnqueueDequeue(key, key);
            }
        }

        // Distance 3, best first: the 2nd-degree members are visited by decreasing two-hop score (256 buckets), each
        // scanning its row against a bitmap of the far targets, and the visit stops once `needed` far targets already
        // score at least the next bucket's bound, which no unvisited member can reach: the scores of those targets are
        // final and every other far target ends below them. A target's score only grows, so it is counted in the
        // histogram of its current score bucket. Worst case (nothing settles) O(pairs + sum of the 2nd-degree members'
        // degrees); typically a fraction of that, instead of scanning every far target's row.
        void RankFar(int needed)
        {
            const int Buckets = 256;
            var farBits = scratch.EnsureBitmap3(state.MemberCount);
            var farIndex = scratch.B;
            farIndex.Begin(state.MemberCount);
            var farBest = ArrayPool<double>.Shared.Rent(far.Count);
            for (var k = 0; k < far.Count; k++)
            {
                Bits.Set(farBits, far[k]);
                farIndex.Set(far[k], k);
                farBest[k] = -1.0;
            }

            var secondCount = secondMembers.Count;
            var bucketStarts = new int[Buckets + 1];
            for (var i = 0; i < secondCount; i++)
            {
                bucketStarts[BucketOf(PairBest(i)) + 1]++;
            }

            for (var k = 1; k <= Buckets; k++)
            {
                bucketStarts[k] += bucketStarts[k - 1];
            }

            var order = ArrayPool<int>.Shared.Rent(Math.Max(1, secondCount));
            var fill = (int[])bucketStarts.Clone();
            for (var i = 0; i < secondCount; i++)
            {
                order[fill[BucketOf(PairBest(i))]++] = i;
            }

            var settled = new int[Buckets];
            for (var bucket = Buckets - 1; bucket >= 0; bucket--)
            {
                // Every member of this bucket and below has a two-hop score under (bucket + 1) / 256.
                var above = 0;
                for (var k = bucket + 1; k < Buckets; k++)
                {
                    above += settled[k];
                }

                if (above >= needed)
                {
                    break;
                }

                for (var q = bucketStarts[bucket]; q < bucketStarts[bucket + 1]; q++)
                {
                    var i = order[q];
                    var pb = PairBest(i);
                    var b = secondMembers[i];
                    var bRow = state.Adjacency(b);
                    for (var j = 0; j < bRow.Length; j++)
                    {
                        var t = bRow.Neighbours[j];
                        if (!Bits.Get(farBits, t))
                        {
                            continue;
                        }

                        ref var slot = ref farBest[farIndex.Get(t)];
                        if (pb <= slot || !edges.AllowsEdge(b, t))
                        {
                            continue;
                        }

                        var score = pb * bRow.Strength(j);
                        if (score > slot)
                        {
                            if (slot >= 0)
                            {
                                settled[BucketOf(slot)]--;
                            }

                            settled[BucketOf(score)]++;
                            slot = score;
                        }
                    }
                }
            }

            for (var k = 0; k < far.Count; k++)
            {
                Bits.Clear(farBits, far[k]);
                if (farBest[k] >= 0)
                {
                    Keep(new ReachKey(far[k], 3, farBest[k]));
                }
            }

            ArrayPool<double>.Shared.Return(farBest);
            ArrayPool<int>.Shared.Return(order);
        }

        // Distance 3 by scanning every far target's row against the 2nd-degree bitmap.
        void ScanFar()
        {
            foreach (var t in far)
            {
                var full = top.Count == options.MaxResults;
                if (full && top.Peek().Distance < 3)
                {
                    break;
                }

                var floor = full ? top.Peek().Strength : -1.0;
                var targetRow = state.Adjacency(t);
                var best = -1.0;
                for (var j = 0; j < targetRow.Length; j++)
                {
                    var b = targetRow.Neighbours[j];
                    if (!Bits.Get(bitmap, b) || !edges.AllowsEdge(b, t))
                    {
                        continue;
                    }

                    // A strength is at most 1, so a 2nd-degree member whose best first two hops score no more than what
                    // is already found (or less than the heap's worst) cannot improve the answer: skip its strength lookup.
                    var bound = PairBest(second.Get(b));
                    if (bound <= best || bound < floor)
                    {
                        continue;
                    }

                    best = Math.Max(best, bound * targetRow.Strength(j));
                }

                if (best >= 0)
                {
                    Keep(new ReachKey(t, 3, best));
                }
            }
        }

        static int BucketOf(double score) => Math.Clamp((int)(score * 256), 0, 255);

        double PairScore(int slot)
        {
            var score = pairScores[slot];
            if (double.IsNaN(score))
            {
                var a = pairMembers[slot];
                score = firstStrengths[first.Get(a)] * state.Adjacency(a).Strength(pairPositions[slot]);
                pairScores[slot] = score;
            }

            return score;
        }

        double PairBest(int index)
        {
            var best = pairBest[index];
            if (double.IsNaN(best))
            {
                best = 0.0;
                for (var p = offsets[index]; p < offsets[index + 1]; p++)
                {
                    best = Math.Max(best, PairScore(p));
                }

                pairBest[index] = best;
            }

            return best;
        }

        (int Start, int End) PairRange(int b)
        {
            var i = second.Get(b);
            return (offsets[i], offsets[i + 1]);
        }

        void Offer(int intermediary, double score)
        {
            // Few intermediaries per target: a linear scan beats a dictionary.
            for (var k = 0; k < intermediaries.Count; k++)
            {
                if (intermediaries[k].Member == intermediary)
                {
                    if (score > intermediaries[k].Score)
                    {
                        intermediaries[k] = (intermediary, score);
                    }

                    return;
                }
            }

            intermediaries.Add((intermediary, score));
        }
    }

    /// <summary>
    /// Reach answered from the first two hops alone: the targets go into a bitmap (L2-resident) and one sequential pass
    /// over the rows of the viewer's visible connections (stamp set A: connection → index in
    /// <paramref name="firstStrengths"/>, the viewer → -1) keeps each target's best two-hop score, read lazily: a pair
    /// whose first hop cannot beat the target's best so far skips its strength lookup. O(sum of the degrees of the
    /// viewer's connections) bitmap probes, no per-pair index. Returns false, having changed nothing, when targets at
    /// distance 3 could still enter the top (fewer than <c>MaxResults</c> targets within two hops while some lie
    /// farther): the caller then runs the full algorithm, which returns the same ranking.
    /// </summary>
    private static bool TryReachWithinTwo(
        GraphState state, in Visibility visibility, ReadOnlySpan<int> members, ReachOptions options, Scratch scratch,
        List<double> firstStrengths, List<ReachResult> results)
    {
        var viewer = visibility.Viewer;
        var first = scratch.A;
        var firstMembers = scratch.Frontier1;
        var targetCount = members.Length;
        var targetBuffer = ArrayPool<int>.Shared.Rent(targetCount);
        members.CopyTo(targetBuffer);
        var targets = targetBuffer.AsSpan(0, targetCount);
        if (!IsSorted(targets))
        {
            targets.Sort();
        }

        // Keep the distinct visible targets other than the viewer, in id order; C maps each to its slot in best.
        var index = scratch.C;
        index.Begin(state.MemberCount);
        var targetBits = scratch.EnsureBitmap(state.MemberCount);
        var kept = 0;
        var previous = -1;
        foreach (var t in targets)
        {
            if (t == previous || t == viewer || (uint)t >= (uint)state.MemberCount || !visibility.Allows(t))
            {
                continue;
            }

            previous = t;
            targets[kept] = t;
            index.Set(t, kept);
            Bits.Set(targetBits, t);
            kept++;
        }

        targets = targets[..kept];
        var best = ArrayPool<double>.Shared.Rent(Math.Max(1, kept));
        best.AsSpan(0, kept).Fill(-1.0);
        var firstBits = scratch.EnsureBitmap2(state.MemberCount);
        Bits.Set(firstBits, viewer);
        foreach (var a in firstMembers)
        {
            Bits.Set(firstBits, a);
        }

        for (var i = 0; i < firstMembers.Count; i++)
        {
            var a = firstMembers[i];
            var firstHop = firstStrengths[i];
            var aRow = state.Adjacency(a);
            var neighbours = aRow.Neighbours;
            for (var k = 0; k < neighbours.Length; k++)
            {
                var b = neighbours[k];
                if (!Bits.Get(targetBits, b) || Bits.Get(firstBits, b))
                {
                    continue;
                }

                // A strength is at most 1: a first hop no stronger than the best so far cannot improve it.
                ref var slot = ref best[index.Get(b)];
                if (firstHop <= slot || !visibility.AllowsEdge(a, b))
                {
                    continue;
                }

                slot = Math.Max(slot, firstHop * aRow.Strength(k));
            }
        }

        Bits.Clear(firstBits, viewer);
        foreach (var a in firstMembers)
        {
            Bits.Clear(firstBits, a);
        }

        foreach (var t in targets)
        {
            Bits.Clear(targetBits, t);
        }

        var top = new PriorityQueue<ReachKey, ReachKey>(InitialTopCapacity(options.MaxResults), ReachKeyWorstFirst.Instance);
        var far = false;
        for (var k = 0; k < targets.Length; k++)
        {
            var t = targets[k];
            ReachKey key;
            if (first.TryGet(t, out var firstIndex))
            {
                key = new ReachKey(t, 1, firstStrengths[firstIndex]);
            }
            else if (best[k] >= 0)
            {
                key = new ReachKey(t, 2, best[k]);
            }
            else
            {
                far |= options.MaxDepth >= 3;
                continue;
            }

            if (top.Count < options.MaxResults)
            {
                top.Enqueue(key, key);
            }
            else if (ReachKeyWorstFirst.Instance.Compare(key, top.Peek()) > 0)
            {
                top.EnqueueDequeue(key, key);
            }
        }

        ArrayPool<double>.Shared.Return(best);
        ArrayPool<int>.Shared.Return(targetBuffer);
        if (far && top.Count < options.MaxResults)
        {
            return false;
        }

        var ranked = new ReachKey[top.Count];
        for (var k = ranked.Length - 1; k >= 0; k--)
        {
            ranked[k] = top.Dequeue();
        }

        // Intermediaries for the returned targets only: the viewer's connections in the target's row.
        var intermediaries = new List<(int Member, double Score)>();
        foreach (var key in ranked)
        {
            intermediaries.Clear();
            if (key.Distance == 2)
            {
                var targetRow = state.Adjacency(key.Member);
                for (var j = 0; j < targetRow.Length; j++)
                {
                    var a = targetRow.Neighbours[j];
                    if (first.TryGet(a, out var firstIndex) && firstIndex >= 0 && visibility.AllowsEdge(a, key.Member))
                    {
                        intermediaries.Add((a, firstStrengths[firstIndex] * targetRow.Strength(j)));
                    }
                }
            }

            intermediaries.Sort(static (x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Member.CompareTo(y.Member));
            var take = Math.Min(options.MaxIntermediaries, intermediaries.Count);
            var list = new int[take];
            for (var k = 0; k < take; k++)
            {
                list[k] = intermediaries[k].Member;
            }

            results.Add(new ReachResult(key.Member, key.Distance, key.Strength, list));
        }

        return true;
    }

    public static List<NeighbourhoodMember> Neighbourhood(
        GraphState state, in Visibility visibility, int maxDepth, Func<int, bool>? filter, int maxResults, Scratch scratch)
    {
        var viewer = visibility.Viewer;
        var result = new List<NeighbourhoodMember>();
        if ((uint)viewer >= (uint)state.MemberCount || maxResults <= 0)
        {
            return result;
        }

        var labels = scratch.A;
        labels.Begin(state.MemberCount);
        labels.Set(viewer, 0);
        var frontier = scratch.Frontier1;
        var next = scratch.Frontier2;
        frontier.Clear();
        frontier.Add(viewer);
        for (var depth = 1; depth <= maxDepth && frontier.Count > 0 && result.Count < maxResults; depth++)
        {
            next.Clear();
            var levelStart = result.Count;
            foreach (var x in frontier)
            {
                foreach (var y in state.Neighbours(x))
                {
                    if (labels.Contains(y) || !visibility.Allows(y) || !visibility.AllowsEdge(x, y))
                    {
                        continue;
                    }

                    labels.Set(y, depth);
                    next.Add(y);
                    if (filter is null || filter(y))
                    {
                        result.Add(new NeighbourhoodMember(y, depth));
                    }
                }
            }

            result.Sort(levelStart, result.Count - levelStart, NeighbourOrder.Instance);
            (frontier, next) = (next, frontier);
        }

        if (result.Count > maxResults)
        {
            result.RemoveRange(maxResults, result.Count - maxResults);
        }

        return result;
    }

    public static List<Suggestion> Suggestions(
        GraphState state, in Visibility visibility, SuggestionOptions options, Scratch scratch)
    {
        var viewer = visibility.Viewer;
        var result = new List<Suggestion>();
        if ((uint)viewer >= (uint)state.MemberCount || options.MaxResults <= 0)
        {
            return result;
        }

        // The viewer and all their connections (visible or not: a connection is never suggested) are excluded through a
        // bitmap; only visible connections lead to friends of friends, and not those who hide their connection list (a
        // candidate is never the viewer's connection, so its connection to them is hidden from the viewer). Then every
        // remaining (connection, friend of friend) pair is visible and the block counting needs no per-pair test. The
        // 2nd-degree set is not needed, so no cached network either. Candidates and their common connections are kept
        // in two parallel lists (Frontier1, Frontier3) and marked in Bitmap3, so that ranking reads them sequentially.
        var excluded = scratch.EnsureBitmap2(state.MemberCount);
        var isCandidate = scratch.EnsureBitmap3(state.MemberCount);
        Bits.Set(excluded, viewer);
        var first = scratch.Frontier2;
        first.Clear();
        var pairs = 0L;
        foreach (var a in state.Neighbours(viewer))
        {
            Bits.Set(excluded, a);
            if (visibility.Allows(a) && visibility.AllowsEdge(viewer, a) && !visibility.HidesConnectionList(a))
            {
                first.Add(a);
                pairs += state.Neighbours(a).Length;
            }
        }

        var viewerMemberships = state.MembershipsOf(viewer).ToArray();
        var viewerGroups = state.GroupsOf(viewer).ToArray();
        var distinctOrganisations = 0;
        for (var k = 0; k < viewerMemberships.Length; k++)
        {
            if (k == 0 || viewerMemberships[k].Organisation != viewerMemberships[k - 1].Organisation)
            {
                distinctOrganisations++;
            }
        }

        var bestExtra = (Math.Max(0, options.SharedOrganisationWeight) * distinctOrganisations) + (Math.Max(0, options.SharedGroupWeight) * viewerGroups.Length);

        var candidates = scratch.Frontier1;
        candidates.Clear();
        var commons = scratch.Frontier3;
        commons.Clear();
        if (visibility.HasEdgeFilter || pairs < BlockCountingThreshold || pairs > int.MaxValue / 2)
        {
            CountByStamps(state, visibility, first, excluded, scratch, candidates, commons);
        }
        else
        {
            // Dropping hopeless candidates while counting is exact only when every score is at least the common-connection
            // part (no negative weight), so that the running k-th largest count bounds the final k-th score from below.
            var droppable = options.CommonConnectionWeight > 0 && options.SharedOrganisationWeight >= 0 && options.SharedGroupWeight >= 0;
            CountByBlocks(
                state, visibility, first, (int)pairs, excluded, scratch, candidates, commons,
                droppable ? options.MaxResults : 0, options.CommonConnectionWeight, bestExtra, options.Excluded);
        }

        foreach (var c in candidates)
        {
            Bits.Set(isCandidate, c);
        }

        var allows = visibility;
        if (options.IncludeOrganisationAndGroupPeers)
        {
            var organisation = -1;
            foreach (var membership in viewerMemberships)
            {
                if (membership.Organisation == organisation)
                {
                    continue;
                }

                organisation = membership.Organisation;
                var peers = state.MembersOfOrganisation(organisation);
                if (peers.Length <= options.PeerScanLimit)
                {
                    AddPeers(peers);
                }
            }

            foreach (var group in viewerGroups)
            {
                var peers = state.MembersOfGroup(group);
                if (peers.Length <= options.PeerScanLimit)
                {
                    AddPeers(peers);
                }
            }
        }

        // Only members of the viewer's organisations and groups can share one with the viewer: they are marked in the
        // scratch bitmap (sequential reads of those member lists), and everyone else is scored from common connections
        // alone, without reading their memberships and groups (cache misses).
        var mayShare = scratch.EnsureBitmap(state.MemberCount);
        MarkSharers(state, viewerMemberships, viewerGroups, mayShare, set: true);

        // Candidates are scored by decreasing common connections (a counting sort), and the scan stops once even a
        // perfect organisation and group score could not lift the next one above the worst kept.
        var candidateCount = candidates.Count;
        var ordered = ArrayPool<int>.Shared.Rent(Math.Max(1, candidateCount));
        var orderedCommons = ArrayPool<int>.Shared.Rent(Math.Max(1, candidateCount));
        var pruning = options.CommonConnectionWeight >= 0;
        if (pruning)
        {
            var maxCommon = 0;
            foreach (var common in commons)
            {
                maxCommon = Math.Max(maxCommon, common);
            }

            var starts = new int[maxCommon + 2];
            foreach (var common in commons)
            {
                starts[maxCommon - common + 1]++;
            }

            for (var k = 1; k < starts.Length; k++)
            {
                starts[k] += starts[k - 1];
            }

            for (var k = 0; k < candidateCount; k++)
            {
                var slot = starts[maxCommon - commons[k]]++;
                ordered[slot] = candidates[k];
                orderedCommons[slot] = commons[k];
            }
        }
        else
        {
            candidates.CopyTo(ordered);
            commons.CopyTo(orderedCommons);
        }

        var best = new PriorityQueue<Suggestion, Suggestion>(InitialTopCapacity(options.MaxResults), SuggestionWorstFirst.Instance);
        for (var k = 0; k < candidateCount; k++)
        {
            var c = ordered[k];
            var common = orderedCommons[k];
            // The bound sums in another order than the score, so it gets a hair of slack against rounding.
            var bound = (options.CommonConnectionWeight * common) + bestExtra;
            if (pruning && best.Count == options.MaxResults && bound + (1e-9 * (Math.Abs(bound) + 1)) < best.Peek().Score)
            {
                break;
            }

            if (options.Excluded is { } dismissed && dismissed.Contains(c))
            {
                continue;
            }

            var sharer = Bits.Get(mayShare, c);
            var organisations = sharer ? SharedOrganisations(viewerMemberships, state.MembershipsOf(c)) : 0;
            var groups = sharer ? SharedCount(viewerGroups, state.GroupsOf(c)) : 0;
            var score = (options.CommonConnectionWeight * common) + (options.SharedOrganisationWeight * organisations) + (options.SharedGroupWeight * groups);
            if (score <= 0)
            {
                continue;
            }

            var suggestion = new Suggestion(c, score, common, organisations, groups);
            if (best.Count < options.MaxResults)
            {
                best.Enqueue(suggestion, suggestion);
            }
            else if (SuggestionWorstFirst.Instance.Compare(suggestion, best.Peek()) > 0)
            {
                best.EnqueueDequeue(suggestion, suggestion);
            }
        }

        var ranked = new Suggestion[best.Count];
        for (var i = ranked.Length - 1; i >= 0; i--)
        {
            ranked[i] = best.Dequeue();
        }

        result.AddRange(ranked);
        MarkSharers(state, viewerMemberships, viewerGroups, mayShare, set: false);
        ArrayPool<int>.Shared.Return(ordered);
        ArrayPool<int>.Shared.Return(orderedCommons);
        foreach (var c in candidates)
        {
            Bits.Clear(isCandidate, c);
        }

        Bits.Clear(excluded, viewer);
        foreach (var a in state.Neighbours(viewer))
        {
            Bits.Clear(excluded, a);
        }

        candidates.Clear();
        commons.Clear();
        first.Clear();
        return result;

        void AddPeers(ReadOnlySpan<int> peers)
        {
            foreach (var c in peers)
            {
                if (!Bits.Get(excluded, c) && !Bits.Get(isCandidate, c) && allows.Allows(c))
                {
                    Bits.Set(isCandidate, c);
                    candidates.Add(c);
                    commons.Add(0);
                }
            }
        }
    }

    /// <summary>
    /// Below this many (friend, friend of friend) pairs, suggestions count in a stamp set rather than by blocks. Default
    /// 16,384; settable so that tests can run the block path on tiny graphs (both paths return the same answers).
    /// </summary>
    internal static long BlockCountingThreshold { get; set; } = 16_384;

    /// <summary>
    /// Log2 of the member ids per counting block, at most <see cref="Scratch.BlockBits"/> (the default); settable so that
    /// tests get many blocks, and so the dropping rule between blocks, on tiny graphs.
    /// </summary>
    internal static int BlockShift { get; set; } = Scratch.BlockBits;

    /// <summary>
    /// Common connections counted in stamp set B, one random access per (friend, friend of friend) pair: used for few pairs
    /// and with an edge filter. Appends the candidates and their counts in first-seen order.
    /// </summary>
    private static void CountByStamps(
        GraphState state, in Visibility visibility, List<int> first, ulong[] excluded, Scratch scratch, List<int> candidates, List<int> commons)
    {
        var counts = scratch.B;
        counts.Begin(state.MemberCount);
        foreach (var a in first)
        {
            foreach (var c in state.Neighbours(a))
            {
                if (Bits.Get(excluded, c))
                {
                    continue;
                }

                if (counts.TryGet(c, out _))
                {
                    if (visibility.AllowsEdge(a, c))
                    {
                        counts.ValueRef(c)++;
                    }
                }
                else if (visibility.Allows(c) && visibility.AllowsEdge(a, c))
                {
                    counts.Set(c, 1);
                    candidates.Add(c);
                }
            }
        }

        foreach (var c in candidates)
        {
            commons.Add(counts.Get(c));
        }
    }

    /// <summary>
    /// Common connections counted without an edge filter, cache-consciously: the friends of friends (one entry per pair)
    /// are first partitioned by block of 2^<see cref="Scratch.BlockBits"/> member ids (two sequential passes over the
    /// friends' rows), then each block is counted in a small array that stays in the L2 cache. With hubs among the
    /// viewer's connections this replaces hundreds of thousands of random accesses to a member-sized array with
    /// sequential reads and writes. O(pairs + blocks); appends the candidates by block, then first seen.
    /// </summary>
    /// <remarks>
    /// With <paramref name="keep"/> &gt; 0, a candidate whose best possible score (<paramref name="weight"/> × common
    /// connections + <paramref name="bestExtra"/>) is below <paramref name="weight"/> × the <paramref name="keep"/>-th
    /// largest common-connection count among the candidates kept from earlier blocks (not in
    /// <paramref name="dismissed"/>) is not appended: at least <paramref name="keep"/> candidates score more, so it cannot
    /// be returned. This is exact, not an approximation; it spares the per-candidate work (visibility, ranking) for the
    /// hundreds of thousands of friends of friends of a viewer connected to hubs.
    /// </remarks>
    private static void CountByBlocks(
        GraphState state, in Visibility visibility, List<int> first, int pairs, ulong[] excluded, Scratch scratch, List<int> candidates, List<int> commons,
        int keep, double weight, double bestExtra, IReadOnlySet<int>? dismissed)
    {
        var shift = BlockShift;
        var mask = (1 << shift) - 1;
        var blocks = (state.MemberCount >> shift) + 1;
        var starts = ArrayPool<int>.Shared.Rent(blocks + 1);
        starts.AsSpan(0, blocks + 1).Clear();
        foreach (var a in first)
        {
            foreach (var c in state.Neighbours(a))
            {
                starts[(c >> shift) + 1]++;
            }
        }

        for (var k = 1; k <= blocks; k++)
        {
            starts[k] += starts[k - 1];
        }

        var cursor = ArrayPool<int>.Shared.Rent(blocks);
        starts.AsSpan(0, blocks).CopyTo(cursor);
        var buffer = ArrayPool<int>.Shared.Rent(pairs);
        foreach (var a in first)
        {
            foreach (var c in state.Neighbours(a))
            {
                buffer[cursor[c >> shift]++] = c;
            }
        }

        var local = scratch.BlockCounts;
        var touched = scratch.Frontier4;

        // histogram[n]: kept candidates with n common connections (n ≤ the viewer's visible connections).
        var histogram = keep > 0 ? new int[first.Count + 1] : [];
        var floor = 0;
        for (var block = 0; block < blocks; block++)
        {
            touched.Clear();
            for (var p = starts[block]; p < starts[block + 1]; p++)
            {
                var c = buffer[p];
                if (local[c & mask]++ == 0)
                {
                    touched.Add(c);
                }
            }

            foreach (var c in touched)
            {
                var common = local[c & mask];
                local[c & mask] = 0;
                if (common < floor || Bits.Get(excluded, c) || !visibility.Allows(c))
                {
                    continue;
                }

                candidates.Add(c);
                commons.Add(common);
                if (keep > 0 && (dismissed is null || !dismissed.Contains(c)))
                {
                    histogram[common]++;
                }
            }

            if (keep > 0)
            {
                // The keep-th largest count so far, then the smallest count whose best score still reaches it.
                var seen = 0;
                var kth = 0;
                for (var n = histogram.Length - 1; n > 0; n--)
                {
                    seen += histogram[n];
                    if (seen >= keep)
                    {
                        kth = n;
                        break;
                    }
                }

                var target = weight * kth;
                while (floor < kth)
                {
                    var bound = (weight * floor) + bestExtra;
                    if (bound + (1e-9 * (Math.Abs(bound) + 1)) >= target)
                    {
                        break;
                    }

                    floor++;
                }
            }
        }

        touched.Clear();
        ArrayPool<int>.Shared.Return(starts);
        ArrayPool<int>.Shared.Return(cursor);
        ArrayPool<int>.Shared.Return(buffer);
    }

    private static void MarkSharers(GraphState state, MembershipRecord[] memberships, int[] groups, ulong[] bitmap, bool set)
    {
        var organisation = -1;
        foreach (var membership in memberships)
        {
            if (membership.Organisation != organisation)
            {
                organisation = membership.Organisation;
                Mark(state.MembersOfOrganisation(organisation));
            }
        }

        foreach (var group in groups)
        {
            Mark(state.MembersOfGroup(group));
        }

        void Mark(ReadOnlySpan<int> members)
        {
            foreach (var member in members)
            {
                if (set)
                {
                    Bits.Set(bitmap, member);
                }
                else
                {
                    Bits.Clear(bitmap, member);
                }
            }
        }
    }

    /// <summary>Organisations at which some membership of each side overlaps in dates. Both lists sorted by organisation.</summary>
    public static int SharedOrganisations(ReadOnlySpan<MembershipRecord> mine, ReadOnlySpan<MembershipRecord> theirs)
    {
        var shared = 0;
        var last = -1;
        foreach (var m in mine)
        {
            if (m.Organisation == last)
            {
                continue;
            }

            foreach (var o in theirs)
            {
                if (o.Organisation != m.Organisation)
                {
                    continue;
                }

                var overlaps = false;
                foreach (var m2 in mine)
                {
                    if (m2.Organisation == m.Organisation && m2.Overlaps(o))
                    {
                        overlaps = true;
                        break;
                    }
                }

                if (overlaps)
                {
                    shared++;
                    last = m.Organisation;
                    break;
                }
            }
        }

        return shared;
    }

    public static int SharedCount(ReadOnlySpan<int> left, ReadOnlySpan<int> right)
    {
        int i = 0, j = 0, count = 0;
        while (i < left.Length && j < right.Length)
        {
            if (left[i] < right[j])
            {
                i++;
            }
            else if (left[i] > right[j])
            {
                j++;
            }
            else
            {
                count++;
                i++;
                j++;
            }
        }

        return count;
    }

    private readonly record struct Candidate(double Weight, int Length, int First, int Second);

    private readonly record struct ReachKey(int Member, int Distance, double Strength);

    /// <summary>Worst first: farther, then weaker, then larger id.</summary>
    private sealed class ReachKeyWorstFirst : IComparer<ReachKey>
    {
        public static readonly ReachKeyWorstFirst Instance = new();

        public int Compare(ReachKey x, ReachKey y) =>
            x.Distance != y.Distance ? y.Distance.CompareTo(x.Distance)
            : x.Strength != y.Strength ? x.Strength.CompareTo(y.Strength)
            : y.Member.CompareTo(x.Member);
    }

    /// <summary>Orders candidates worst first: lower weight, then longer, then larger ids.</summary>
    private sealed class CandidateWorstFirst : IComparer<Candidate>
    {
        public static readonly CandidateWorstFirst Instance = new();

        public int Compare(Candidate x, Candidate y)
        {
            if (x.Weight != y.Weight)
            {
                return x.Weight.CompareTo(y.Weight);
            }

            if (x.Length != y.Length)
            {
                return y.Length.CompareTo(x.Length);
            }

            if (x.First != y.First)
            {
                return y.First.CompareTo(x.First);
            }

            return y.Second.CompareTo(x.Second);
        }
    }

    private sealed class SuggestionWorstFirst : IComparer<Suggestion>
    {
        public static readonly SuggestionWorstFirst Instance = new();

        public int Compare(Suggestion x, Suggestion y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score)
            : x.CommonConnections != y.CommonConnections ? x.CommonConnections.CompareTo(y.CommonConnections)
            : y.Member.CompareTo(x.Member);
    }

    /// <summary>Best path first: higher weight, then members in lexicographic order.</summary>
    internal sealed class PathOrder : IComparer<GraphPath>
    {
        public static readonly PathOrder Instance = new();

        public int Compare(GraphPath? x, GraphPath? y)
        {
            if (x!.Weight != y!.Weight)
            {
                return y.Weight.CompareTo(x.Weight);
            }

            if (x.Members.Count != y.Members.Count)
            {
                return x.Members.Count.CompareTo(y.Members.Count);
            }

            for (var i = 0; i < x.Members.Count; i++)
            {
                if (x.Members[i] != y.Members[i])
                {
                    return x.Members[i].CompareTo(y.Members[i]);
                }
            }

            return 0;
        }
    }

    private sealed class NeighbourOrder : IComparer<NeighbourhoodMember>
    {
        public static readonly NeighbourOrder Instance = new();

        public int Compare(NeighbourhoodMember x, NeighbourhoodMember y) => x.Member.CompareTo(y.Member);
    }
}
