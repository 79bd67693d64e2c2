using System.Net.Http.Json;
using System.Text.Json;

namespace Entregent.Web.Tests.Infrastructure;

/// <summary>What a member does with messages: write to members, list folders, read, accept, archive, leave.</summary>
public static partial class MemberActions
{
    /// <summary><c>POST /api/v1/conversations</c> as it is: the raw answer, for tests of refusals.</summary>
    public static Task<HttpResponseMessage> SendOpenConversationAsync(this Member from, IEnumerable<string?> handles, string? body, string? subject = null,
        string? clientKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        return from.Client.PostAsJsonAsync(new Uri("/api/v1/conversations", UriKind.Relative), new { handles, subject, body, clientKey }, cancellationToken);
    }

    /// <summary>Writes <paramref name="body"/> to <paramref name="to"/> (one: their direct conversation; several: a new group one); the conversation id.</summary>
    public static async Task<long> WriteToAsync(this Member from, IEnumerable<Member> to, string body = "Hello!", string? subject = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(to);
        var handles = to.Select(m => m.Handle).ToList();
        using var response = await from.SendOpenConversationAsync(handles, body, subject, cancellationToken: cancellationToken);
        await EnsureSuccessAsync(response, $"write to {string.Join(", ", handles)}", cancellationToken);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).Id();
    }

    /// <summary>Writes in a conversation; the message.</summary>
    public static async Task<JsonElement> ReplyAsync(this Member member, long conversationId, string body, CancellationToken cancellationToken = default)
    {
        using var response = await member.SendMessageAsync(conversationId, body, cancellationToken);
        await EnsureSuccessAsync(response, $"write in conversation {conversationId}", cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    /// <summary><c>GET /api/v1/conversations?folder=</c>: the conversations of the first page.</summary>
    public static async Task<IReadOnlyList<JsonElement>> ConversationsAsync(this Member member, string folder = "inbox", CancellationToken cancellationToken = default)
    {
        var page = await member.GetJsonAsync($"/api/v1/conversations?folder={folder}", cancellationToken);
        return [.. page.GetProperty("conversations").EnumerateArray()];
    }

    /// <summary>The ids of <see cref="ConversationsAsync"/>.</summary>
    public static async Task<IReadOnlyList<long>> ConversationIdsAsync(this Member member, string folder = "inbox", CancellationToken cancellationToken = default) =>
        [.. (await member.ConversationsAsync(folder, cancellationToken)).Select(c => c.Id())];

    /// <summary><c>GET /api/v1/me/unread</c>: (inbox conversations with unread messages, requests waiting).</summary>
    public static async Task<(int Conversations, int Requests)> UnreadAsync(this Member member, CancellationToken cancellationToken = default)
    {
        var counts = await member.GetJsonAsync("/api/v1/me/unread", cancellationToken);
        return (counts.GetProperty("conversations").GetInt32(), counts.GetProperty("requests").GetInt32());
    }

    /// <summary><c>POST /api/v1/conversations/{id}/{action}</c> (read, accept, decline, archive, unarchive, leave) as it is.</summary>
    public static Task<HttpResponseMessage> ConversationActionAsync(this Member member, long conversationId, string action,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Client.PostAsync(new Uri($"/api/v1/conversations/{conversationId}/{action}", UriKind.Relative), null, cancellationToken);
    }

    /// <summary><see cref="ConversationActionAsync"/>, checked.</summary>
    public static async Task DoConversationActionAsync(this Member member, long conversationId, string action, CancellationToken cancellationToken = default)
    {
        using var response = await member.ConversationActionAsync(conversationId, action, cancellationToken);
        await EnsureSuccessAsync(response, $"{action} conversation {conversationId}", cancellationToken);
    }
}
