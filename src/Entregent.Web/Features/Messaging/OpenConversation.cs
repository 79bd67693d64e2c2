using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Features.Messaging;

/// <summary>
/// Writes to one or more members: to one, in the direct conversation the two already have (or a new one); to several,
/// in a new group conversation. Each recipient must be one the author may write to (<see cref="MessagingAccess"/>); a
/// fellow group member who is not a connection gets it in their requests folder. Rate-limited like every message, and
/// a new conversation also counts against the daily allowance.
/// </summary>
public static class OpenConversation
{
    /// <param name="Handles">The recipients' handles, one for a one-to-one conversation, up to 49 for a group one.</param>
    /// <param name="Subject">Optional, up to 200 characters, for a new conversation.</param>
    /// <param name="Body">The first message: plain text, up to 4,000 characters.</param>
    /// <param name="ClientKey">Optional, the sender's own id for this message: sending it again returns the first message.</param>
    public sealed record Request(IReadOnlyList<string?>? Handles, string? Subject, string? Body, string? ClientKey = null);

    /// <param name="Id">The conversation.</param>
    /// <param name="Repeated">The client key was sent before: nothing new was sent.</param>
    public sealed record Opened(long Id, MessageView Message, bool Repeated);

    public static async Task<Outcome<Opened>> ExecuteAsync(EntregentDb db, NetworkGraph network, MessagingNotifier notifier,
        IOptions<MessagingOptions> options, TimeProvider time, long authorId, Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(notifier);
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var errors = new FieldErrors();
        var body = errors.Text("body", request.Body, Message.BodyMaxLength);
        if (body is null)
        {
            errors.Add("body", "This field is required.");
        }
        var subject = errors.Line("subject", request.Subject, Conversation.SubjectMaxLength);
        var clientKey = MessageDelivery.ClientKey(errors, request.ClientKey);
        var handles = (request.Handles ?? []).Select(h => h?.Trim().TrimStart('@')).Where(h => !string.IsNullOrEmpty(h))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (handles.Count == 0)
        {
            errors.Add("handles", "Name at least one member to write to.");
        }
        else if (handles.Count > settings.MaxParticipants - 1)
        {
            errors.Add("handles", $"A conversation has at most {settings.MaxParticipants} participants, you included.");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        if (await MessageDelivery.RepeatedAsync(db, authorId, clientKey, cancellationToken) is { } repeated)
        {
            return new Opened(repeated.ConversationId, await SendMessage.ViewAsync(db, network, repeated, cancellationToken), Repeated: true);
        }

        var recipients = new List<long>();
        foreach (var handle in handles)
        {
            var found = await VisibleMembers.FindAsync(db, network, authorId, handle, cancellationToken, "handles");
            if (!found.Succeeded)
            {
                return found.Failure!;
            }
            if (found.Value == authorId)
            {
                return Failure.Invalid("handles", "You cannot write to yourself.");
            }
            if (!recipients.Contains(found.Value))
            {
                recipients.Add(found.Value);
            }
        }
        var standings = await MessagingAccess.StandingsAsync(db, network, authorId, recipients, cancellationToken);
        var refused = recipients.Where(r => standings[r] == WriteStanding.Refused).ToList();
        if (refused.Count > 0)
        {
            var names = (await MemberCards.ListAsync(db, network, authorId, refused, cancellationToken)).Select(c => c.DisplayName);
            return Failure.Forbidden($"You cannot write to {string.Join(", ", names)}. {MessagingAccess.RefusedDetail}");
        }

        var now = time.GetUtcNow();
        long? existing = null;
        if (recipients.Count == 1)
        {
            var other = recipients[0];
            existing = await db.Conversations.AsNoTracking()
                .Where(c => c.Kind == ConversationKind.Direct && c.Participants.Count == 2
                    && c.Participants.Any(p => p.MemberId == authorId) && c.Participants.Any(p => p.MemberId == other))
                .OrderBy(c => c.Id).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken);
        }
        if (await MessageDelivery.RateLimitAsync(db, settings, now, authorId, opening: existing is null, cancellationToken) is { } limited)
        {
            return limited;
        }

        Message? message;
        long conversationId;
        if (existing is { } id)
        {
            // Writing again where the two already talk. The author comes back if they had declined it; the other comes
            // back only if they may now be written to straight (a connection since): a declined request stays declined.
            // One transaction with the message: a failed send brings no one back.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.ConversationParticipants.Where(p => p.ConversationId == id && p.MemberId == authorId && p.LeftAt != null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.LeftAt, (DateTimeOffset?)null), cancellationToken);
            if (standings[recipients[0]] == WriteStanding.Inbox)
            {
                await db.ConversationParticipants.Where(p => p.ConversationId == id && p.MemberId == recipients[0] && p.LeftAt != null)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.LeftAt, (DateTimeOffset?)null).SetProperty(p => p.Folder, ConversationFolder.Inbox),
                        cancellationToken);
            }
            var active = await db.ConversationParticipants.AsNoTracking().Where(p => p.ConversationId == id && p.MemberId != authorId && p.LeftAt == null)
                .Select(p => p.MemberId).ToListAsync(cancellationToken);
            conversationId = id;
            message = await MessageDelivery.SaveAsync(db, null, id, authorId, body!, clientKey, active, now, cancellationToken);
            if (message is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            recipients = active;
        }
        else
        {
            var conversation = new Conversation
            {
                Kind = recipients.Count == 1 ? ConversationKind.Direct : ConversationKind.Group,
                Subject = subject,
                CreatedAt = now,
                LastMessageAt = now,
                Participants =
                [
                    new ConversationParticipant { MemberId = authorId, JoinedAt = now, LastReadAt = now, Folder = ConversationFolder.Inbox },
                    .. recipients.Select(r => new ConversationParticipant
                    {
                        MemberId = r,
                        JoinedAt = now,
                        Folder = standings[r] == WriteStanding.Requests ? ConversationFolder.Requests : ConversationFolder.Inbox,
                    }),
                ],
            };
            message = await MessageDelivery.SaveAsync(db, conversation, 0, authorId, body!, clientKey, recipients, now, cancellationToken);
            conversationId = conversation.Id;
        }
        if (message is null)
        {
            var first = await MessageDelivery.RepeatedAsync(db, authorId, clientKey, cancellationToken);
            return first is null
                ? Failure.Conflict("clientKey", "This client key is in use; send again.")
                : new Opened(first.ConversationId, await SendMessage.ViewAsync(db, network, first, cancellationToken), Repeated: true);
        }
        var view = await SendMessage.ViewAsync(db, network, message, cancellationToken);
        await notifier.MessageSentAsync(db, MessagePush.Of(conversationId, message, view.Author), authorId, [authorId, .. recipients]);
        return new Opened(conversationId, view, Repeated: false);
    }
}
