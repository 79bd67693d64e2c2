using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Posts;

/// <summary>One post as its page shows it, with its Markdown source (for editing), its version and what the viewer may do.</summary>
/// <param name="Version">Send it back with an edit: an edit based on an older version is refused.</param>
/// <param name="RemovalReason">Shown to the author of a removed post.</param>
/// <param name="CanModerate">The viewer manages the post's group: may approve (when pending) or remove it.</param>
public sealed record PostDetail(PostView Post, string Body, int Version, string? RemovalReason, int RevisionCount, bool CanEdit, bool CanModerate,
    bool CanComment);

public static class ViewPost
{
    /// <summary>The post, or 404 when it does not exist or the viewer may not read it (<see cref="PostAccess"/>).</summary>
    public static async Task<Outcome<PostDetail>> ExecuteAsync(EntregentDb db, NetworkGraph network, long viewerId, long postId,
        CancellationToken cancellationToken)
    {
        var viewer = await PostReading.ViewerAsync(db, network, viewerId, cancellationToken);
        var found = await PostReading.FindReadableAsync(db, viewer, postId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        var post = await db.Posts.AsNoTracking().Where(p => p.Id == postId)
            .Select(p => new { p.Body, p.Version, p.RemovalReason, Revisions = db.PostRevisions.Count(r => r.PostId == p.Id) })
            .FirstAsync(cancellationToken);
        var view = (await PostViews.ListAsync(db, network, viewerId, [postId], cancellationToken)).Single();
        var facts = found.Value!;
        var moderates = facts.Group is { } group && GroupAccess.CanModerate(group, viewer.Groups);
        return new PostDetail(view, post.Body, post.Version, post.RemovalReason, post.Revisions, view.IsMine, moderates,
            CanComment(facts, viewer));
    }

    /// <summary>
    /// Readers comment and react on published posts; in a group, only those who may post there (members, not the banned
    /// nor passers-by of a public group).
    /// </summary>
    public static bool CanComment(PostFound post, PostViewer viewer) =>
        post.Facts.State == PostState.Published
        && PostAccess.CanRead(post.Facts, post.Group, viewer)
        && (post.Group is not { } group || GroupAccess.CanPost(group, viewer.Groups));
}
