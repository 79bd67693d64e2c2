using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Recommendations;

/// <summary>The recommendations shown on a member's profile, and one's own boxes: received, given, requests to write.</summary>
public static class ListRecommendations
{
    public const int PageSize = 50;

    /// <param name="PendingCount">Recommendations received that wait for the member's approval, whichever box is listed.</param>
    public sealed record Page(IReadOnlyList<RecommendationView> Items, int Total, int PageNumber, int PageSize, int PendingCount);

    /// <summary>A member's approved recommendations, newest first; the owner also sees the hidden ones.</summary>
    public static async Task<Outcome<IReadOnlyList<RecommendationView>>> OfAsync(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown,
        long viewerId, string? handle, CancellationToken cancellationToken)
    {
        var found = await VisibleMembers.FindAsync(db, network, viewerId, handle, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        return Outcome.Of(await OfMemberAsync(db, network, markdown, viewerId, found.Value, cancellationToken));
    }

    /// <summary>The same for a member the viewer may see (checked by the caller); a signed-out viewer too.</summary>
    public static async Task<IReadOnlyList<RecommendationView>> OfMemberAsync(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown,
        long? viewerId, long memberId, CancellationToken cancellationToken)
    {
        var owner = viewerId == memberId;
        var rows = await db.Recommendations.AsNoTracking()
            .Where(r => r.RecipientId == memberId && (r.Status == RecommendationStatus.Approved || (owner && r.Status == RecommendationStatus.Hidden)))
            .OrderByDescending(r => r.WrittenAt).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }
        // Authors the viewer may not see (a block either way, with the viewer or the member; a limited reach) are left out.
        var authors = rows.Select(r => r.AuthorId).Distinct().ToList();
        var reaches = await db.Profiles.AsNoTracking().Where(p => authors.Contains(p.MemberId))
            .ToDictionaryAsync(p => p.MemberId, p => p.Reach, cancellationToken);
        rows = rows.Where(r => reaches.TryGetValue(r.AuthorId, out var reach) && !network.IsBlocked(r.AuthorId, memberId)
            && ViewProfile.MayOpen(network, viewerId, r.AuthorId, reach)).ToList();
        return await RecommendationView.LoadAsync(db, network, markdown, viewerId, rows, cancellationToken);
    }

    /// <param name="box">received (default): written for me or asked by me; given: written by me; requests: asked of me, still to write.</param>
    public static async Task<Outcome<Page>> MineAsync(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, long memberId, string? box, int page,
        CancellationToken cancellationToken)
    {
        if (box is not (null or "received" or "given" or "requests"))
        {
            return Failure.Invalid("box", "Use received, given or requests.");
        }
        if (Paging.Check(page) is { } badPage)
        {
            return badPage;
        }
        var query = box switch
        {
            "given" => db.Recommendations.Where(r => r.AuthorId == memberId && r.Status != RecommendationStatus.Requested && r.Status != RecommendationStatus.Declined),
            "requests" => db.Recommendations.Where(r => r.AuthorId == memberId && r.Status == RecommendationStatus.Requested),
            _ => db.Recommendations.Where(r => r.RecipientId == memberId && r.Status != RecommendationStatus.Declined),
        };
        query = WithoutBlocked(db, query, memberId);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.AsNoTracking().OrderByDescending(r => r.WrittenAt ?? r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new Page(await RecommendationView.LoadAsync(db, network, markdown, memberId, rows, cancellationToken), total, page, PageSize,
            await PendingCountAsync(db, memberId, cancellationToken));
    }

    /// <summary>How many recommendations wait for the member's approval.</summary>
    public static Task<int> PendingCountAsync(EntregentDb db, long memberId, CancellationToken cancellationToken) =>
        WithoutBlocked(db, db.Recommendations.Where(r => r.RecipientId == memberId && r.Status == RecommendationStatus.Pending), memberId)
            .CountAsync(cancellationToken);

    // A block removes nothing, but what lies across it is neither listed nor counted.
    private static IQueryable<Recommendation> WithoutBlocked(EntregentDb db, IQueryable<Recommendation> query, long memberId)
    {
        var blocked = db.Blocks.Where(b => b.BlockerId == memberId).Select(b => b.BlockedId)
            .Concat(db.Blocks.Where(b => b.BlockedId == memberId).Select(b => b.BlockerId));
        return query.Where(r => !blocked.Contains(r.AuthorId) && !blocked.Contains(r.RecipientId));
    }
}
