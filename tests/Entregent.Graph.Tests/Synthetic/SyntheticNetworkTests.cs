using Entregent.Graph.Synthetic;

namespace Entregent.Graph.Tests.Synthetic;

public class SyntheticNetworkTests
{
    private static readonly DateOnly Today = new(2026, 11, 1);

    // One shared medium network: generating it takes well under a second.
    private static readonly Lazy<SyntheticNetwork> Medium = new(() => Generate(20_000, seed: 7));

    private static SyntheticNetwork Generate(int members, ulong seed, double averageDegree = 50) =>
        SyntheticNetwork.Generate(new SyntheticNetworkOptions
        {
            Members = members,
            Seed = seed,
            AverageDegree = averageDegree,
            ReferenceDate = Today,
        });

    [Theory]
    [InlineData(300, 1UL)]
    [InlineData(5_000, 42UL)]
    public void Generate_SameSeed_SameNetwork(int members, ulong seed)
    {
        var a = Generate(members, seed);
        var b = Generate(members, seed);

        Assert.Equal(a.Members, b.Members);
        Assert.Equal(a.Organisations, b.Organisations);
        Assert.True(a.Positions.SequenceEqual(b.Positions));
        Assert.True(a.Education.SequenceEqual(b.Education));
        Assert.Equal(a.Hubs, b.Hubs);
        Assert.Equal(a.Connections.Count, b.Connections.Count);
        Assert.True(a.Connections.First.SequenceEqual(b.Connections.First));
        Assert.True(a.Connections.Second.SequenceEqual(b.Connections.Second));
        Assert.True(a.Connections.Strength.SequenceEqual(b.Connections.Strength));
        Assert.True(a.Connections.CreatedOn.SequenceEqual(b.Connections.CreatedOn));
        Assert.Equal(a.Groups, b.Groups);
        for (var m = 0; m < members; m++)
        {
            Assert.True(a.SkillsOf(m).SequenceEqual(b.SkillsOf(m)));
            Assert.True(a.GroupsOf(m).SequenceEqual(b.GroupsOf(m)));
        }
    }

    [Fact]
    public void Generate_OtherSeed_OtherNetwork()
    {
        var a = Generate(2_000, seed: 1);
        var b = Generate(2_000, seed: 2);

        Assert.False(a.Connections.Second.SequenceEqual(b.Connections.Second));
    }

    [Fact]
    public void Generate_NoReferenceDate_UsesTimeProvider()
    {
        var network = SyntheticNetwork.Generate(
            new SyntheticNetworkOptions { Members = 200 }, new FixedTimeProvider(new DateTimeOffset(2024, 3, 15, 10, 0, 0, TimeSpan.Zero)));

        Assert.Equal(new DateOnly(2024, 3, 15), network.ReferenceDate);
        foreach (var position in network.Positions)
        {
            Assert.True(position.Start <= network.ReferenceDate);
        }
    }

    [Theory]
    [InlineData(300)]
    [InlineData(20_000)]
    public void Connections_Always_SortedWithoutSelfLoopsOrDuplicates(int members)
    {
        var network = members == 20_000 ? Medium.Value : Generate(members, seed: 3);
        var connections = network.Connections;
        var first = connections.First;
        var second = connections.Second;

        for (var i = 0; i < connections.Count; i++)
        {
            Assert.InRange(first[i], 0, members - 1);
            Assert.InRange(second[i], 0, members - 1);
            Assert.True(first[i] < second[i], $"connection {i} is ({first[i]}, {second[i]})");
            if (i > 0)
            {
                var previous = ((long)first[i - 1] << 32) | (uint)second[i - 1];
                var current = ((long)first[i] << 32) | (uint)second[i];
                Assert.True(previous < current, $"connection {i} is out of order or a duplicate");
            }
        }
    }

    [Fact]
    public void Connections_Always_StrengthInRangeAndDatedBeforeToday()
    {
        var connections = Medium.Value.Connections;
        for (var i = 0; i < connections.Count; i++)
        {
            Assert.InRange(connections.Strength[i], 0f, 1f);
            Assert.InRange(connections.CreatedOn[i], new DateOnly(1990, 1, 1), Today);
        }
    }

