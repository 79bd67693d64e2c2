using Entregent.Web.Data;
using Entregent.Web.Features.Posts;
using Entregent.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Watches;

/// <summary>A member's watches (newest first), one of them, deleting one, and the hashtags they follow (shown beside them).</summary>
public static class ListWatches
{
    public static async Task<IReadOnlyList<WatchView>> MineAsync(EntregentDb db, long memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var watches = await db.Watches.AsNoTracking().Where(w => w.MemberId == memberId).OrderByDescending(w => w.Id).ToListAsync(cancellationToken);
        return [.. watches.Select(WatchView.Of)];
    }

    /// <summary>The owner's watch; anyone else's is "not found", as if it did not exist.</summary>
    public static async Task<Outcome<WatchView>> OneAsync(EntregentDb db, long memberId, long watchId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var watch = await db.Watches.AsNoTracking().FirstOrDefaultAsync(w => w.Id == watchId && w.MemberId == memberId, cancellationToken);
        return watch is null ? Failure.NotFound($"You have no watch {watchId}.") : WatchView.Of(watch);
    }

    /// <summary>Deletes the owner's watch. Its past notifications stay in the centre.</summary>
    public static async Task<Outcome<bool>> DeleteAsync(EntregentDb db, long memberId, long watchId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var deleted = await db.Watches.Where(w => w.Id == watchId && w.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? Failure.NotFound($"You have no watch {watchId}.") : true;
    }
}
