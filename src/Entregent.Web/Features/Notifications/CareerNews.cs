using System.Globalization;
using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Notifications;

/// <summary>
/// Career news told to a member's connections: a new current position the owner chose to share
/// (<see cref="Position.SharedAsNews"/>), and the yearly anniversary of such a position. Anniversaries follow the same
/// choice — a position not shared as news is never announced, neither when added nor on its anniversaries — so one
/// checkbox ("Tell my connections") covers both and no separate setting is needed. Connections who may not open the
/// owner's profile (a block, a limited reach) are not told.
/// </summary>
public static class CareerNews
{
    /// <summary>Queues "new position" for the owner's connections (deduplicated per position), in the caller's unit of work.</summary>
    public static async Task AnnounceAsync(EntregentDb db, NetworkGraph network, TimeProvider time, Position position, string organizationName,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (!position.SharedAsNews || position.EndMonth is not null)
        {
            return;
        }
        var text = $"is now {position.Title} at {organizationName}";
        await TellConnectionsAsync(db, network, time, position.MemberId, NotificationKind.NewPosition, text, $"position:{position.Id}", cancellationToken);
    }

    /// <summary>
    /// Queues and saves this month's work anniversaries: current positions shared as news that started in this month of
    /// an earlier year. Deduplicated per year and position, so the daily run tells each connection once a year.
    /// </summary>
    public static async Task<int> AnniversariesAsync(EntregentDb db, NetworkGraph network, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var month = today.Month;
        var thisYear = new DateOnly(today.Year, 1, 1);
        var due = await db.Positions.AsNoTracking()
            .Where(p => p.SharedAsNews && p.EndMonth == null && p.StartMonth < thisYear && p.StartMonth.Month == month)
            .Select(p => new { p.Id, p.MemberId, p.Title, Organization = p.Organization!.Name, p.StartMonth })
            .ToListAsync(cancellationToken);
        var told = 0;
        foreach (var position in due)
        {
            var years = today.Year - position.StartMonth.Year;
            var text = years == 1
                ? $"celebrates 1 year as {position.Title} at {position.Organization}"
                : $"celebrates {years.ToString(CultureInfo.InvariantCulture)} years as {position.Title} at {position.Organization}";
            told += await TellConnectionsAsync(db, network, time, position.MemberId, NotificationKind.WorkAnniversary, text,
                $"anniversary:{today.Year.ToString(CultureInfo.InvariantCulture)}:{position.Id.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        return told;
    }

    private static async Task<int> TellConnectionsAsync(EntregentDb db, NetworkGraph network, TimeProvider time, long ownerId, NotificationKind kind,
        string text, string dedupeKey, CancellationToken cancellationToken)
    {
        var owner = await db.Profiles.AsNoTracking().Where(p => p.MemberId == ownerId).Select(p => new { p.Handle, p.Reach }).FirstOrDefaultAsync(cancellationToken);
        if (owner is null)
        {
            return 0;
        }
        var connections = await db.Connections.AsNoTracking().Where(c => c.MemberId == ownerId || c.OtherMemberId == ownerId)
            .Select(c => c.MemberId == ownerId ? c.OtherMemberId : c.MemberId).ToListAsync(cancellationToken);
        var already = await db.Notifications.AsNoTracking().Where(n => n.DedupeKey == dedupeKey && connections.Contains(n.RecipientId))
            .Select(n => n.RecipientId).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var told = 0;
        foreach (var recipientId in connections.Except(already))
        {
            if (!ViewProfile.MayOpen(network, recipientId, ownerId, owner.Reach))
            {
                continue;
            }
            db.Notifications.Add(new Notification
            {
                RecipientId = recipientId,
                Kind = kind,
                ActorId = ownerId,
                Text = text.Length > Notification.TextMaxLength ? text[..(Notification.TextMaxLength - 1)] + "…" : text,
                Url = "/in/" + owner.Handle,
                DedupeKey = dedupeKey,
                CreatedAt = now,
            });
            told++;
        }
        return told;
    }
}
