using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Messaging;

/// <summary>The newest message of a conversation, cut to a preview.</summary>
public sealed record MessagePreview(string AuthorHandle, string AuthorName, string Text, DateTimeOffset SentAt, bool Mine);

/// <summary>A conversation as a list shows it: who else is in it, the newest message and how many the viewer has not read.</summary>
public sealed record ConversationSummary(long Id, ConversationKind Kind, string? Subject, ConversationFolder Folder, IReadOnlyList<MemberCard> Participants,
    MessagePreview? LastMessage, int Unread, DateTimeOffset LastMessageAt);

/// <param name="Conversations">Inbox conversations with messages the member has not read.</param>
/// <param name="Requests">Conversations waiting in the requests folder.</param>
public sealed record UnreadCounts(int Conversations, int Requests);

/// <summary>
/// A member's conversations in one folder, newest activity first, 30 a page (cursor <c>before</c>). Conversations the
/// member left are in no folder; one whose every other participant is blocked with the member is hidden as well (a
/// block hides both members from each other everywhere).
/// </summary>
public static class ListConversations
{
    public const int PageSize = 30;
    public const int PreviewLength = 140;

    public sealed record Page(IReadOnlyList<ConversationSummary> Conversations, string? NextBefore);

    public static async Task<Outcome<Page>> ExecuteAsync(EntregentDb db, NetworkGraph network, long viewerId, string? folder, string? before,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ConversationFolder box;
        if (string.IsNullOrWhiteSpace(folder))
        {
            box = ConversationFolder.Inbox;
        }
        else if (!Enum.TryParse(folder.Trim(), ignoreCase: true, out box) || !Enum.IsDefined(box) || int.TryParse(folder, out _))
        {
            return Failure.Invalid("folder", "Choose inbox, requests or archived.");
        }
        DateTimeOffset? cursorAt = null;
        long cursorId = long.MaxValue;
        if (!string.IsNullOrWhiteSpace(before))
        {
            if (Paging.ParseCursor(before) is not { } position)
            {
                return Failure.Invalid("before", "Pass the nextBefore value of the previous page.");
            }
            (cursorAt, cursorId) = position;
        }

        var page = new List<(long Id, ConversationKind Kind, string? Subject, DateTimeOffset LastMessageAt, DateTimeOffset? LastReadAt, List<long> Others)>();
        var exhausted = false;
        while (page.Count <= PageSize && !exhausted)
        {
            var query = db.ConversationParticipants.AsNoTracking().Where(p => p.MemberId == viewerId && p.LeftAt == null && p.Folder == box)
                .Join(db.Conversations, p => p.ConversationId, c => c.Id, (p, c) => new { c.Id, c.Kind, c.Subject, c.LastMessageAt, p.LastReadAt });
            if (cursorAt is { } at)
            {
                var id = cursorId;
                query = query.Where(c => c.LastMessageAt < at || (c.LastMessageAt == at && c.Id < id));
            }
            var rows = await query.OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
            exhausted = rows.Count <= PageSize;
            if (rows.Count == 0)
            {
                break;
            }
            var ids = rows.Select(r => r.Id).ToList();
            var others = (await db.ConversationParticipants.AsNoTracking()
                    .Where(p => ids.Contains(p.ConversationId) && p.MemberId != viewerId && p.LeftAt == null)
                    .Select(p => new { p.ConversationId, p.MemberId }).ToListAsync(cancellationToken))
                .ToLookup(p => p.ConversationId, p => p.MemberId);
            foreach (var row in rows)
            {
                var list = others[row.Id].ToList();
                if (!HiddenByBlocks(network, viewerId, list))
                {
                    page.Add((row.Id, row.Kind, row.Subject, row.LastMessageAt, row.LastReadAt, list));
                }
            }
            var last = rows[^1];
            cursorAt = last.LastMessageAt;
            cursorId = last.Id;
        }
        // One row past the page says there is more; blocked conversations are skipped without ending the list early.
        string? next = null;
        if (page.Count > PageSize)
        {
            page.RemoveRange(PageSize, page.Count - PageSize);
            var last = page[^1];
            next = Paging.Cursor(last.LastMessageAt, last.Id);
        }
        var summaries = await SummariesAsync(db, network, viewerId, box, page, cancellationToken);
        return new Page(summaries, next);
    }

    /// <summary>Counts for the nav badge and the folder tabs: two queries, plus one over the conversations it counts to leave out blocked ones.</summary>
    public static async Task<UnreadCounts> UnreadAsync(EntregentDb db, NetworkGraph network, long memberId, CancellationToken cancellationToken) =>
        (await UnreadAsync(db, network, [memberId], cancellationToken))[memberId];

