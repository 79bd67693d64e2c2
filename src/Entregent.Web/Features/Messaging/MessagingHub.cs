using Entregent.Web.Data;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Entregent.Web.Features.Messaging;

/// <summary>
/// Live delivery to browsers and API clients (<c>/hubs/messaging</c>). Clients only listen: they send through the API,
/// which checks, rate-limits and stores, then pushes here. The hub keeps no state of its own: it addresses members by
/// user id (the member-id claim, SignalR's default user id), which a backplane (Redis) can carry to every node later.
/// </summary>
/// <remarks>
/// Events: <c>message</c> (<see cref="MessagePush"/>) to every participant who may read the conversation, the author's
/// other tabs included; <c>unread</c> (<see cref="UnreadCounts"/>) to a member whose counts changed.
/// </remarks>
[Authorize]
public sealed class MessagingHub : Hub
{
    public const string Path = "/hubs/messaging";

    /// <summary>The bearer token an API client passes as <c>access_token</c> in the query, on the hub's path only (elsewhere a URL is too easily logged).</summary>
    public static string? QueryToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments(Path) && request.Query["access_token"] is [{ Length: > 0 } token] ? token : null;
    }
}

/// <summary>A new message, as pushed to a participant: enough to show it without a round trip.</summary>
public sealed record MessagePush(long ConversationId, long Id, string AuthorHandle, string AuthorName, string Body, DateTimeOffset SentAt)
{
    public static MessagePush Of(long conversationId, Message message, MemberCard author)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(author);
        return new(conversationId, message.Id, author.Handle, author.DisplayName, message.Body, message.SentAt);
    }
}

/// <summary>Pushes what happened in a conversation to those who may see it. Called after the change is committed.</summary>
public sealed class MessagingNotifier(IHubContext<MessagingHub> hub, NetworkGraph network, ILogger<MessagingNotifier> logger)
{
    /// <summary>
    /// Sends <paramref name="push"/> to <paramref name="readers"/> (the caller names only participants who have not left
    /// and are not blocked with the author), then each reader but the author their new unread counts.
    /// </summary>
    public async Task MessageSentAsync(EntregentDb db, MessagePush push, long authorId, IReadOnlyCollection<long> readers)
    {
        ArgumentNullException.ThrowIfNull(push);
        ArgumentNullException.ThrowIfNull(readers);
        try
        {
            var users = readers.Select(UserId).ToList();
            await hub.Clients.Users(users).SendAsync("message", push, CancellationToken.None);
            await UnreadChangedAsync(db, [.. readers.Where(r => r != authorId)]);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The message is stored: a failed push only means the page shows it on its next refresh.
            logger.LogWarning(exception, "Pushing message {MessageId} live failed.", push.Id);
        }
    }

    /// <summary>
    /// Sends members their current unread counts (after they read, accept, archive or leave, or received), counted for
    /// all of them at once.
    /// </summary>
    public async Task UnreadChangedAsync(EntregentDb db, params IReadOnlyCollection<long> memberIds)
    {
        try
        {
            foreach (var (memberId, counts) in await ListConversations.UnreadAsync(db, network, memberIds, CancellationToken.None))
            {
                await hub.Clients.User(UserId(memberId)).SendAsync("unread", counts, CancellationToken.None);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Pushing the unread counts of members {MemberIds} failed.", string.Join(", ", memberIds));
        }
    }

    private static string UserId(long memberId) => memberId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
