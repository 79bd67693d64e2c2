using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Connections;

/// <summary>Invitations waiting for the member (received) or for others (sent), newest first.</summary>
public static class ListInvitations
{
    public const int PageSize = 50;

    public sealed record Page(IReadOnlyList<InvitationView> Items, int Total, int PageNumber, int PageSize);

    public static async Task<Outcome<Page>> ExecuteAsync(EntregentDb db, NetworkGraph network, long memberId, string? direction, int page,
        CancellationToken cancellationToken)
    {
        if (direction is not (null or "received" or "sent"))
        {
            return Failure.Invalid("direction", "Use received or sent.");
        }
        if (Paging.Check(page) is { } badPage)
        {
            return badPage;
        }
        var query = direction == "sent"
            ? db.Invitations.Where(i => i.FromMemberId == memberId && (i.Status == InvitationStatus.Pending || i.Status == InvitationStatus.Ignored))
            : db.Invitations.Where(i => i.ToMemberId == memberId && i.Status == InvitationStatus.Pending);
        // Blocked members' invitations are neither listed nor counted.
        var blocked = db.Blocks.Where(b => b.BlockerId == memberId).Select(b => b.BlockedId)
            .Concat(db.Blocks.Where(b => b.BlockedId == memberId).Select(b => b.BlockerId));
        query = query.Where(i => !blocked.Contains(i.FromMemberId) && !blocked.Contains(i.ToMemberId));
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.AsNoTracking().OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new Page(await InvitationView.LoadAsync(db, network, memberId, rows, cancellationToken), total, page, PageSize);
    }

    /// <summary>How many invitations wait for the member: the badge in the navigation.</summary>
    public static Task<int> PendingCountAsync(EntregentDb db, long memberId, CancellationToken cancellationToken) =>
        db.Invitations.CountAsync(i => i.ToMemberId == memberId && i.Status == InvitationStatus.Pending
            && !db.Blocks.Any(b => (b.BlockerId == memberId && b.BlockedId == i.FromMemberId) || (b.BlockerId == i.FromMemberId && b.BlockedId == memberId)),
            cancellationToken);
}
