using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Messaging;

/// <summary>Writes in a conversation, as one of its participants; never across a block with another participant.</summary>
public static class SendMessage
{
    /// <param name="Body">Plain text, up to 4,000 characters; shown encoded, never as HTML.</param>
    public sealed record Request(string? Body);

    public static async Task<Outcome<MessageView>> ExecuteAsync(EntregentDb db, NetworkGraph network, TimeProvider time, long authorId, long id,
        Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var body = errors.Text("body", request.Body, Message.BodyMaxLength);
        if (body is null)
        {
            errors.Add("body", "This field is required.");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var participants = await db.ConversationParticipants.AsNoTracking().Where(p => p.ConversationId == id)
            .Select(p => p.MemberId).ToListAsync(cancellationToken);
        if (!participants.Contains(authorId))
        {
            return Failure.NotFound("No such conversation among yours.");
        }
        if (participants.Any(p => p != authorId && network.IsBlocked(authorId, p)))
        {
            return Failure.Forbidden("You cannot write here: you and a participant have blocked one another.");
        }
        var now = time.GetUtcNow();
        var message = new Message { ConversationId = id, AuthorId = authorId, Body = body!, SentAt = now };
        db.Messages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        await db.Conversations.Where(c => c.Id == id && c.LastMessageAt < now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastMessageAt, now), cancellationToken);
        // Writing is reading: the author has seen everything up to their own message.
        await db.ConversationParticipants.Where(p => p.ConversationId == id && p.MemberId == authorId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastReadAt, now), cancellationToken);
        var card = (await MemberCards.LoadAsync(db, network, authorId, [authorId], cancellationToken))[authorId];
        return new MessageView(message.Id, card, message.Body, message.SentAt, Mine: true);
    }
}