    [Theory]
    [InlineData(50.0)]
    [InlineData(100.0)]
    public void Connections_AverageDegree_Reached(double averageDegree)
    {
        var network = Generate(10_000, seed: 5, averageDegree);

        var average = 2.0 * network.Connections.Count / network.Members.Count;

        Assert.InRange(average, averageDegree * 0.98, averageDegree * 1.02);
    }

    [Fact]
    public void Degrees_Always_HeavyTailed()
    {
        var network = Medium.Value;
        var degrees = network.Connections.Degrees(network.Members.Count);
        var sorted = (int[])degrees.Clone();
        Array.Sort(sorted);
        var median = sorted[sorted.Length / 2];
        var mean = degrees.Average();
        var p99 = sorted[sorted.Length * 99 / 100];

        // A power law: the median sits well below the mean and the top percent far above it.
        Assert.True(median < mean * 0.8, $"median {median}, mean {mean}");
        Assert.True(p99 > mean * 4, $"p99 {p99}, mean {mean}");

        // The complementary CDF falls roughly like a power: doubling the degree past the mean divides the
        // share of members above it by a bounded factor (an exponential tail would collapse to nothing).
        double Above(int d) => degrees.Count(x => x >= d) / (double)degrees.Length;
        var ratio = Above((int)(mean * 2)) / Above((int)(mean * 4));
        Assert.InRange(ratio, 1.5, 12);
    }

    [Fact]
    public void Hubs_LargeNetwork_HaveThousandsOfConnections()
    {
        var network = Medium.Value;
        var degrees = network.Connections.Degrees(network.Members.Count);

        Assert.InRange(network.Hubs.Count, 3, 50);
        foreach (var hub in network.Hubs)
        {
            Assert.True(degrees[hub] >= 1_000, $"hub {hub} has {degrees[hub]} connections");
        }
    }

    [Fact]
    public void Positions_Always_OneToFiveDatedAndNonOverlapping()
    {
        var network = Medium.Value;
        for (var m = 0; m < network.Members.Count; m++)
        {
            var positions = network.PositionsOf(m);
            Assert.InRange(positions.Length, 1, 5);
            for (var p = 0; p < positions.Length; p++)
            {
                var position = positions[p];
                Assert.Equal(m, position.Member);
                Assert.Equal(SyntheticOrganisationKind.Company, network.Organisations[position.Organisation].Kind);
                Assert.True(position.Start >= new DateOnly(1990, 1, 1));
                Assert.True(position.Start <= Today);
                if (position.End is { } end)
                {
                    Assert.True(end > position.Start);
                    Assert.True(end < Today);
                }

                if (p > 0)
                {
                    var previous = positions[p - 1];
                    Assert.NotNull(previous.End);
                    Assert.True(previous.End < position.Start, $"member {m} positions {p - 1} and {p} overlap");
                }
            }
        }
    }

    [Fact]
    public void Education_Always_AtSchoolsBeforeCareer()
    {
        var network = Medium.Value;
        for (var m = 0; m < network.Members.Count; m++)
        {
            foreach (var education in network.EducationOf(m))
            {
                Assert.Equal(SyntheticOrganisationKind.School, network.Organisations[education.School].Kind);
                Assert.True(education.EndYear > education.StartYear);
                Assert.True(education.EndYear <= network.Members[m].CareerStart.Year);
            }
        }
    }

    [Fact]
    public void Skills_Always_DistinctAndInRange()
    {
        var network = Medium.Value;
        for (var m = 0; m < network.Members.Count; m++)
        {
            var skills = network.SkillsOf(m);
            Assert.InRange(skills.Length, 3, 8);
            Assert.Equal(skills.Length, skills.ToArray().Distinct().Count());
            foreach (var skill in skills)
            {
                Assert.InRange(skill, 0, SyntheticNetwork.SkillCount - 1);
            }
        }
    }

