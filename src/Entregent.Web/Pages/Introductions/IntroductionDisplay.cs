using Entregent.Web.Features.Introductions;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Introductions;

/// <summary>How the introduction pages word statuses, timeline steps and the reasons behind a path.</summary>
public static class IntroductionDisplay
{
    public static string Status(IStringLocalizer t, IntroductionStatus status) => status switch
    {
        IntroductionStatus.AwaitingIntermediary => t["Waiting for the intermediary"],
        IntroductionStatus.AwaitingSecondIntermediary => t["Waiting for the second intermediary"],
        IntroductionStatus.AwaitingTarget => t["Waiting for an answer"],
        IntroductionStatus.Accepted => t["Accepted"],
        IntroductionStatus.Declined => t["Declined"],
        IntroductionStatus.Expired => t["Expired"],
        _ => t["Withdrawn"],
    };

    public static string Step(IStringLocalizer t, TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var name = entry.By?.DisplayName ?? "";
        return entry.Kind switch
        {
            "requested" => t["Requested by {0}", name],
            "forwarded" => t["Forwarded by {0}", name],
            "accepted" => t["Accepted by {0}", name],
            "declined" => t["Declined by {0}", name],
            "expired" => t["Expired without an answer"],
            _ => t["Withdrawn by {0}", name],
        };
    }

    public static string Hop(IStringLocalizer t, FindIntroductionPaths.Hop hop)
    {
        ArgumentNullException.ThrowIfNull(hop);
        var (a, b, r) = (hop.From.DisplayName, hop.To.DisplayName, hop.Reason);
        var years = FindIntroductionPaths.Years(r.FromYear, r.ToYear);
        return r.Kind switch
        {
            "workedTogether" => t["{0} worked with {1} at {2}, {3}", a, b, r.Organization ?? "", years],
            "studiedTogether" => t["{0} studied with {1} at {2}, {3}", a, b, r.Organization ?? "", years],
            "howMet" when r.HowMet is { } how => t["{0} and {1}: {2}", a, b, Display.HowMet(t, how)],
            _ => t["{0} and {1} are connected since {2}", a, b, years],
        };
    }
}
