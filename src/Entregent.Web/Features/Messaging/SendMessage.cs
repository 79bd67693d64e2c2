using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Features.Messaging;

/// <summary>
/// Writes in a conversation, as one of its participants who has not left it; never across a block with another
/// participant. Rate-limited per member (<see cref="MessagingOptions"/>); a repeated client key returns the first message.
/// </summary>
public static class SendMessage
{
    /// <param name="Body">Plain text, up to 4,000 characters; shown encoded, never as HTML.</param>
    /// <param name="ClientKey">Optional, the sender's own id for this message (up to 64 letters, digits, '-', '_', '.', ':'): sending it again returns the first message.</param>
    public sealed record Request(string? Body, string? ClientKey = null);

    /// <param name="Repeated">The client key was sent before: this is the message it stored then, nothing new was sent.</param>
    public sealed record Sent(MessageView Message, bool Repeated);

    public static async Task<Outcome<Sent>> ExecuteAsync(EntregentDb db, NetworkGraph network, MessagingNotifier notifier, IOptions<MessagingOptions> options,
        TimeProvider time, long authorId, long id, Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(notifier);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new FieldErrors();
        var body = errors.Text("body", request.Body, Message.BodyMaxLength);
        if (body is null)
        {
            errors.Add("body", "This field is required.");
        }
        var clientKey = MessageDelivery.ClientKey(errors, request.ClientKey);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var participants = await db.ConversationParticipants.AsNoTracking().Where(p => p.ConversationId == id)
            .Select(p => new { p.MemberId, p.LeftAt }).ToListAsync(cancellationToken);
        var me = participants.Find(p => p.MemberId == authorId);
        if (me is null)
        {
            return Failure.NotFound("No such conversation among yours.");
        }
        if (await MessageDelivery.RepeatedAsync(db, authorId, clientKey, cancellationToken) is { } repeated)
        {
            return repeated.ConversationId == id
                ? new Sent(await ViewAsync(db, network, repeated, cancellationToken), Repeated: true)
                : Failure.Conflict("clientKey", "You already used this client key for a message in another conversation.");
        }
        if (me.LeftAt is not null)
        {
            return Failure.Forbidden("You left this conversation: you can read what came before, not write in it.");
        }
        var recipients = participants.Where(p => p.MemberId != authorId && p.LeftAt is null).Select(p => p.MemberId).ToList();
        if (recipients.Any(r => network.IsBlocked(authorId, r)))
        {
            return Failure.Forbidden("You cannot write here: you and a participant have blocked one another.");
        }
        var now = time.GetUtcNow();
        if (await MessageDelivery.RateLimitAsync(db, options.Value, now, authorId, opening: false, cancellationToken) is { } limited)
        {
            return limited;
        }
        var message = await MessageDelivery.SaveAsync(db, null, id, authorId, body!, clientKey, recipients, now, cancellationToken);
        if (message is null)
        {
            var first = await MessageDelivery.RepeatedAsync(db, authorId, clientKey, cancellationToken);
            return first is not null && first.ConversationId == id
                ? new Sent(await ViewAsync(db, network, first, cancellationToken), Repeated: true)
                : Failure.Conflict("clientKey", "You already used this client key for a message in another conversation.");
        }
        var view = await ViewAsync(db, network, message, cancellationToken);
        await notifier.MessageSentAsync(db, MessagePush.Of(id, message, view.Author), authorId, [authorId, .. recipients]);
        return new Sent(view, Repeated: false);
    }

    internal static async Task<MessageView> ViewAsync(EntregentDb db, NetworkGraph network, Message message, CancellationToken cancellationToken)
    {
        var card = (await MemberCards.LoadAsync(db, network, message.AuthorId, [message.AuthorId], cancellationToken))[message.AuthorId];
        return new MessageView(message.Id, card, message.Body, message.SentAt, Mine: true);
    }
}
