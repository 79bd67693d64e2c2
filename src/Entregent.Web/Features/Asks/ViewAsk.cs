using Entregent.Web.Data;
using Entregent.Web.Features.Search;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Asks;

/// <summary>An owner's asks, one ask as its owner or an asked connection sees it, and closing an ask.</summary>
public static class ViewAsk
{
    public static Task<IReadOnlyList<AskSummary>> MineAsync(EntregentDb db, long ownerId, CancellationToken cancellationToken) =>
        AskViews.SummariesAsync(db, db.Asks.Where(a => a.OwnerId == ownerId).OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(100),
            cancellationToken);

    /// <summary>
    /// The owner gets the ask, its live groups and every request; a connection who was asked gets the ask's text and their
    /// own request; anyone else, as for an ask that does not exist, 404.
    /// </summary>
    public static async Task<Outcome<AskDetails>> ExecuteAsync(EntregentDb db, NetworkGraph network, SearchIndex search, long viewerId, long askId,
        CancellationToken cancellationToken)
    {
        var ask = await db.Asks.AsNoTracking().FirstOrDefaultAsync(a => a.Id == askId, cancellationToken);
        if (ask is null)
        {
            return NotFound(askId);
        }
        if (ask.OwnerId == viewerId)
        {
            return new AskDetails(await OwnerViewAsync(db, network, search, ask, cancellationToken), null);
        }
        var received = await AskViews.ReceivedAsync(db, network, viewerId, null, askId, cancellationToken);
        return received.Count == 0 ? NotFound(askId) : new AskDetails(null, received[0]);
    }

    public static async Task<Outcome<AskView>> CloseAsync(EntregentDb db, NetworkGraph network, SearchIndex search, TimeProvider time, long ownerId,
        long askId, CancellationToken cancellationToken)
    {
        var ask = await db.Asks.FirstOrDefaultAsync(a => a.Id == askId && a.OwnerId == ownerId, cancellationToken);
        if (ask is null)
        {
            return NotFound(askId);
        }
        if (ask.Status == AskStatus.Open)
        {
            ask.Status = AskStatus.Closed;
            ask.ClosedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        return await OwnerViewAsync(db, network, search, ask, cancellationToken);
    }

    internal static async Task<AskView> OwnerViewAsync(EntregentDb db, NetworkGraph network, SearchIndex search, Ask ask, CancellationToken cancellationToken)
    {
        var summary = (await AskViews.SummariesAsync(db, db.Asks.Where(a => a.Id == ask.Id), cancellationToken))[0];
        // A closed ask keeps its requests and answers but looks for nobody any more.
        var groups = ask.Status == AskStatus.Open
            ? await MatchAsk.PresentAsync(db, network, ask, await MatchAsk.GroupAsync(db, network, search, ask, cancellationToken), cancellationToken)
            : [];
        var requests = await AskViews.RequestsAsync(db, network, ask.OwnerId, ask.Id, cancellationToken);
        return new AskView(summary, groups, requests);
    }

    internal static Failure NotFound(long askId) => Failure.NotFound($"No ask has the id {askId}.");
}
