using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Messaging;

/// <summary>A message as shown in a thread; <paramref name="Body"/> is plain text, to be shown encoded.</summary>
public sealed record MessageView(long Id, MemberCard Author, string Body, DateTimeOffset SentAt, bool Mine);

/// <summary>
/// A conversation for one of its participants (anyone else: "not found"), messages oldest first, 50 a page.
/// Opening it marks it read for the viewer.
/// </summary>
public static class ViewConversation
{
    public const int PageSize = 50;

    /// <param name="IntroductionId">The introduction that opened it, if any.</param>
    public sealed record ConversationView(long Id, ConversationKind Kind, string? Subject, IReadOnlyList<MemberCard> Participants,
        long? IntroductionId, IReadOnlyList<MessageView> Messages, int Total, int PageNumber, int PageSize)
    {
        public int LastPage => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    /// <param name="page">1 is the oldest page; null is the last (newest) one.</param>
    public static async Task<Outcome<ConversationView>> ExecuteAsync(EntregentDb db, NetworkGraph network, TimeProvider time, long viewerId, long id,
        int? page, CancellationToken cancellationToken)
    {
        if (page < 1)
        {
            return Failure.Invalid("page", "Pages start at 1.");
        }
        var conversation = await db.Conversations.AsNoTracking().Where(c => c.Id == id && c.Participants.Any(p => p.MemberId == viewerId))
            .Select(c => new { c.Id, c.Kind, c.Subject, Participants = c.Participants.Select(p => p.MemberId).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (conversation is null)
        {
            return Failure.NotFound("No such conversation among yours.");
        }
        var messages = db.Messages.AsNoTracking().Where(m => m.ConversationId == id);
        var total = await messages.CountAsync(cancellationToken);
        var number = page ?? Math.Max(1, (total + PageSize - 1) / PageSize);
        var rows = await messages.OrderBy(m => m.SentAt).ThenBy(m => m.Id).Skip((number - 1) * PageSize).Take(PageSize)
            .Select(m => new { m.Id, m.AuthorId, m.Body, m.SentAt }).ToListAsync(cancellationToken);
        var cards = await MemberCards.LoadAsync(db, network, viewerId, conversation.Participants.Concat(rows.Select(r => r.AuthorId)).ToList(), cancellationToken);
        var introductionId = await db.Introductions.AsNoTracking().Where(i => i.ConversationId == id).Select(i => (long?)i.Id).FirstOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow();
        await db.ConversationParticipants.Where(p => p.ConversationId == id && p.MemberId == viewerId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastReadAt, now), cancellationToken);
        return new ConversationView(conversation.Id, conversation.Kind, conversation.Subject,
            conversation.Participants.Where(cards.ContainsKey).Select(p => cards[p]).ToList(), introductionId,
            rows.Where(r => cards.ContainsKey(r.AuthorId)).Select(r => new MessageView(r.Id, cards[r.AuthorId], r.Body, r.SentAt, r.AuthorId == viewerId)).ToList(),
            total, number, PageSize);
    }
}
