using Entregent.Web.Features.Posts;

namespace Entregent.Web.Tests.Infrastructure;

/// <summary>
/// Posts written straight in the store, for tests of other features that only need "this member posted that" (the feed,
/// watches, notifications) and for large set-ups. The posts feature's own tests go through its API.
/// </summary>
public static partial class MemberActions
{
    /// <summary>
    /// Writes a published post by <paramref name="author"/> at the app's current time and returns its id (by member and
    /// group slug; <see cref="CreateFeedPostInStoreAsync"/> takes ids, hashtags and dates).
    /// </summary>
    public static async Task<long> CreatePostInStoreAsync(this EntregentFactory app, Member author, string body,
        PostAudience audience = PostAudience.Public, string? groupSlug = null, PostState state = PostState.Published,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(author);
        var authorId = await app.MemberIdAsync(author, cancellationToken);
        long? groupId = groupSlug is null ? null : await app.GroupIdAsync(groupSlug);
        return await app.CreateFeedPostInStoreAsync(authorId, body, audience, groupId, state: state);
    }
}
