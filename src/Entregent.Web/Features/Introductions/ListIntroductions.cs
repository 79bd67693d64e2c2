using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Introductions;

/// <summary>A member's introductions: those waiting for them (toAct), those they asked for (sent), or all they may see; newest first.</summary>
public static class ListIntroductions
{
    public const int PageSize = 50;

    public static readonly string[] Boxes = ["toAct", "sent", "all"];

    public sealed record Page(IReadOnlyList<IntroductionView> Items, int Total, int PageNumber, int PageSize);

    public static async Task<Outcome<Page>> ExecuteAsync(EntregentDb db, NetworkGraph network, long memberId, string? box, int page,
        CancellationToken cancellationToken)
    {
        box ??= "toAct";
        if (!Boxes.Contains(box, StringComparer.Ordinal))
        {
            return Failure.Invalid("box", "Use toAct, sent or all.");
        }
        if (Paging.Check(page) is { } badPage)
        {
            return badPage;
        }
        var query = Box(db, memberId, box);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.AsNoTracking().OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new Page(await IntroductionView.LoadAsync(db, network, memberId, rows, cancellationToken), total, page, PageSize);
    }

    /// <summary>How many introductions wait for the member: the count beside the link on My network.</summary>
    public static Task<int> ToActCountAsync(EntregentDb db, long memberId, CancellationToken cancellationToken) =>
        Box(db, memberId, "toAct").CountAsync(cancellationToken);

    private static IQueryable<Introduction> Box(EntregentDb db, long memberId, string box)
    {
        var query = box switch
        {
            "sent" => db.Introductions.Where(i => i.RequesterId == memberId),
            "toAct" => db.Introductions.Where(IntroductionView.ToActOn(memberId)),
            _ => db.Introductions.Where(IntroductionView.VisibleTo(memberId)),
        };
        // Across a block with either end the introduction is neither listed nor counted (as IntroductionView.RoleOf says).
        var blocked = db.Blocks.Where(b => b.BlockerId == memberId).Select(b => b.BlockedId)
            .Concat(db.Blocks.Where(b => b.BlockedId == memberId).Select(b => b.BlockerId));
        return query.Where(i => !blocked.Contains(i.RequesterId) && !blocked.Contains(i.TargetId));
    }
}
