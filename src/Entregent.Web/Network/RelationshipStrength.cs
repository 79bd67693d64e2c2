using Entregent.Graph;
using Entregent.Web.Features.Connections;

namespace Entregent.Web.Network;

/// <summary>A stretch of time two members spent at the same organisation: the raw material of "worked together at X, 2019–2022".</summary>
public readonly record struct SharedStint(int Organisation, DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;
}

/// <summary>
/// How strong a connection is, in 0..1, from what the store knows about the pair: how they said they met, and the
/// organisations (employers and schools) they belonged to at the same time. Ranks introduction paths, mutual
/// connections and suggestions; every ranked answer can name its reasons through <see cref="SharedStints"/>.
/// </summary>
/// <remarks>
/// The weights are a judgement, kept in one place: a stated relationship counts less than years spent side by side.
/// Recommendations, endorsements and two-way messages join the sum when those features exist; one-way traffic will
/// count for nothing, so nobody can raise a strength alone.
/// </remarks>
public static class RelationshipStrength
{
    /// <summary>The floor: two connected members know each other a little.</summary>
    public const float Minimum = 0.1f;

    public static float Compute(HowMet howMet, IReadOnlyList<OrganisationMembership> a, IReadOnlyList<OrganisationMembership> b, DateOnly today)
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
        return (float)Math.Clamp(strength, Minimum, 1.0);
    }

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
