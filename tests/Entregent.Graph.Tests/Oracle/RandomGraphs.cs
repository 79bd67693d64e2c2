namespace Entregent.Graph.Tests.Oracle;

/// <summary>Seeded random graphs and change batches, identical for the graph under test and the oracle.</summary>
internal static class RandomGraphs
{
    public static readonly DateOnly Today = new(2024, 6, 15);

    public static readonly DateTimeOffset Now = new(2024, 6, 15, 12, 0, 0, TimeSpan.Zero);

    // A few distinct strengths so that ties (and their tie-breaking) are common.
    private static readonly float[] Strengths = [0.1f, 0.25f, 0.5f, 0.5f, 0.75f, 1f, 0.333f];

    public static float Strength(Random random) => Strengths[random.Next(Strengths.Length)];

    public static DateTimeOffset Time(Random random) =>
        new DateTimeOffset(2010, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(random.Next(0, 15 * 365 * 24));

    public static (DateOnly Start, DateOnly? End) Dates(Random random)
    {
        var start = new DateOnly(2010, 1, 1).AddDays(random.Next(0, 15 * 365));
        DateOnly? end = random.Next(3) == 0 ? null : start.AddDays(random.Next(0, 6 * 365));
        return (start, end);
    }

    /// <summary>A random graph streamed into both a builder and the oracle.</summary>
    public static (SocialGraph Graph, NaiveGraph Naive) Build(Random random, int maxMembers, SocialGraphOptions? options = null)
    {
        var n = random.Next(1, maxMembers + 1);
        var density = random.NextDouble() * 0.6;
        var builder = new GraphBuilder();
        var naive = new NaiveGraph();
        builder.AddMember(n - 1);
        naive.Apply(GraphChange.AddMember(n - 1));
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                if (random.NextDouble() < density)
                {
                    var (strength, time) = (Strength(random), Time(random));
                    var (x, y) = random.Next(2) == 0 ? (a, b) : (b, a);
                    builder.AddConnection(x, y, strength, time);
                    naive.Apply(GraphChange.Connect(x, y, strength, time));
                    if (random.Next(10) == 0)
                    {
                        // The same pair again: the later one wins.
                        (strength, time) = (Strength(random), Time(random));
                        builder.AddConnection(y, x, strength, time);
                        naive.Apply(GraphChange.Connect(y, x, strength, time));
                    }
                }
            }
        }

        var organisations = random.Next(1, 4);
        var groups = random.Next(1, 4);
        for (var m = 0; m < n; m++)
        {
            for (var k = random.Next(3); k > 0; k--)
            {
                var organisation = random.Next(organisations);
                var (start, end) = Dates(random);
                builder.AddMembership(m, organisation, start, end);
                naive.Apply(GraphChange.AddMembership(m, organisation, start, end));
            }

            if (random.Next(2) == 0)
            {
                var group = random.Next(groups);
                builder.AddGroupMembership(m, group);
                naive.Apply(GraphChange.JoinGroup(m, group));
            }
        }

        for (var k = random.Next(3); k > 0 && n > 1; k--)
        {
            var (a, b) = (random.Next(n), random.Next(n));
            if (a != b)
            {
                builder.AddBlock(a, b);
                naive.Apply(GraphChange.Block(a, b));
            }
        }

        for (var k = random.Next(3); k > 0; k--)
        {
            var member = random.Next(n);
            builder.AddHidden(member);
            naive.Apply(GraphChange.Hide(member));
        }

        // Members hiding their connection list: often none (the rule's fast path), often several.
        for (var k = random.Next(5) - 1; k > 0; k--)
        {
            var member = random.Next(n);
            builder.AddConnectionListHidden(member);
            naive.Apply(GraphChange.HideConnectionList(member));
        }

        return (builder.Build(options ?? new SocialGraphOptions { TimeProvider = new FixedTimeProvider(Now), CompactionThreshold = 0 }), naive);
    }

    /// <summary>A random batch of changes over members 0..n (one more than exists, so the graph grows).</summary>
    public static List<GraphChange> Batch(Random random, int n, int size)
    {
        var batch = new List<GraphChange>();
        for (var i = 0; i < size; i++)
        {
            var a = random.Next(n + 1);
            var b = random.Next(n + 1);
            var kind = random.Next(108);
            if (a == b)
            {
                b = (a + 1) % (n + 2);
            }

            batch.Add(kind switch
            {
                < 35 => GraphChange.Connect(a, b, Strength(random), Time(random)),
                < 60 => GraphChange.Disconnect(a, b),
                < 67 => GraphChange.SetStrength(a, b, Strength(random)),
                < 74 => AddMembership(random, a),
                < 76 => GraphChange.RemoveMembership(a, random.Next(3)),
                < 78 => GraphChange.RemoveMembership(a, random.Next(3), FewStarts[random.Next(FewStarts.Length)]),
                < 84 => GraphChange.JoinGroup(a, random.Next(3)),
                < 88 => GraphChange.LeaveGroup(a, random.Next(3)),
                < 91 => GraphChange.Block(a, b),
                < 94 => GraphChange.Unblock(a, b),
                < 97 => GraphChange.Hide(a),
                < 100 => GraphChange.Unhide(a),
                < 105 => GraphChange.HideConnectionList(a),
                _ => GraphChange.ShowConnectionList(a),
            });
        }

        return batch;
    }

    // Batches draw start days from a few values, so that replacing and removing one membership by its start happens.
    private static readonly DateOnly[] FewStarts = [new(2012, 1, 1), new(2016, 6, 1), new(2020, 9, 1)];

    private static GraphChange AddMembership(Random random, int member)
    {
        var start = FewStarts[random.Next(FewStarts.Length)];
        DateOnly? end = random.Next(3) == 0 ? null : start.AddDays(random.Next(0, 6 * 365));
        return GraphChange.AddMembership(member, random.Next(3), start, end);
    }
}
