using Entregent.Web.Features.Recommendations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Members;

/// <summary>Recommendation wording in the viewer's language: "managed Ada at Acme", and the relationship choices of the forms.</summary>
public static class RecommendationDisplay
{
    public static string Label(IStringLocalizer t, RecommendationView recommendation)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(recommendation);
        var label = t[RecommendationView.Phrase(recommendation.Relationship), recommendation.Recipient.DisplayName].Value;
        return recommendation.Organization is { } organization ? label + " " + t["at {0}", organization.Name].Value : label;
    }

    /// <summary>Each relationship as "managed {name}", read "author … recipient".</summary>
    public static IEnumerable<SelectListItem> Relationships(IStringLocalizer t, string recipientName) =>
        Enum.GetValues<RecommendationRelationship>().Select(r => new SelectListItem(t[RecommendationView.Phrase(r), recipientName], r.ToString()));
}
