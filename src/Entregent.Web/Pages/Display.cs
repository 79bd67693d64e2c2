using System.Globalization;
using Entregent.Web.Features.Organizations;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages;

/// <summary>How dates, durations and enum values read in the current culture ("mars 2019", "2 ans 3 mois").</summary>
public static class Display
{
    /// <summary>"Mar 2019" / "mars 2019" for the API's "2019-03".</summary>
    public static string MonthYear(string month) =>
        Months.TryParse(month, out var parsed) ? parsed.ToString("MMM yyyy", CultureInfo.CurrentCulture) : month;

    /// <summary>"Mar 2019 – Present" / "mars 2019 – aujourd'hui".</summary>
    public static string Period(IStringLocalizer t, string startMonth, string? endMonth)
    {
        ArgumentNullException.ThrowIfNull(t);
        return MonthYear(startMonth) + " – " + (endMonth is null ? t["Present"].Value : MonthYear(endMonth));
    }

    /// <summary>
    /// "2 years 3 months" / "2 ans 3 mois", counting both the first and the last month as LinkedIn does, so a
    /// position from March to March lasts one month.
    /// </summary>
    public static string Duration(IStringLocalizer t, string startMonth, string? endMonth, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (!Months.TryParse(startMonth, out var start))
        {
            return "";
        }
        var end = endMonth is not null && Months.TryParse(endMonth, out var parsed) ? parsed : new DateOnly(now.Year, now.Month, 1);
        return Duration(t, start, end);
    }

    public static string Duration(IStringLocalizer t, DateOnly start, DateOnly end) =>
        Duration(t, Math.Max(1, (end.Year * 12) + end.Month - ((start.Year * 12) + start.Month) + 1));

    /// <summary>
    /// Runs of positions held one after another at the same organisation, in the order given (most recent
    /// first): a return to a former employer after a job elsewhere starts a new run, as on LinkedIn.
    /// </summary>
    public static List<List<PositionView>> ConsecutiveByOrganization(IEnumerable<PositionView> positions)
    {
        var runs = new List<List<PositionView>>();
        foreach (var position in positions)
        {
            if (runs.Count > 0 && runs[^1][0].Organization.Slug == position.Organization.Slug)
            {
                runs[^1].Add(position);
            }
            else
            {
                runs.Add([position]);
            }
        }
        return runs;
    }

    /// <summary>Months spent in a run of positions, overlapping months counted once.</summary>
    public static int MonthsSpent(IEnumerable<PositionView> positions, DateTimeOffset now)
    {
        var months = new HashSet<int>();
        var current = (now.Year * 12) + now.Month - 1;
        foreach (var position in positions)
        {
            if (!Months.TryParse(position.StartMonth, out var start))
            {
                continue;
            }
            var last = position.EndMonth is not null && Months.TryParse(position.EndMonth, out var end) ? (end.Year * 12) + end.Month - 1 : current;
            for (var m = (start.Year * 12) + start.Month - 1; m <= last; m++)
            {
                months.Add(m);
            }
        }
        return Math.Max(1, months.Count);
    }

    public static string Duration(IStringLocalizer t, int totalMonths)
    {
        ArgumentNullException.ThrowIfNull(t);
        var total = totalMonths;
        var years = total / 12;
        var months = total % 12;
        var parts = new List<string>(2);
        if (years > 0)
        {
            parts.Add(t[years == 1 ? "{0} year" : "{0} years", years]);
        }
        if (months > 0)
        {
            parts.Add(t[months == 1 ? "{0} month" : "{0} months", months]);
        }
        return string.Join(" ", parts);
    }

    /// <summary>"Updated 3 months ago" / "Mis à jour il y a 3 mois".</summary>
    public static string Freshness(IStringLocalizer t, DateTimeOffset updated, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(t);
        var days = (int)Math.Floor((now - updated).TotalDays);
        if (days < 1)
        {
            return t["Updated today"];
        }
        if (days < 2)
        {
            return t["Updated yesterday"];
        }
        string span;
        if (days < 31)
        {
            span = t["{0} days", days];
        }
        else if (days < 365)
        {
            var months = Math.Max(1, (int)(days / 30.44));
            span = t[months == 1 ? "{0} month" : "{0} months", months];
        }
        else
        {
            var years = (int)(days / 365.25);
            years = Math.Max(1, years);
            span = t[years == 1 ? "{0} year" : "{0} years", years];
        }
        return t["Updated {0} ago", span];
    }

