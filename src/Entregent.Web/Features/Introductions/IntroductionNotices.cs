using Entregent.Web.Data;
using Entregent.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Introductions;

/// <summary>
/// The notification-centre side of <see cref="IntroductionEmails"/>: queued in the move's own unit of work, so the
/// centre shows what the mail announces, and deduplicated per introduction and step (a retried move notifies once).
/// </summary>
internal static class IntroductionNotices
{
    public static async Task AddAsync(EntregentDb db, TimeProvider time, Introduction introduction, long recipientId, long actorId,
        IntroductionEmails.Reason reason, CancellationToken cancellationToken)
    {
        var ids = new[] { introduction.RequesterId, introduction.TargetId };
        var names = await db.Profiles.AsNoTracking().Where(p => ids.Contains(p.MemberId))
            .ToDictionaryAsync(p => p.MemberId, p => p.DisplayName, cancellationToken);
        var requester = names.GetValueOrDefault(introduction.RequesterId, "A member");
        var target = names.GetValueOrDefault(introduction.TargetId, "a member");
        var text = reason switch
        {
            // The actor's name comes first (Notify.AddAsync): the text never names them again.
            IntroductionEmails.Reason.Asked => actorId == introduction.RequesterId
                ? $"asks you to introduce them to {target}"
                : $"asks you to introduce {requester} to {target}",
            IntroductionEmails.Reason.Proposed => $"proposes to introduce {requester} to you",
            IntroductionEmails.Reason.Accepted => "accepted your introduction: a conversation is open",
            _ => actorId == introduction.TargetId ? "declined your introduction" : $"declined your introduction to {target}",
        };
        // Without an id yet (a new request), a step cannot repeat: it is the request itself.
        var key = introduction.Id == 0 ? null : $"introduction:{introduction.Id}:{reason}:{recipientId}";
        await Notify.AddAsync(db, time, recipientId, NotificationKind.Introduction, actorId, text, introduction.Id == 0 ? "/introductions" : $"/introductions/{introduction.Id}",
            key, cancellationToken);
    }
}
