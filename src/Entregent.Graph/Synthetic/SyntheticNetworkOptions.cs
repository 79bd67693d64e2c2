namespace Entregent.Graph.Synthetic;

/// <summary>
/// Settings for <see cref="SyntheticNetwork.Generate(SyntheticNetworkOptions, TimeProvider?)"/>. Only
/// <see cref="Members"/> is required; every other setting has a default scaled to the member count.
/// </summary>
public sealed class SyntheticNetworkOptions
{
    /// <summary>Number of members, at least 2 and at most 16,777,215 (connections are packed on 24 bits per end).</summary>
    public int Members { get; set; } = 1_000;

    /// <summary>Seed of the pseudo-random generator: the same seed and reference date give the same network
    /// on every runtime. Default 1.</summary>
    public ulong Seed { get; set; } = 1;

    /// <summary>Average number of connections per member (connections = members × this / 2). Default 50;
    /// 100 gives the 1 M members / 50 M connections of the scale target. Capped to what the member count
    /// allows.</summary>
    public double AverageDegree { get; set; } = 50;

    /// <summary>"Today" for dates: positions run up to it, current positions are open at it, and no
    /// connection is made after it. Default null: the date of the <see cref="TimeProvider"/> given to
    /// <c>Generate</c>. Set it for a reproducible network. Must be 1995-01-01 or later.</summary>
    public DateOnly? ReferenceDate { get; set; }

    /// <summary>Number of cities. Default null: members / 2,500, between 3 and 400. City populations follow
    /// Zipf's law (city 0 is the largest).</summary>
    public int? Cities { get; set; }

    /// <summary>Number of companies. Default null: members / 40, at least 3. Company sizes are heavy-tailed
    /// (company 0 is the largest, roughly 1 to 4 % of members).</summary>
    public int? Companies { get; set; }

    /// <summary>Number of schools. Default null: members / 1,500, at least 2.</summary>
    public int? Schools { get; set; }

    /// <summary>Number of groups. Default null: members / 200, at least 1. Members join 0 to 4 groups of
    /// their industry (local chapters in their own city only); group sizes are heavy-tailed.</summary>
    public int? Groups { get; set; }

    /// <summary>Number of hubs, members with thousands of connections. Default null: 1 under 1,000 members,
    /// otherwise members / 20,000 between 3 and 50.</summary>
    public int? Hubs { get; set; }

    /// <summary>Smallest hub degree. Default 2,000, lowered to members / 5 for small networks.</summary>
    public int HubMinDegree { get; set; } = 2_000;

    /// <summary>Largest hub degree. Default 10,000, lowered to members / 3 for small networks.</summary>
    public int HubMaxDegree { get; set; } = 10_000;
}