    [Fact]
    public void Groups_Always_DistinctLocalAndHeavyTailed()
    {
        var network = Medium.Value;
        var sizes = new int[network.Groups.Count];
        for (var m = 0; m < network.Members.Count; m++)
        {
            var groups = network.GroupsOf(m);
            Assert.InRange(groups.Length, 0, 4);
            for (var k = 0; k < groups.Length; k++)
            {
                Assert.InRange(groups[k], 0, network.Groups.Count - 1);
                Assert.True(k == 0 || groups[k - 1] < groups[k], $"member {m} groups not ascending and distinct");
                if (network.Groups[groups[k]].City is { } city)
                {
                    Assert.Equal(city, network.Members[m].City);
                }

                sizes[groups[k]]++;
            }
        }

        Assert.Equal(sizes, network.Groups.Select(g => g.Size));
        Assert.True(sizes.Max() > sizes.Order().ElementAt(sizes.Length / 2) * 5, "group sizes are not heavy-tailed");
    }

    [Fact]
    public void Connections_Always_ClusteredByOrganisationAndCity()
    {
        var network = Medium.Value;
        var connections = network.Connections;
        var sameCity = 0;
        var workedTogether = 0;
        for (var i = 0; i < connections.Count; i++)
        {
            var a = connections.First[i];
            var b = connections.Second[i];
            if (network.Members[a].City == network.Members[b].City)
            {
                sameCity++;
            }

            if (Overlapped(network.PositionsOf(a), network.PositionsOf(b)))
            {
                workedTogether++;
            }
        }

        // Far above chance: with Zipf-sized cities two random members share a city under a fifth of the time,
        // and two random members almost never overlapped at one of hundreds of companies.
        Assert.True(sameCity > connections.Count * 0.35, $"{sameCity} of {connections.Count} in the same city");
        Assert.True(workedTogether > connections.Count * 0.2, $"{workedTogether} of {connections.Count} worked together");

        // Colleagues who overlapped are the strongest ties.
        var colleagues = Average(connections, SyntheticConnectionKind.Colleagues);
        var acquaintances = Average(connections, SyntheticConnectionKind.Acquaintances);
        Assert.True(colleagues > acquaintances + 0.3, $"colleagues {colleagues}, acquaintances {acquaintances}");
    }

    [Fact]
    public void Organisations_Always_SizesHeavyTailedWithCurrentEmployees()
    {
        var network = Medium.Value;
        var companies = network.Organisations.Where(o => o.Kind == SyntheticOrganisationKind.Company).ToList();
        var largest = companies.Max(o => o.CurrentSize);
        var median = companies.Select(o => o.CurrentSize).Order().ElementAt(companies.Count / 2);

        Assert.True(largest > median * 20, $"largest {largest}, median {median}");
        Assert.Equal(
            network.Positions.ToArray().Count(p => p.IsCurrent),
            network.Organisations.Sum(o => o.CurrentSize));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(50)]
    public void Generate_TinyNetwork_Works(int members)
    {
        var network = Generate(members, seed: 9);

        Assert.Equal(members, network.Members.Count);
        Assert.All(network.Hubs, h => Assert.InRange(h, 0, members - 1));
    }

    [Fact]
    public void Generate_TooFewMembers_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Generate(1, seed: 1));

    private static bool Overlapped(ReadOnlySpan<SyntheticPosition> a, ReadOnlySpan<SyntheticPosition> b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                var xEnd = x.End ?? Today;
                var yEnd = y.End ?? Today;
                if (x.Organisation == y.Organisation && x.Start < yEnd && y.Start < xEnd)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static double Average(SyntheticConnections connections, SyntheticConnectionKind kind)
    {
        double sum = 0;
        var count = 0;
        for (var i = 0; i < connections.Count; i++)
        {
            if (connections.Kind[i] == kind)
            {
                sum += connections.Strength[i];
                count++;
            }
        }

        return count == 0 ? 0 : sum / count;
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
