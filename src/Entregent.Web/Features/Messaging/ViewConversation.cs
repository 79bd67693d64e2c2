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
    /// <param name="Participants">Everyone still in it, the viewer included (unless they left), as the viewer may see them: a blocked member is left out.</param>
    /// <param name="Folder">Where it is for the viewer; a request waits for them to accept or decline it.</param>
    /// <param name="Left">The viewer left (or declined) it: they read what came before, and cannot write.</param>
    /// <param name="CanWrite">The viewer may write here now: not left, and no block with anyone in it.</param>
    /// <param name="CanLeave">A group conversation the viewer is still in.</param>
    /// <param name="Viewer">The viewer's own card (their handle tells their messages apart in live updates).</param>
    public sealed record ConversationView(long Id, ConversationKind Kind, string? Subject, IReadOnlyList<MemberCard> Participants,
        long? IntroductionId, IReadOnlyList<MessageView> Messages, int Total, int PageNumber, int PageSize,
        ConversationFolder Folder = ConversationFolder.Inbox, bool Left = false, bool CanWrite = true, bool CanLeave = false, MemberCard? Viewer = null)
    {
        public int LastPage => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    /// <param name="page">1 is the oldest page; null is the last (newest) one.</param>
    public static async Task<Outcome<ConversationView>> ExecuteAsync(EntregentDb db, NetworkGraph network, TimeProvider time, long viewerId, long id,
        int? page, CancellationToken cancellationToken)
    {
        if (Paging.Check(page) is { } badPage)
        {
            return badPage;
        }
        var conversation = await db.Conversations.AsNoTracking().Where(c => c.Id == id && c.Participants.Any(p => p.MemberId == viewerId))
            .Select(c => new { c.Id, c.Kind, c.Subject })
            .FirstOrDefaultAsync(cancellationToken);
        if (conversation is null)
        {
            return Failure.NotFound("No such conversation among yours.");
        }
        var participants = await db.ConversationParticipants.AsNoTracking().Where(p => p.ConversationId == id)
            .Select(p => new { p.MemberId, p.Folder, p.LeftAt }).ToListAsync(cancellationToken);
        var me = participants.Single(p => p.MemberId == viewerId);
        var others = participants.Where(p => p.MemberId != viewerId && p.LeftAt == null).Select(p => p.MemberId).ToList();
        var present = participants.Where(p => p.LeftAt == null).Select(p => p.MemberId).ToList();
        var messages = db.Messages.AsNoTracking().Where(m => m.ConversationId == id);
        // A block either way hides that member's messages, old ones too, as it hides them everywhere else.
        var hidden = participants.Select(p => p.MemberId).Where(m => m != viewerId && network.IsBlocked(viewerId, m)).ToList();
        if (hidden.Count > 0)
        {
            messages = messages.Where(m => !hidden.Contains(m.AuthorId));
        }
        if (me.LeftAt is { } left)
        {
            // What came after the viewer left is not theirs to read.
            messages = messages.Where(m => m.SentAt <= left);
        }
        var total = await messages.CountAsync(cancellationToken);
        var number = page ?? Math.Max(1, (total + PageSize - 1) / PageSize);
        var rows = await messages.OrderBy(m => m.SentAt).ThenBy(m => m.Id).Skip((number - 1) * PageSize).Take(PageSize)
            .Select(m => new { m.Id, m.AuthorId, m.Body, m.SentAt }).ToListAsync(cancellationToken);
        var cards = await MemberCards.LoadAsync(db, network, viewerId, present.Append(viewerId).Concat(rows.Select(r => r.AuthorId)).ToList(), cancellationToken);
        var introductionId = await db.Introductions.AsNoTracking().Where(i => i.ConversationId == id).Select(i => (long?)i.Id).FirstOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow();
        await db.ConversationParticipants.Where(p => p.ConversationId == id && p.MemberId == viewerId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastReadAt, now), cancellationToken);
        var blocked = others.Any(o => network.IsBlocked(viewerId, o));
        return new ConversationView(conversation.Id, conversation.Kind, conversation.Subject,
            present.Where(o => cards.ContainsKey(o) && !network.IsBlocked(viewerId, o)).Select(o => cards[o]).ToList(), introductionId,
            rows.Where(r => cards.ContainsKey(r.AuthorId)).Select(r => new MessageView(r.Id, cards[r.AuthorId], r.Body, r.SentAt, r.AuthorId == viewerId)).ToList(),
            total, number, PageSize, me.Folder, Left: me.LeftAt is not null, CanWrite: me.LeftAt is null && !blocked,
            CanLeave: me.LeftAt is null && conversation.Kind != ConversationKind.Direct && participants.Count > 2, Viewer: cards.GetValueOrDefault(viewerId));
    }
}
