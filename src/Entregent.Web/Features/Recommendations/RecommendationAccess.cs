using Entregent.Web.Data;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Recommendations;

/// <summary>
/// Who may act on a recommendation: its author or its recipient, as the use case asks, and never across a block.
/// Anyone else gets "not found", so nobody learns that a recommendation exists by trying its id.
/// </summary>
internal static class RecommendationAccess
{
    /// <param name="asAuthor">true: the member must be the author; false: the recipient; null: either.</param>
    public static async Task<Recommendation?> FindAsync(EntregentDb db, NetworkGraph network, long memberId, long id, bool? asAuthor,
        CancellationToken cancellationToken)
    {
        var recommendation = await db.Recommendations.FirstOrDefaultAsync(r => r.Id == id
            && (asAuthor == true ? r.AuthorId == memberId : asAuthor == false ? r.RecipientId == memberId : r.AuthorId == memberId || r.RecipientId == memberId),
            cancellationToken);
        return recommendation is null || network.IsBlocked(recommendation.AuthorId, recommendation.RecipientId) ? null : recommendation;
    }
}
