using Entregent.Web.Features.Posts;

namespace Entregent.Web.Tests.Infrastructure;

/// <summary>
/// Posts written straight in the store, for tests of other features that only need "this member posted that" (the feed,
/// watches, notifications) and for large set-ups. The posts feature's own tests go through its API.
/// </summary>
public static partial class MemberActions
{
    /// <summary>Writes a published post by <paramref name="author"/> at the app's current time and returns its id.</summary>
    public static async Task<long> CreatePostInStoreAsync(this EntregentFactory app, Member author, string body,
        PostAudience audience = PostAudience.Public, string? groupSlug = null, PostState state = PostState.Published,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(author);
        var authorId = await app.MemberIdAsync(author, cancellationToken);
        var now = app.Time.GetUtcNow();
        return await app.InStoreAsync(async db =>
        {
            long? groupId = groupSlug is null ? null : db.Groups.Single(g => g.Slug == groupSlug).Id;
            var post = new Post
            {
                AuthorId = authorId,
                Kind = PostKind.Post,
                Audience = groupId is null ? audience : PostAudience.Group,
                GroupId = groupId,
                State = state,
                Body = body,
                BodyHtml = "<p>" + System.Net.WebUtility.HtmlEncode(body) + "</p>",
                CreatedAt = now,
            };
            db.Posts.Add(post);
            await db.SaveChangesAsync(cancellationToken);
            return post.Id;
        });
    }
}
