using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Recommendations;

/// <summary>A recommendation as its author, its recipient or a profile visitor sees it.</summary>
/// <param name="Label">How the author knows the recipient, in English: "managed Ada Lovelace at Acme".</param>
/// <param name="Text">The Markdown as written; null while only requested.</param>
/// <param name="Html">The text rendered and sanitised, safe to embed.</param>
/// <param name="RequestMessage">The recipient's note when they asked for it.</param>
public sealed record RecommendationView(long Id, MemberCard Author, MemberCard Recipient, RecommendationRelationship Relationship, string Label,
    OrganizationRef? Organization, string? Text, string? Html, string? RequestMessage, RecommendationStatus Status,
    DateTimeOffset CreatedAt, DateTimeOffset? WrittenAt, DateTimeOffset? DecidedAt)
{
    /// <summary>"managed {0}", read as "author … recipient": the English phrase for a relationship, {0} the recipient.</summary>
    public static string Phrase(RecommendationRelationship relationship) => relationship switch
    {
        RecommendationRelationship.Managed => "managed {0}",
        RecommendationRelationship.ReportedTo => "reported to {0}",
        RecommendationRelationship.WorkedWith => "worked with {0}",
        RecommendationRelationship.ClientOf => "was a client of {0}",
        RecommendationRelationship.ProviderTo => "provided services to {0}",
        RecommendationRelationship.Taught => "taught {0}",
        RecommendationRelationship.Mentored => "mentored {0}",
        RecommendationRelationship.StudiedWith => "studied with {0}",
        _ => "knows {0}",
    };

    internal static async Task<IReadOnlyList<RecommendationView>> LoadAsync(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown,
        long? viewerId, IReadOnlyList<Recommendation> rows, CancellationToken cancellationToken)
    {
        var cards = await MemberCards.LoadAsync(db, network, viewerId, rows.SelectMany(r => new[] { r.AuthorId, r.RecipientId }).ToList(), cancellationToken);
        var organizationIds = rows.Where(r => r.OrganizationId is not null).Select(r => r.OrganizationId!.Value).Distinct().ToList();
        var organizations = organizationIds.Count == 0
            ? []
            : await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id))
                .ToDictionaryAsync(o => o.Id, o => new OrganizationRef(o.Name, o.Slug), cancellationToken);
        return rows.Where(r => cards.ContainsKey(r.AuthorId) && cards.ContainsKey(r.RecipientId))
            .Select(r =>
            {
                var organization = r.OrganizationId is { } o && organizations.TryGetValue(o, out var found) ? found : null;
                var label = string.Format(System.Globalization.CultureInfo.InvariantCulture, Phrase(r.Relationship), cards[r.RecipientId].DisplayName)
                    + (organization is null ? "" : " at " + organization.Name);
                return new RecommendationView(r.Id, cards[r.AuthorId], cards[r.RecipientId], r.Relationship, label, organization, r.Text,
                    r.Text is null ? null : markdown.ToSafeHtml(r.Text), r.RequestMessage, r.Status, r.CreatedAt, r.WrittenAt, r.DecidedAt);
            })
            .ToList();
    }
}
