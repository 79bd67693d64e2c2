using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Messaging;

/// <summary>
/// What every sent message does, whichever route sent it: the rate limit before, then in one transaction the message,
/// the conversation's activity, the folders it moves, and the per-direction tallies (<see cref="Correspondence"/>).
/// </summary>
internal static class MessageDelivery
{
    public const int ClientKeyMaxLength = 64;

    /// <summary>The sender's own key, checked; null when none was given.</summary>
    public static string? ClientKey(FieldErrors errors, string? value)
    {
        var key = value?.Trim();
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }
        if (key.Length > ClientKeyMaxLength || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            errors.Add("clientKey", $"At most {ClientKeyMaxLength} letters, digits, '-', '_', '.' or ':'.");
        }
        return key;
    }

    /// <summary>The message the author already sent with <paramref name="clientKey"/>, if any.</summary>
    public static Task<Message?> RepeatedAsync(EntregentDb db, long authorId, string? clientKey, CancellationToken cancellationToken) =>
        clientKey is null
            ? Task.FromResult<Message?>(null)
            : db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.AuthorId == authorId && m.ClientKey == clientKey, cancellationToken);

    /// <summary>A 429 when the author has sent their hourly allowance (or, opening one, their daily allowance of conversations).</summary>
    public static async Task<Failure?> RateLimitAsync(EntregentDb db, MessagingOptions options, DateTimeOffset now, long authorId, bool opening,
        CancellationToken cancellationToken)
    {
        var hourAgo = now.AddHours(-1);
        var lastHour = await db.Messages.AsNoTracking().Where(m => m.AuthorId == authorId && m.SentAt > hourAgo)
            .OrderByDescending(m => m.SentAt).Select(m => m.SentAt).Take(options.MessagesPerHour).ToListAsync(cancellationToken);
        if (lastHour.Count >= options.MessagesPerHour)
        {
            var from = lastHour[^1].AddHours(1);
            return Failure.TooManyRequests(
                $"You can send {options.MessagesPerHour} messages an hour; you can send more from {from:HH:mm} UTC.", from - now);
        }
        if (opening)
        {
            // A conversation the author opened is one whose first message is theirs (introductions open their own).
            var dayAgo = now.AddDays(-1);
            var opened = await db.Messages.AsNoTracking()
                .Where(m => m.AuthorId == authorId && m.SentAt > dayAgo
                    && !db.Messages.Any(o => o.ConversationId == m.ConversationId && o.Id < m.Id)
                    && db.Conversations.Any(c => c.Id == m.ConversationId && c.Kind != ConversationKind.Introduction))
                .OrderByDescending(m => m.SentAt).Select(m => m.SentAt).Take(options.ConversationsPerDay).ToListAsync(cancellationToken);
            if (opened.Count >= options.ConversationsPerDay)
            {
                var from = opened[^1].AddDays(1);
                return Failure.TooManyRequests(
                    $"You can start {options.ConversationsPerDay} conversations a day; you can start more from {from:yyyy-MM-dd HH:mm} UTC.", from - now);
            }
        }
        return null;
    }

    /// <summary>
    /// Stores the message and its effects, in one transaction: its own, or the caller's when it holds one (the caller
    /// then commits, or rolls back when this returns null). The caller has checked who may write. Returns null when
    /// another request stored the same client key first (the caller answers with that one).
    /// </summary>
    /// <param name="recipients">The participants who have not left, the author excepted.</param>
    public static async Task<Message?> SaveAsync(EntregentDb db, Conversation? opening, long conversationId, long authorId, string body,
        string? clientKey, IReadOnlyCollection<long> recipients, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
                if (opening is not null)
                {
                    db.Conversations.Add(opening);
                    await db.SaveChangesAsync(cancellationToken);
                    conversationId = opening.Id;
                }
                var message = new Message { ConversationId = conversationId, AuthorId = authorId, Body = body, SentAt = now, ClientKey = clientKey };
                db.Messages.Add(message);
                await db.SaveChangesAsync(cancellationToken);
                await db.Conversations.Where(c => c.Id == conversationId && c.LastMessageAt < now)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastMessageAt, now), cancellationToken);
                // Writing is reading, and replying to a request accepts it; writing in an archived conversation brings it back.
                await db.ConversationParticipants.Where(p => p.ConversationId == conversationId && p.MemberId == authorId)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastReadAt, now).SetProperty(p => p.Folder, ConversationFolder.Inbox), cancellationToken);
                // A new message brings an archived conversation back to the inbox; a request stays a request until accepted.
                await db.ConversationParticipants
                    .Where(p => p.ConversationId == conversationId && p.MemberId != authorId && p.LeftAt == null && p.Folder == ConversationFolder.Archived)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Folder, ConversationFolder.Inbox), cancellationToken);
                await CountAsync(db, authorId, recipients, now, cancellationToken);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }
                return message;
            });
        }
        catch (DbUpdateException) when (clientKey is not null)
        {
            // The unique (author, client key) index: the same send arrived twice at once, and the other one won.
            db.ChangeTracker.Clear();
            return null;
        }
    }

    /// <summary>
    /// One more message from the author to each recipient, as an upsert: two first messages racing must both count, and
    /// neither may fail on the other's insert. The same statement on SQLite (3.24+) and PostgreSQL.
    /// </summary>
    private static async Task CountAsync(EntregentDb db, long authorId, IReadOnlyCollection<long> recipients, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // SQLite keeps instants as Unix milliseconds (EntregentDb.ConfigureConventions); raw SQL must write them the same way.
        object at = db.Database.IsSqlite() ? now.ToUnixTimeMilliseconds() : now;
        foreach (var to in recipients)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO correspondence ("FromId", "ToId", "MessageCount", "LastMessageAt") VALUES ({authorId}, {to}, 1, {at})
                ON CONFLICT ("FromId", "ToId") DO UPDATE SET "MessageCount" = correspondence."MessageCount" + 1, "LastMessageAt" = excluded."LastMessageAt"
                """, cancellationToken);
        }
    }
}
