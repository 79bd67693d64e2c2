using Entregent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Notifications;

/// <summary>
/// What every feature calls to tell a member something. It only adds the row to the caller's unit of work: the
/// notification is saved with the change that caused it, or not at all. Who may see it is decided again when the
/// centre or a digest shows it (a block or a lost right since then hides it).
/// </summary>
public static class Notify
{
    /// <summary>
    /// Queues a notification for <paramref name="recipientId"/> in <paramref name="db"/> (saved by the caller's next
    /// save). Nothing is queued for a member notifying themselves, nor when <paramref name="dedupeKey"/> was already used
    /// for this recipient. With an <paramref name="actorId"/>, <paramref name="text"/> is what follows the actor's name, which
    /// the centre and the digest put before it ("commented on your post: …"); it never names the actor itself.
    /// </summary>
    /// <param name="text">Plain text, cut to <see cref="Notification.TextMaxLength"/>.</param>
    /// <param name="url">A local path ("/posts/12").</param>
    public static async Task AddAsync(EntregentDb db, TimeProvider time, long recipientId, NotificationKind kind, long? actorId,
        string text, string url, string? dedupeKey, CancellationToken cancellationToken)
    {
        if (actorId == recipientId)
        {
            return;
        }
        if (dedupeKey is not null
            && (db.Notifications.Local.Any(n => n.RecipientId == recipientId && n.DedupeKey == dedupeKey)
                || await db.Notifications.AnyAsync(n => n.RecipientId == recipientId && n.DedupeKey == dedupeKey, cancellationToken)))
        {
            return;
        }
        db.Notifications.Add(new Notification
        {
            RecipientId = recipientId,
            Kind = kind,
            ActorId = actorId,
            Text = text.Length > Notification.TextMaxLength ? text[..(Notification.TextMaxLength - 1)] + "…" : text,
            Url = url,
            DedupeKey = dedupeKey,
            CreatedAt = time.GetUtcNow(),
        });
    }
}
