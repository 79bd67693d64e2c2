using Entregent.Graph;
using Entregent.Graph.Synthetic;

namespace Entregent.Benchmarks;

/// <summary>The networks every benchmark uses: fixed seed and reference date, so runs compare like with like.</summary>
internal static class Networks
{
    public static readonly DateOnly ReferenceDate = new(2026, 11, 1);

    /// <summary>Average degree per size as in the issue: 50 at 100 k members, 100 at 1 M (50 M connections).</summary>
    public static double DefaultDegree(int members) => members >= 1_000_000 ? 100 : 50;

    public static SyntheticNetwork Generate(int members, double averageDegree, ulong seed = 1) =>
        SyntheticNetwork.Generate(new SyntheticNetworkOptions
        {
            Members = members,
            AverageDegree = averageDegree,
            Seed = seed,
            ReferenceDate = ReferenceDate,
        });

    /// <summary>Feeds a network to a builder: connections, positions and education as dated memberships, groups.</summary>
    public static GraphBuilder Fill(SyntheticNetwork network)
    {
        var connections = network.Connections;
        var builder = new GraphBuilder(connections.Count);
        builder.AddMember(network.Members.Count - 1);
        var first = connections.First;
        var second = connections.Second;
        var strength = connections.Strength;
        var created = connections.CreatedOn;
        for (var i = 0; i < connections.Count; i++)
        {
            builder.AddConnection(first[i], second[i], strength[i], new DateTimeOffset(created[i], TimeOnly.MinValue, TimeSpan.Zero));
        }

        foreach (var position in network.Positions)
        {
            builder.AddMembership(position.Member, position.Organisation, position.Start, position.End);
        }

        foreach (var education in network.Education)
        {
            builder.AddMembership(
                education.Member, education.School, new DateOnly(education.StartYear, 9, 1), new DateOnly(education.EndYear, 6, 30));
        }

        for (var m = 0; m < network.Members.Count; m++)
        {
            foreach (var group in network.GroupsOf(m))
            {
                builder.AddGroupMembership(m, group);
            }
        }

        return builder;
    }

    /// <summary>Builds the graph with the network's reference date as "today".</summary>
    public static SocialGraph Build(GraphBuilder builder) =>
        builder.Build(new SocialGraphOptions
        {
            TimeProvider = new FixedTimeProvider(new DateTimeOffset(ReferenceDate, new TimeOnly(12, 0), TimeSpan.Zero)),
        });

    public static SocialGraph Build(SyntheticNetwork network) => Build(Fill(network));

    /// <summary>The company whose current staff is closest to <paramref name="staff"/>.</summary>
    public static int OrganisationOfSize(SyntheticNetwork network, int staff) =>
        network.Organisations
            .Where(o => o.Kind == SyntheticOrganisationKind.Company)
            .MinBy(o => Math.Abs(o.CurrentSize - staff))
            .Index;
}

/// <summary>A clock stopped at one instant, so "current" memberships match the generated data.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Random query arguments drawn once per run from a seeded generator: members with at least one
/// connection (an isolated member's queries are trivially empty everywhere).</summary>
internal sealed class QuerySamples
{
    public QuerySamples(SyntheticNetwork network, ulong seed, int count, int organisationStaff = 0)
    {
        var random = new Random((int)seed + 17);
        var degrees = network.Connections.Degrees(network.Members.Count);
        int Pick()
        {
            while (true)
            {
                var m = random.Next(network.Members.Count);
                if (degrees[m] > 0)
                {
                    return m;
                }
            }
        }

        var pairs = new List<(int A, int B)>(count);
        var viewers = new List<int>(count);
        var pages = new List<int[]>(count);
        while (pairs.Count < count)
        {
            var a = Pick();
            var b = Pick();
            if (a != b)
            {
                pairs.Add((a, b));
            }
        }

        for (var i = 0; i < count; i++)
        {
            viewers.Add(Pick());
            var page = new int[50];
            for (var k = 0; k < page.Length; k++)
            {
                page[k] = random.Next(network.Members.Count);
            }

            pages.Add(page);
        }

        Pairs = pairs;
        Viewers = viewers;
        Pages = pages;
        Organisation = organisationStaff > 0
            ? Networks.OrganisationOfSize(network, organisationStaff)
            : network.Organisations.MaxBy(o => o.CurrentSize).Index;
    }

    public IReadOnlyList<(int A, int B)> Pairs { get; }

    public IReadOnlyList<int> Viewers { get; }

    /// <summary>Pages of 50 random members, as a search result page would show.</summary>
    public IReadOnlyList<int[]> Pages { get; }

    public int Organisation { get; }
}
