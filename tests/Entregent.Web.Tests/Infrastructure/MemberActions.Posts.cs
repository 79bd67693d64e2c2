using System.Net.Http.Json;
using System.Text.Json;

namespace Entregent.Web.Tests.Infrastructure;

/// <summary>What a member does with posts: write, read, edit, comment, react, follow a hashtag.</summary>
public static partial class MemberActions
{
    /// <summary><c>POST /api/v1/posts</c> as it is.</summary>
    public static Task<HttpResponseMessage> SendPostAsync(this Member author, string? body, string? audience = null, string? groupSlug = null,
        string? kind = null, string? title = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(author);
        return author.Client.PostAsJsonAsync(new Uri("/api/v1/posts", UriKind.Relative), new { kind, audience, groupSlug, title, body }, cancellationToken);
    }

    /// <summary>Writes a post (public, connections, or in <paramref name="groupSlug"/>); its id.</summary>
    public static async Task<long> PostAsync(this Member author, string body, string audience = "public", string? groupSlug = null,
        CancellationToken cancellationToken = default)
    {
        using var response = await author.SendPostAsync(body, groupSlug is null ? audience : "group", groupSlug, cancellationToken: cancellationToken);
        return (await response.ReadJsonAsync(cancellationToken)).GetProperty("post").GetProperty("id").GetInt64();
    }

    /// <summary>Writes an article; its id.</summary>
    public static async Task<long> ArticleAsync(this Member author, string title, string body, string audience = "public",
        CancellationToken cancellationToken = default)
    {
        using var response = await author.SendPostAsync(body, audience, kind: "article", title: title, cancellationToken: cancellationToken);
        return (await response.ReadJsonAsync(cancellationToken)).GetProperty("post").GetProperty("id").GetInt64();
    }

    /// <summary><c>GET</c> a path as the member, as it is.</summary>
    public static Task<HttpResponseMessage> GetAsync(this Member member, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
    }

    /// <summary><c>GET /api/v1/posts/{id}</c>: the post detail (post, body, version…).</summary>
    public static Task<JsonElement> ReadPostAsync(this Member member, long postId, CancellationToken cancellationToken = default) =>
        member.GetJsonAsync($"/api/v1/posts/{postId}", cancellationToken);

    /// <summary><c>POST /api/v1/posts/{id}/comments</c> as it is.</summary>
    public static Task<HttpResponseMessage> SendCommentAsync(this Member member, long postId, string? body, long? replyTo = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Client.PostAsJsonAsync(new Uri($"/api/v1/posts/{postId}/comments", UriKind.Relative), new { body, replyTo }, cancellationToken);
    }

    /// <summary>Comments on a post (or replies to <paramref name="replyTo"/>); the comment's id.</summary>
    public static async Task<long> CommentAsync(this Member member, long postId, string body, long? replyTo = null, CancellationToken cancellationToken = default)
    {
        using var response = await member.SendCommentAsync(postId, body, replyTo, cancellationToken);
        return (await response.ReadJsonAsync(cancellationToken)).GetProperty("id").GetInt64();
    }

    /// <summary><c>PUT /api/v1/posts/{id}/reaction</c> (or a comment's) as it is.</summary>
    public static Task<HttpResponseMessage> SendReactionAsync(this Member member, long postId, string? kind = "like", long? commentId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        var path = commentId is { } id ? $"/api/v1/posts/{postId}/comments/{id}/reaction" : $"/api/v1/posts/{postId}/reaction";
        return member.Client.PutAsJsonAsync(new Uri(path, UriKind.Relative), new { kind }, cancellationToken);
    }

    /// <summary>Reacts to a post (or a comment of it).</summary>
    public static async Task ReactAsync(this Member member, long postId, string kind = "like", long? commentId = null, CancellationToken cancellationToken = default)
    {
        using var response = await member.SendReactionAsync(postId, kind, commentId, cancellationToken);
        await EnsureSuccessAsync(response, $"react to post {postId}", cancellationToken);
    }
}
