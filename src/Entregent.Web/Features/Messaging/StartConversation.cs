using Entregent.Web.Data;

namespace Entregent.Web.Features.Messaging;

/// <summary>
/// Opens a conversation between a fixed set of members, seeded with messages already written elsewhere (an
/// introduction's request and notes). The caller owns the transaction: the conversation is saved here so that the
/// messages can refer to it.
/// </summary>
public static class StartConversation
{
    public static async Task<Conversation> ExecuteAsync(EntregentDb db, ConversationKind kind, string? subject, IReadOnlyCollection<long> participants,
        IEnumerable<(long Author, string Body, DateTimeOffset At)> seed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(seed);
        var messages = seed.ToList();
        var conversation = new Conversation
        {
            Kind = kind,
            Subject = subject is { Length: > Conversation.SubjectMaxLength } ? subject[..Conversation.SubjectMaxLength] : subject,
            CreatedAt = now,
            LastMessageAt = messages.Count == 0 ? now : messages.Max(m => m.At),
            Participants = participants.Distinct().Select(id => new ConversationParticipant { MemberId = id, JoinedAt = now }).ToList(),
        };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync(cancellationToken);
        db.Messages.AddRange(messages.Select(m => new Message { ConversationId = conversation.Id, AuthorId = m.Author, Body = m.Body, SentAt = m.At }));
        await db.SaveChangesAsync(cancellationToken);
        return conversation;
    }
}
