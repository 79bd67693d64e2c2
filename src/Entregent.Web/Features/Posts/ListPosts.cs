using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Posts;

/// <summary>
/// The lists of posts: a group's discussion, a member's activity, a hashtag's posts. Each is newest first and
/// cursor-paged, and holds only what the viewer may read (<see cref="PostReading.PageAsync"/>).
/// </summary>
public static class ListPosts
{
    /// <summary>A group's published posts; 404 unless the viewer may read them (<see cref="GroupAccess.CanReadPosts"/>).</summary>
    public static async Task<Outcome<PostPage>> GroupAsync(EntregentDb db, NetworkGraph network, long viewerId, string slug, string? before,
        CancellationToken cancellationToken)
    {
        var viewer = await PostReading.ViewerAsync(db, network, viewerId, cancellationToken);
        var group = await GroupLookup.FindAsync(db, viewer.Groups, slug, cancellationToken);
        if (!group.Succeeded || !GroupAccess.CanReadPosts(group.Value!.Facts, viewer.Groups))
        {
            return GroupLookup.NotFound(slug);
        }
        var groupId = group.Value!.Group.Id;
        return await PostReading.PageAsync(db, viewer, db.Posts.Where(p => p.GroupId == groupId && p.State == PostState.Published), before,
            cancellationToken);
    }

    /// <summary>A member's posts and articles that the viewer may read (all of them, pending and removed included, for the member).</summary>
    public static async Task<Outcome<PostPage>> MemberAsync(EntregentDb db, NetworkGraph network, long viewerId, string handle, string? before,
        CancellationToken cancellationToken)
    {
        var found = await VisibleMembers.FindAsync(db, network, viewerId, handle, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        var authorId = found.Value;
        var viewer = await PostReading.ViewerAsync(db, network, viewerId, cancellationToken);
        return await PostReading.PageAsync(db, viewer, db.Posts.Where(p => p.AuthorId == authorId), before, cancellationToken);
    }

    /// <summary>The posts carrying a hashtag (in any spelling) that the viewer may read.</summary>
    public static async Task<Outcome<PostPage>> HashtagAsync(EntregentDb db, NetworkGraph network, long viewerId, string tag, string? before,
        CancellationToken cancellationToken)
    {
        if (MarkdownRenderer.FoldHashtag(tag) is not { } folded)
        {
            return Failure.Invalid("tag", "A hashtag is letters, digits and underscores, with at least one letter.");
        }
        var viewer = await PostReading.ViewerAsync(db, network, viewerId, cancellationToken);
        return await PostReading.PageAsync(db, viewer,
            db.Posts.Where(p => p.State == PostState.Published && db.PostHashtags.Any(h => h.PostId == p.Id && h.Tag == folded)), before,
            cancellationToken);
    }
}
