using Entregent.Graph;
using Entregent.Web.Features.Connections;

namespace Entregent.Web.Network;

/// <summary>A stretch of time two members spent at the same organisation: the raw material of "worked together at X, 2019–2022".</summary>
public readonly record struct SharedStint(int Organisation, DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;
}

/// <summary>
/// What two members did for each other that says they know each other well: an approved recommendation (one the
/// recipient shows, not hidden) and at least one endorsement, in each direction. "Low" and "high" are the pair's
/// member ids in order, so one value describes the pair whichever side asks.
/// </summary>
public readonly record struct PairActivity(bool RecommendedByLow, bool RecommendedByHigh, bool EndorsedByLow, bool EndorsedByHigh,
    int MessagesByLow = 0, int MessagesByHigh = 0)
{
    /// <summary>Messages exchanged both ways: as many as the quieter side wrote (one-way traffic counts for nothing).</summary>
    public int MessageExchanges => Math.Min(MessagesByLow, MessagesByHigh);

    public int RecommendationDirections => (RecommendedByLow ? 1 : 0) + (RecommendedByHigh ? 1 : 0);
    public int EndorsementDirections => (EndorsedByLow ? 1 : 0) + (EndorsedByHigh ? 1 : 0);
}

/// <summary>
/// How strong a connection is, in 0..1, from what the store knows about the pair: how they said they met, the
/// organisations (employers and schools) they belonged to at the same time, and what they vouched for each other
/// (<see cref="PairActivity"/>). Ranks introduction paths, mutual connections and suggestions; every ranked answer
/// can name its reasons through <see cref="SharedStints"/>.
/// </summary>
/// <remarks>
/// The weights are a judgement, kept in one place: a stated relationship counts less than years spent side by side.
/// A recommendation is written, signed and approved by the other side: it adds a clear <see cref="RecommendationWeight"/>
/// per direction (so at most twice). An endorsement is one click: a direction with any number of them adds
/// <see cref="EndorsementWeight"/>, and endorsements both ways add <see cref="MutualEndorsementBonus"/> more, since
/// two people vouching for each other know each other better than either alone says. Many endorsements of one
/// member count as one, so nobody raises a strength by clicking through a skill list. Both are counted one way as
/// well as two, because each needs the other's consent (an approval, a listed skill). Messages count only both ways,
/// since one-way traffic anyone can send: <see cref="MessageWeight"/> grows with the quieter side's count on a log
/// scale and stops at <see cref="MessageWeightCap"/>, so a long correspondence says more than a hello, and nobody
/// raises a strength by chatting.
/// </remarks>
public static class RelationshipStrength
{
    /// <summary>The floor: two connected members know each other a little.</summary>
    public const float Minimum = 0.1f;

    public const double RecommendationWeight = 0.15;
    public const double EndorsementWeight = 0.05;
    public const double MutualEndorsementBonus = 0.05;

    /// <summary>Per doubling of the messages exchanged both ways (1, 2, 4, … from the quieter side).</summary>
    public const double MessageWeight = 0.03;
    public const double MessageWeightCap = 0.15;

    public static float Compute(HowMet howMet, IReadOnlyList<OrganisationMembership> a, IReadOnlyList<OrganisationMembership> b, DateOnly today,
        PairActivity activity = default)
    {
        var strength = howMet switch
        {
            HowMet.Colleague => 0.35,
            HowMet.Classmate or HowMet.Client or HowMet.Partner => 0.3,
            HowMet.Event or HowMet.Other or HowMet.Introduction => 0.15,
            _ => Minimum,
        };
        var organisations = 0;
        var lastOrganisation = -1;
        foreach (var stint in SharedStints(a, b, today))
        {
            var years = Math.Min(stint.Days / 365.25, 3.0);
            // The first organisation shared counts most; each further one adds less.
            strength += organisations == 0 ? 0.2 + (0.1 * years) : stint.Organisation != lastOrganisation ? 0.1 : 0.0;
            if (stint.Organisation != lastOrganisation)
            {
                organisations++;
                lastOrganisation = stint.Organisation;
            }
        }
        strength += (activity.RecommendationDirections * RecommendationWeight) + (activity.EndorsementDirections * EndorsementWeight)
            + (activity.EndorsementDirections == 2 ? MutualEndorsementBonus : 0.0)
            + MessageBonus(activity.MessageExchanges);
        return (float)Math.Clamp(strength, Minimum, 1.0);
    }

    /// <summary>0 for no two-way traffic; 0.03 for one exchange, 0.06 for two, 0.09 for four … up to 0.15 (16 and more).</summary>
    public static double MessageBonus(int exchanges) =>
        exchanges <= 0 ? 0.0 : Math.Min(MessageWeightCap, MessageWeight * (1 + Math.Floor(Math.Log2(exchanges))));

    /// <summary>The overlaps of two members' memberships, longest first (at most one per organisation). O(|a|·|b|), both tiny.</summary>
    public static IReadOnlyList<SharedStint> SharedStints(IReadOnlyList<OrganisationMembership> a, IReadOnlyList<OrganisationMembership> b, DateOnly today)
    {
        List<SharedStint>? stints = null;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (x.Organisation != y.Organisation)
                {
                    continue;
                }
                var from = x.Start > y.Start ? x.Start : y.Start;
                var xEnd = x.End ?? today;
                var yEnd = y.End ?? today;
                var to = xEnd < yEnd ? xEnd : yEnd;
                if (from <= to)
                {
                    stints ??= [];
                    var known = stints.FindIndex(s => s.Organisation == x.Organisation);
                    var stint = new SharedStint(x.Organisation, from, to);
                    if (known < 0)
                    {
                        stints.Add(stint);
                    }
                    else if (stints[known].Days < stint.Days)
                    {
                        stints[known] = stint;
                    }
                }
            }
        }
        if (stints is null)
        {
            return [];
        }
        stints.Sort((p, q) => q.Days.CompareTo(p.Days));
        return stints;
    }
}