    /// <summary>The full date, for a tooltip next to a relative one.</summary>
    public static string LongDate(DateTimeOffset value) => value.ToString("D", CultureInfo.CurrentCulture);

    public static string Years(int? start, int? end) => (start, end) switch
    {
        (null, null) => "",
        ({ } s, null) => s.ToString(CultureInfo.CurrentCulture) + " –",
        (null, { } e) => e.ToString(CultureInfo.CurrentCulture),
        ({ } s, { } e) when s == e => s.ToString(CultureInfo.CurrentCulture),
        ({ } s, { } e) => s.ToString(CultureInfo.CurrentCulture) + " – " + e.ToString(CultureInfo.CurrentCulture),
    };

    public static string OpenTo(IStringLocalizer t, OpenTo value) => value switch
    {
        Features.Profiles.OpenTo.NewRole => t["Open to a new role"],
        Features.Profiles.OpenTo.Hiring => t["Hiring"],
        Features.Profiles.OpenTo.Business => t["Open to business"],
        Features.Profiles.OpenTo.Introductions => t["Open to introductions"],
        _ => value.ToString(),
    };

    public static string Audience(IStringLocalizer t, Audience value) => value switch
    {
        Features.Profiles.Audience.Public => t["Anyone"],
        Features.Profiles.Audience.Members => t["Members"],
        Features.Profiles.Audience.Connections => t["Connections"],
        Features.Profiles.Audience.OnlyMe => t["Only me"],
        _ => value.ToString(),
    };

    public static string Kind(IStringLocalizer t, OrganizationKind value) => value switch
    {
        OrganizationKind.Company => t["Company"],
        OrganizationKind.School => t["School"],
        OrganizationKind.Association => t["Association"],
        _ => value.ToString(),
    };

    /// <summary>"1st", "2nd", "3rd" ("1er", "2e", "3e"); empty outside three degrees.</summary>
    public static string DegreeBadge(IStringLocalizer t, Entregent.Graph.Degree value)
    {
        ArgumentNullException.ThrowIfNull(t);
        return value switch
        {
            Entregent.Graph.Degree.First => t["1st"],
            Entregent.Graph.Degree.Second => t["2nd"],
            Entregent.Graph.Degree.Third => t["3rd"],
            _ => "",
        };
    }

    /// <summary>"1 mutual connection" / "12 mutual connections".</summary>
    public static string MutualConnections(IStringLocalizer t, int count)
    {
        ArgumentNullException.ThrowIfNull(t);
        return count == 1 ? t["1 mutual connection"] : t["{0} mutual connections", count];
    }

    public static string HowMet(IStringLocalizer t, Features.Connections.HowMet value) => value switch
    {
        Features.Connections.HowMet.Colleague => t["Colleague"],
        Features.Connections.HowMet.Classmate => t["Classmate"],
        Features.Connections.HowMet.Client => t["Client"],
        Features.Connections.HowMet.Partner => t["Partner"],
        Features.Connections.HowMet.Event => t["Met at an event"],
        Features.Connections.HowMet.Other => t["Other"],
        Features.Connections.HowMet.Introduction => t["Through an introduction"],
        _ => "",
    };

    public static string Reach(IStringLocalizer t, ProfileReach value) => value switch
    {
        ProfileReach.Everyone => t["Everyone"],
        ProfileReach.WithinThreeDegrees => t["Only members within three degrees of me"],
        ProfileReach.Colleagues => t["Only my current colleagues (an internal profile)"],
        _ => value.ToString(),
    };

    /// <summary>"MD" for "Marie Dupont": the stand-in for a missing photo.</summary>
    public static string Initials(string name)
    {
        var letters = (name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsLetterOrDigit(w[0]))
            .Take(2).Select(w => char.ToUpper(w[0], CultureInfo.CurrentCulture));
        var text = string.Concat(letters);
        return text.Length == 0 ? "?" : text;
    }

    /// <summary>A web address as people read it: without the scheme and the trailing slash.</summary>
    public static string ShortUrl(string url) =>
        url.Replace("https://", "", StringComparison.OrdinalIgnoreCase).Replace("http://", "", StringComparison.OrdinalIgnoreCase).TrimEnd('/');
}
