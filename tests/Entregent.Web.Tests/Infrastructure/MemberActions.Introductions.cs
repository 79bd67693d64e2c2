using System.Net.Http.Json;
using System.Text.Json;

namespace Entregent.Web.Tests.Infrastructure;

/// <summary>What a member does with introductions and the conversations they open.</summary>
public static partial class MemberActions
{
    /// <summary><c>POST /api/v1/introductions</c> as it is: the raw answer, for tests of refusals.</summary>
    public static Task<HttpResponseMessage> SendIntroductionRequestAsync(this Member from, string? to, string? through, string? message,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        return from.Client.PostAsJsonAsync(new Uri("/api/v1/introductions", UriKind.Relative), new { to, through, message }, cancellationToken);
    }

    /// <summary>Asks <paramref name="through"/> to introduce <paramref name="from"/> to <paramref name="to"/>; the introduction.</summary>
    public static async Task<JsonElement> RequestIntroductionAsync(this Member from, Member to, Member through, string message = "I would like to meet you.",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(through);
        using var response = await from.SendIntroductionRequestAsync(to.Handle, through.Handle, message, cancellationToken);
        await EnsureSuccessAsync(response, $"ask {through.Handle} for an introduction to {to.Handle}", cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    /// <summary><c>POST /api/v1/introductions/{id}/{action}</c> (forward, decline, accept) as it is, with an optional note.</summary>
    public static Task<HttpResponseMessage> AnswerIntroductionAsync(this Member member, long id, string action, string? note = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Client.PostAsJsonAsync(new Uri($"/api/v1/introductions/{id}/{action}", UriKind.Relative), new { note }, cancellationToken);
    }

    /// <summary>Forwards (as the intermediary whose turn it is) with <paramref name="note"/>; the introduction.</summary>
    public static Task<JsonElement> ForwardIntroductionAsync(this Member member, long id, string? note = null, CancellationToken cancellationToken = default) =>
        member.AnsweredAsync(id, "forward", note, cancellationToken);

    /// <summary>Declines (intermediary or target); the introduction.</summary>
    public static Task<JsonElement> DeclineIntroductionAsync(this Member member, long id, string? note = null, CancellationToken cancellationToken = default) =>
        member.AnsweredAsync(id, "decline", note, cancellationToken);

    /// <summary>Accepts (as the target); the introduction, with its conversationId.</summary>
    public static Task<JsonElement> AcceptIntroductionAsync(this Member member, long id, CancellationToken cancellationToken = default) =>
        member.AnsweredAsync(id, "accept", null, cancellationToken);

    /// <summary><c>POST /api/v1/conversations/{id}/messages</c> as it is.</summary>
    public static Task<HttpResponseMessage> SendMessageAsync(this Member member, long conversationId, string? body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Client.PostAsJsonAsync(new Uri($"/api/v1/conversations/{conversationId}/messages", UriKind.Relative), new { body }, cancellationToken);
    }

    /// <summary>The id of an introduction or conversation answer.</summary>
    public static long Id(this JsonElement element) => element.GetProperty("id").GetInt64();

    private static async Task<JsonElement> AnsweredAsync(this Member member, long id, string action, string? note, CancellationToken cancellationToken)
    {
        using var response = await member.AnswerIntroductionAsync(id, action, note, cancellationToken);
        await EnsureSuccessAsync(response, $"{action} introduction {id}", cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }
}
