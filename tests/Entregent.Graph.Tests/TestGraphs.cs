using System.Globalization;
using Entregent.Graph.Tests.Oracle;

namespace Entregent.Graph.Tests;

/// <summary>Hand-drawn graphs for the theory tables.</summary>
internal static class TestGraphs
{
    public static readonly DateTimeOffset Created = new(2020, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The "office" graph (strengths on the edges):
    /// <code>
    ///        0.9     0.8
    ///    0 ────── 1 ────── 3 ──0.7── 4 ──0.4── 5        7 (alone)
    ///    │                 │         │
    ///    0.5 ──── 2 ──0.6──┘         │
    ///             │                  │
    ///             └──0.3── 6 ──0.9───┘
    /// </code>
    /// Distances from 0: 1→1, 2→1, 3→2, 6→2, 4→3, 5→4, 7 unreachable.
    /// </summary>
    public const string Office = "0-1:0.9 0-2:0.5 1-3:0.8 2-3:0.6 3-4:0.7 4-5:0.4 2-6:0.3 6-4:0.9 7";

    /// <summary>Builds a graph from "a-b:strength" tokens (a lone number adds a member), then applies extra changes.</summary>
    public static SocialGraph Parse(string edges, params GraphChange[] changes) => Parse(edges, null, changes);

    public static SocialGraph Parse(string edges, SocialGraphOptions? options, params GraphChange[] changes)
    {
        var builder = new GraphBuilder();
        foreach (var token in edges.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = token.Split(':');
            var ends = colon[0].Split('-');
            if (ends.Length == 1)
            {
                builder.AddMember(int.Parse(ends[0], CultureInfo.InvariantCulture));
                continue;
            }

            builder.AddConnection(
                int.Parse(ends[0], CultureInfo.InvariantCulture),
                int.Parse(ends[1], CultureInfo.InvariantCulture),
                float.Parse(colon[1], CultureInfo.InvariantCulture),
                Created);
        }

        var graph = builder.Build(options ?? new SocialGraphOptions { TimeProvider = new FixedTimeProvider(RandomGraphs.Now) });
        if (changes.Length > 0)
        {
            graph.Apply(changes);
        }

        return graph;
    }

    /// <summary>Parses "1,2,3" (empty string: none).</summary>
    public static int[] Ids(string ids) =>
        ids.Length == 0 ? [] : ids.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Formats paths as "0-1-3|0-2-3".</summary>
    public static string Format(IEnumerable<GraphPath> paths) => string.Join('|', paths.Select(p => string.Join('-', p.Members)));
}
