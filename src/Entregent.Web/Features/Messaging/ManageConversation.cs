using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Messaging;

/// <summary>
/// What a participant does with a conversation for themselves: read it, accept or decline a request, archive it or bring
/// it back, leave a group conversation. Nobody else is told, and a sender never learns whether a request was read.
/// </summary>
public static class ManageConversation
{
    public enum Action
    {
        Read,

        /// <summary>A request moves to the inbox.</summary>
        Accept,

        /// <summary>A request is turned down: the member leaves it, and nothing more from it reaches them.</summary>
        Decline,
        Archive,
        Unarchive,

        /// <summary>Out of a group conversation: the member keeps what came before and gets nothing after.</summary>
        Leave,
    }

    public static async Task<Outcome<bool>> ExecuteAsync(EntregentDb db, MessagingNotifier notifier, TimeProvider time, long memberId, long id,
        Action action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(notifier);
        var row = await db.ConversationParticipants.AsNoTracking().Where(p => p.ConversationId == id && p.MemberId == memberId)
            .Join(db.Conversations, p => p.ConversationId, c => c.Id, (p, c) => new { p.Folder, p.LeftAt, c.Kind, Count = c.Participants.Count })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return Failure.NotFound("No such conversation among yours.");
        }
        if (row.LeftAt is not null)
        {
            return Failure.Conflict("conversation", "You left this conversation.");
        }
        var now = time.GetUtcNow();
        var mine = db.ConversationParticipants.Where(p => p.ConversationId == id && p.MemberId == memberId && p.LeftAt == null);
        switch (action)
        {
            case Action.Read:
                await mine.ExecuteUpdateAsync(s => s.SetProperty(p => p.LastReadAt, now), cancellationToken);
                break;
            case Action.Accept when row.Folder == ConversationFolder.Requests:
                await mine.ExecuteUpdateAsync(s => s.SetProperty(p => p.Folder, ConversationFolder.Inbox), cancellationToken);
                break;
            case Action.Accept:
                // Accepting twice (two tabs) is no error; the conversation is where accepting puts it.
                break;
            case Action.Decline when row.Folder == ConversationFolder.Requests:
                await mine.ExecuteUpdateAsync(s => s.SetProperty(p => p.LeftAt, now), cancellationToken);
                break;
            case Action.Decline:
                return Failure.Conflict("conversation", "Only a request can be declined; archive or leave this conversation instead.");
            case Action.Archive when row.Folder == ConversationFolder.Requests:
                // Archived conversations come back with the next message: a request would come back as accepted.
                return Failure.Conflict("conversation", "Accept or decline this request first.");
            case Action.Archive:
                await mine.ExecuteUpdateAsync(s => s.SetProperty(p => p.Folder, ConversationFolder.Archived), cancellationToken);
                break;
            case Action.Unarchive when row.Folder == ConversationFolder.Archived:
                await mine.ExecuteUpdateAsync(s => s.SetProperty(p => p.Folder, ConversationFolder.Inbox), cancellationToken);
                break;
            case Action.Unarchive:
                break;
            case Action.Leave when row.Kind == ConversationKind.Direct || row.Count <= 2:
                return Failure.Conflict("conversation", "You can leave group conversations only; archive this one instead.");
            case Action.Leave:
                await mine.ExecuteUpdateAsync(s => s.SetProperty(p => p.LeftAt, now), cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action));
        }
        await notifier.UnreadChangedAsync(db, memberId);
        return true;
    }
}
