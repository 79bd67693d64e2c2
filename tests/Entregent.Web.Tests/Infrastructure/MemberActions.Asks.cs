using System.Net.Http.Json;
using System.Text.Json;

namespace Entregent.Web.Tests.Infrastructure;

/// <summary>What a member does with asks: ask, ask a connection, answer a request.</summary>
public static partial class MemberActions
{
    /// <summary><c>POST /api/v1/asks</c> as it is, for tests of refusals.</summary>
    public static Task<HttpResponseMessage> PostAskAsync(this Member member, string? text, IReadOnlyList<string>? skills = null, string? location = null,
        string? organization = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Client.PostAsJsonAsync(new Uri("/api/v1/asks", UriKind.Relative), new { text, skills, location, organization }, cancellationToken);
    }

    /// <summary>Creates an ask; the owner's view (ask {id…}, groups[], requests[]).</summary>
    public static async Task<JsonElement> AskAsync(this Member member, string text, IReadOnlyList<string>? skills = null, string? location = null,
        string? organization = null, CancellationToken cancellationToken = default)
    {
        using var response = await member.PostAskAsync(text, skills, location, organization, cancellationToken);
        await EnsureSuccessAsync(response, "ask", cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    /// <summary><c>POST /api/v1/asks/{id}/requests</c> as it is.</summary>
    public static Task<HttpResponseMessage> PostAskRequestAsync(this Member owner, long askId, string? connection, string? note = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return owner.Client.PostAsJsonAsync(new Uri($"/api/v1/asks/{askId}/requests", UriKind.Relative), new { connection, note }, cancellationToken);
    }

    /// <summary>Sends a request to <paramref name="connection"/>; the request as the owner sees it (id, connection, status…).</summary>
    public static async Task<JsonElement> AskConnectionAsync(this Member owner, long askId, Member connection, string? note = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var response = await owner.PostAskRequestAsync(askId, connection.Handle, note, cancellationToken);
        await EnsureSuccessAsync(response, $"ask {connection.Handle}", cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    /// <summary><c>POST /api/v1/ask-requests/{id}/{answer}</c> (forward, suggest, decline) as it is.</summary>
    public static Task<HttpResponseMessage> AnswerAskRequestAsync(this Member member, long requestId, string answer, object body,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Client.PostAsJsonAsync(new Uri($"/api/v1/ask-requests/{requestId}/{answer}", UriKind.Relative), body, cancellationToken);
    }
}
