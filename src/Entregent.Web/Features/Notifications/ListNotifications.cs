using System.Globalization;
using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Notifications;

/// <summary>A notification as the centre shows it; <see cref="Actor"/> is null for the app's own news.</summary>
public sealed record NotificationView(long Id, NotificationKind Kind, MemberCard? Actor, string Text, string Url, DateTimeOffset CreatedAt, bool Read);

/// <summary>A page of the centre, newest first; <see cref="Next"/> is the cursor of the following page, null at the end.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, string? Next);

/// <summary>
/// The notification centre: newest first, cursor-paged (the cursor is the last id seen), muted kinds left out, and
/// each entry checked again as it is shown (<see cref="NotificationVisibility"/>).
/// </summary>
public static class ListNotifications
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static async Task<Outcome<NotificationPage>> ExecuteAsync(EntregentDb db, NetworkGraph network, long memberId, string? cursor, int? limit,
        bool unreadOnly, CancellationToken cancellationToken)
    {
        long? before = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed <= 0)
            {
                return Failure.Invalid("cursor", "Use the 'next' value of the previous page.");
            }
            before = parsed;
        }
        var size = limit ?? DefaultLimit;
        if (size is < 1 or > MaxLimit)
        {
            return Failure.Invalid("limit", $"Between 1 and {MaxLimit}.");
        }
        var muted = await MutedKindsAsync(db, memberId, cancellationToken);

        // Hidden entries are skipped, so a page may need more than one read; each read looks further back.
        var shown = new List<NotificationFacts>();
        var rows = new Dictionary<long, (string Text, DateTimeOffset CreatedAt, bool Read)>();
        var more = true;
        for (var round = 0; round < 10 && more && shown.Count <= size; round++)
        {
            var query = db.Notifications.AsNoTracking().Where(n => n.RecipientId == memberId && !muted.Contains(n.Kind));
            if (before is { } b)
            {
                query = query.Where(n => n.Id < b);
            }
            if (unreadOnly)
            {
                query = query.Where(n => n.ReadAt == null);
            }
            var batch = await query.OrderByDescending(n => n.Id).Take(size + 1)
                .Select(n => new { n.Id, n.Kind, n.ActorId, n.Url, n.Text, n.CreatedAt, Read = n.ReadAt != null })
                .ToListAsync(cancellationToken);
            more = batch.Count == size + 1;
            if (batch.Count == 0)
            {
                break;
            }
            before = batch[^1].Id;
            var facts = batch.Select(n => new NotificationFacts(n.Id, n.Kind, n.ActorId, n.Url)).ToList();
            var visible = await NotificationVisibility.VisibleAsync(db, network, memberId, facts, cancellationToken);
            foreach (var n in batch.Where(n => visible.Contains(n.Id)))
            {
                shown.Add(new NotificationFacts(n.Id, n.Kind, n.ActorId, n.Url));
                rows[n.Id] = (n.Text, n.CreatedAt, n.Read);
            }
        }
        var page = shown.Take(size).ToList();
        var next = shown.Count > size || more ? page.Count == 0 ? null : page[^1].Id.ToString(CultureInfo.InvariantCulture) : null;
        var cards = await MemberCards.LoadAsync(db, network, memberId, page.Where(n => n.ActorId is not null).Select(n => n.ActorId!.Value).ToList(),
            cancellationToken);
        var items = page.Select(n => new NotificationView(n.Id, n.Kind, n.ActorId is { } a ? cards.GetValueOrDefault(a) : null, rows[n.Id].Text,
            n.Url, rows[n.Id].CreatedAt, rows[n.Id].Read)).ToList();
        return new NotificationPage(items, next);
    }

    /// <summary>Unread notifications the member would see in the centre (counted up to <paramref name="max"/>, for a badge).</summary>
    public static async Task<int> UnreadCountAsync(EntregentDb db, NetworkGraph network, long memberId, CancellationToken cancellationToken, int max = 999)
    {
        var muted = await MutedKindsAsync(db, memberId, cancellationToken);
        var unread = await db.Notifications.AsNoTracking().Where(n => n.RecipientId == memberId && n.ReadAt == null && !muted.Contains(n.Kind))
            .OrderByDescending(n => n.Id).Take(max)
            .Select(n => new NotificationFacts(n.Id, n.Kind, n.ActorId, n.Url)).ToListAsync(cancellationToken);
        return unread.Count == 0 ? 0 : (await NotificationVisibility.VisibleAsync(db, network, memberId, unread, cancellationToken)).Count;
    }

    /// <summary>For the layout's badge: the signed-in member's unread count, or 0 (status pages must not ask the store).</summary>
    public static Task<int> BadgeCountAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.MemberId() is not { } memberId || context.Request.Path.StartsWithSegments("/status"))
        {
            return Task.FromResult(0);
        }
        return UnreadCountAsync(context.RequestServices.GetRequiredService<EntregentDb>(), context.RequestServices.GetRequiredService<NetworkGraph>(),
            memberId, context.RequestAborted, 100);
    }

    public static async Task<Outcome<bool>> MarkReadAsync(EntregentDb db, TimeProvider time, long memberId, long id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var exists = await db.Notifications.AnyAsync(n => n.Id == id && n.RecipientId == memberId, cancellationToken);
        if (!exists)
        {
            return Failure.NotFound("No such notification among yours.");
        }
        await db.Notifications.Where(n => n.Id == id && n.RecipientId == memberId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return true;
    }

    public static async Task<int> MarkAllReadAsync(EntregentDb db, TimeProvider time, long memberId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.Notifications.Where(n => n.RecipientId == memberId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }

    internal static async Task<List<NotificationKind>> MutedKindsAsync(EntregentDb db, long memberId, CancellationToken cancellationToken) =>
        await db.NotificationSettings.AsNoTracking().Where(s => s.MemberId == memberId).Select(s => s.MutedKinds).FirstOrDefaultAsync(cancellationToken) ?? [];
}
