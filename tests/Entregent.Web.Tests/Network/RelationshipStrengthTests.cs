using Entregent.Graph;
using Entregent.Web.Features.Connections;
using Entregent.Web.Network;

namespace Entregent.Web.Tests.Network;

public class RelationshipStrengthTests
{
    private static readonly DateOnly Today = new(2024, 6, 30);

    /// <summary>
    /// One row per case: how they met, each member's memberships as "org:yyyy-MM-dd..yyyy-MM-dd" (an empty end is
    /// current), the strength expected.
    /// </summary>
    public static TheoryData<HowMet, string, string, double> Cases => new()
    {
        // How they met alone.
        { HowMet.Unstated, "", "", RelationshipStrength.Minimum },
        { HowMet.Colleague, "", "", 0.35 },
        { HowMet.Classmate, "", "", 0.3 },
        { HowMet.Client, "", "", 0.3 },
        { HowMet.Partner, "", "", 0.3 },
        { HowMet.Event, "", "", 0.15 },
        { HowMet.Other, "", "", 0.15 },
        // Same organisation, no overlap; different organisations at the same time: nothing added.
        { HowMet.Colleague, "1:2010-01-01..2012-12-31", "1:2013-01-01..2015-12-31", 0.35 },
        { HowMet.Colleague, "1:2010-01-01..2015-12-31", "2:2010-01-01..2015-12-31", 0.35 },
        // Overlap of 365 days: 0.2 + 0.1 × 365/365.25.
        { HowMet.Other, "1:2010-01-01..2012-12-31", "1:2012-01-01..2013-12-31", 0.15 + 0.2 + (0.1 * 366 / 365.25) },
        { HowMet.Colleague, "1:2019-01-01..2019-12-31", "1:2019-01-01..2019-12-31", 0.35 + 0.2 + (0.1 * 365 / 365.25) },
        // One day side by side still counts as a shared organisation.
        { HowMet.Unstated, "1:2010-01-01..2010-06-01", "1:2010-06-01..2011-01-01", 0.1 + 0.2 + (0.1 / 365.25) },
        // Years count up to three.
        { HowMet.Event, "1:2000-01-01..2010-12-31", "1:2000-01-01..2010-12-31", 0.15 + 0.2 + 0.3 },
        // Both current: the overlap runs to today (2023-07-01..2024-06-30 = 366 days).
        { HowMet.Colleague, "1:2020-01-01..", "1:2023-07-01..", 0.35 + 0.2 + (0.1 * 366 / 365.25) },
        // One current, one ended: to the end.
        { HowMet.Colleague, "1:2020-01-01..", "1:2018-01-01..2021-01-01", 0.35 + 0.2 + (0.1 * 367 / 365.25) },
        // A current position started after the other ended: no overlap.
        { HowMet.Colleague, "1:2022-01-01..", "1:2018-01-01..2021-01-01", 0.35 },
        // Two organisations: the longest overlap counts fully, the second adds 0.1.
        { HowMet.Unstated, "1:2010-01-01..2010-12-31;2:2015-01-01..2015-01-31", "1:2010-01-01..2010-12-31;2:2015-01-01..2015-01-31",
            0.1 + 0.2 + (0.1 * 365 / 365.25) + 0.1 },
        // Two stints at one organisation: one shared organisation, the longer overlap.
        { HowMet.Unstated, "1:2010-01-01..2010-01-31;1:2012-01-01..2013-12-31", "1:2010-01-01..2013-12-31", 0.1 + 0.2 + (0.1 * 731 / 365.25) },
        // Capped at 1.
        { HowMet.Colleague, "1:2000-01-01..2010-12-31;2:2000-01-01..2010-12-31;3:2000-01-01..2010-12-31;4:2000-01-01..2010-12-31",
            "1:2000-01-01..2010-12-31;2:2000-01-01..2010-12-31;3:2000-01-01..2010-12-31;4:2000-01-01..2010-12-31", 1.0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_Case_Expected(HowMet howMet, string a, string b, double expected)
    {
        var strength = RelationshipStrength.Compute(howMet, Memberships(a), Memberships(b), Today);

        Assert.Equal(expected, strength, 0.0001);
        // Symmetric: the order of the two members does not matter.
        Assert.Equal(strength, RelationshipStrength.Compute(howMet, Memberships(b), Memberships(a), Today));
    }

    [Theory]
    // Recommendations: 0.15 a direction.
    [InlineData(false, false, false, false, 0.15)]
    [InlineData(true, false, false, false, 0.15 + 0.15)]
    [InlineData(false, true, false, false, 0.15 + 0.15)]
    [InlineData(true, true, false, false, 0.15 + 0.3)]
    // Endorsements: 0.05 a direction, 0.05 more both ways.
    [InlineData(false, false, true, false, 0.15 + 0.05)]
    [InlineData(false, false, false, true, 0.15 + 0.05)]
    [InlineData(false, false, true, true, 0.15 + 0.15)]
    [InlineData(true, true, true, true, 0.15 + 0.3 + 0.15)]
    public void Compute_Activity_AddsItsWeight(bool recommendedByLow, bool recommendedByHigh, bool endorsedByLow, bool endorsedByHigh, double expected)
    {
        var activity = new PairActivity(recommendedByLow, recommendedByHigh, endorsedByLow, endorsedByHigh);

        Assert.Equal(expected, RelationshipStrength.Compute(HowMet.Other, [], [], Today, activity), 0.0001);
    }

    [Theory]
    // One-way traffic counts for nothing, however much of it.
    [InlineData(0, 0, 0.15)]
    [InlineData(500, 0, 0.15)]
    [InlineData(0, 3, 0.15)]
    // Both ways: 0.03 per doubling of the quieter side's count, up to 0.15.
    [InlineData(1, 1, 0.15 + 0.03)]
    [InlineData(2, 40, 0.15 + 0.06)]
    [InlineData(5, 4, 0.15 + 0.09)]
    [InlineData(8, 8, 0.15 + 0.12)]
    [InlineData(16, 16, 0.15 + 0.15)]
    [InlineData(100_000, 100_000, 0.15 + 0.15)]
    public void Compute_Messages_CountOnlyBothWays_Bounded(int byLow, int byHigh, double expected)
    {
        var activity = new PairActivity(false, false, false, false, byLow, byHigh);

        Assert.Equal(expected, RelationshipStrength.Compute(HowMet.Other, [], [], Today, activity), 0.0001);
    }

    [Fact]
    public void Compute_EverythingAtOnce_CappedAtOne()
    {
        var years = Memberships("1:2000-01-01..2010-12-31;2:2000-01-01..2010-12-31");

        Assert.Equal(1.0, RelationshipStrength.Compute(HowMet.Colleague, years, years, Today, new PairActivity(true, true, true, true)), 0.0001);
    }

    [Theory]
    [InlineData("", "", "")]
    [InlineData("1:2010-01-01..2012-12-31", "1:2013-01-01..2015-12-31", "")]
    [InlineData("1:2010-01-01..2012-12-31", "1:2012-01-01..", "1:2012-01-01..2012-12-31")]
    [InlineData("1:2020-01-01..", "1:2023-07-01..", "1:2023-07-01..2024-06-30")]
    [InlineData("1:2010-01-01..2010-12-31;2:2011-01-01..2013-12-31", "1:2010-06-01..;2:2011-01-01..2013-12-31",
        "2:2011-01-01..2013-12-31;1:2010-06-01..2010-12-31")]
    [InlineData("1:2010-01-01..2010-01-31;1:2012-01-01..2013-12-31", "1:2010-01-01..2013-12-31", "1:2012-01-01..2013-12-31")]
    public void SharedStints_Memberships_LongestFirstOnePerOrganisation(string a, string b, string expected)
    {
        var stints = RelationshipStrength.SharedStints(Memberships(a), Memberships(b), Today);

        Assert.Equal(Memberships(expected).Select(m => new SharedStint(m.Organisation, m.Start, m.End ?? Today)), stints);
    }

    private static List<OrganisationMembership> Memberships(string text) =>
        [.. text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var (organisation, dates) = (int.Parse(part[..part.IndexOf(':', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture),
                part[(part.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            var range = dates.Split("..");
            return new OrganisationMembership(organisation, DateOnly.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture),
                range[1].Length == 0 ? null : DateOnly.Parse(range[1], System.Globalization.CultureInfo.InvariantCulture));
        })];
}