    /// <summary>The counts of several members at once (everyone a message reached), in the same two queries.</summary>
    public static async Task<IReadOnlyDictionary<long, UnreadCounts>> UnreadAsync(EntregentDb db, NetworkGraph network,
        IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var members = memberIds.Distinct().ToList();
        var waiting = await db.ConversationParticipants.AsNoTracking()
            .Where(p => members.Contains(p.MemberId) && p.LeftAt == null && (p.Folder == ConversationFolder.Requests
                || (p.Folder == ConversationFolder.Inbox && db.Messages.Any(m => m.ConversationId == p.ConversationId && m.AuthorId != p.MemberId
                    && (p.LastReadAt == null || m.SentAt > p.LastReadAt)
                    && !db.Blocks.Any(b => (b.BlockerId == p.MemberId && b.BlockedId == m.AuthorId) || (b.BlockerId == m.AuthorId && b.BlockedId == p.MemberId))))))
            .Select(p => new { p.MemberId, p.ConversationId, p.Folder }).ToListAsync(cancellationToken);
        var ids = waiting.Select(w => w.ConversationId).Distinct().ToList();
        var participants = ids.Count == 0
            ? Enumerable.Empty<(long ConversationId, long MemberId)>().ToLookup(p => p.ConversationId, p => p.MemberId)
            : (await db.ConversationParticipants.AsNoTracking().Where(p => ids.Contains(p.ConversationId) && p.LeftAt == null)
                .Select(p => new { p.ConversationId, p.MemberId }).ToListAsync(cancellationToken))
                .ToLookup(p => p.ConversationId, p => p.MemberId);
        var byMember = waiting.ToLookup(w => w.MemberId);
        return members.ToDictionary(member => member, member =>
        {
            var shown = byMember[member]
                .Where(w => !HiddenByBlocks(network, member, participants[w.ConversationId].Where(other => other != member).ToList())).ToList();
            return new UnreadCounts(shown.Count(w => w.Folder == ConversationFolder.Inbox), shown.Count(w => w.Folder == ConversationFolder.Requests));
        });
    }

    /// <summary>Whether a conversation disappears for the viewer: everyone else still in it is blocked with them.</summary>
    internal static bool HiddenByBlocks(NetworkGraph network, long viewerId, IReadOnlyList<long> others) =>
        others.Count > 0 && others.All(o => network.IsBlocked(viewerId, o));

    private static async Task<List<ConversationSummary>> SummariesAsync(EntregentDb db, NetworkGraph network, long viewerId, ConversationFolder box,
        List<(long Id, ConversationKind Kind, string? Subject, DateTimeOffset LastMessageAt, DateTimeOffset? LastReadAt, List<long> Others)> page,
        CancellationToken cancellationToken)
    {
        if (page.Count == 0)
        {
            return [];
        }
        var ids = page.Select(p => p.Id).ToList();
        // Messages by members blocked either way are neither previewed nor counted, as the conversation hides them.
        var blocked = Connections.Block.EitherWayWith(db, viewerId);
        var lastIds = await db.Messages.AsNoTracking().Where(m => ids.Contains(m.ConversationId) && !blocked.Contains(m.AuthorId))
            .GroupBy(m => m.ConversationId).Select(g => g.Max(m => m.Id)).ToListAsync(cancellationToken);
        var lasts = await db.Messages.AsNoTracking().Where(m => lastIds.Contains(m.Id))
            .Select(m => new { m.ConversationId, m.AuthorId, m.Body, m.SentAt }).ToDictionaryAsync(m => m.ConversationId, cancellationToken);
        // Unread per conversation: messages by others since the viewer last read it, counted in one grouped query.
        var unreadRows = await db.ConversationParticipants.AsNoTracking().Where(p => ids.Contains(p.ConversationId) && p.MemberId == viewerId)
            .Join(db.Messages, p => p.ConversationId, m => m.ConversationId, (p, m) => new { p.ConversationId, p.LastReadAt, m.AuthorId, m.SentAt })
            .Where(x => x.AuthorId != viewerId && !blocked.Contains(x.AuthorId) && (x.LastReadAt == null || x.SentAt > x.LastReadAt))
            .GroupBy(x => x.ConversationId).Select(g => new { ConversationId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.ConversationId, x => x.Count, cancellationToken);
        var people = page.SelectMany(p => p.Others).Concat(lasts.Values.Select(l => l.AuthorId)).Distinct().ToList();
        var cards = await MemberCards.LoadAsync(db, network, viewerId, people, cancellationToken);
        return page.Select(p =>
        {
            MessagePreview? preview = null;
            if (lasts.TryGetValue(p.Id, out var last))
            {
                var mine = last.AuthorId == viewerId;
                var author = cards.GetValueOrDefault(last.AuthorId);
                var text = last.Body.ReplaceLineEndings(" ");
                preview = new MessagePreview(author?.Handle ?? "", author?.DisplayName ?? "", text.Length > PreviewLength ? text[..PreviewLength] + "…" : text,
                    last.SentAt, mine);
            }
            var participants = p.Others.Where(o => cards.ContainsKey(o) && !network.IsBlocked(viewerId, o)).Select(o => cards[o]).ToList();
            return new ConversationSummary(p.Id, p.Kind, p.Subject, box, participants, preview, unreadRows.GetValueOrDefault(p.Id), p.LastMessageAt);
        }).ToList();
    }
}
