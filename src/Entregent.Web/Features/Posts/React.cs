using Entregent.Web.Data;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Posts;

/// <summary>One member who reacted, and how.</summary>
public sealed record ReactorView(MemberCard Member, ReactionKind Kind);

/// <summary>Who reacted to a post or a comment, as the viewer may see them (blocked and out-of-reach members never listed).</summary>
public sealed record ReactionsView(int Total, IReadOnlyDictionary<ReactionKind, int> ByKind, IReadOnlyList<ReactorView> Reactors);

/// <summary>
/// React to a post or a comment (one reaction per member and target: a new one replaces the old), take it back, and
/// see who reacted. Counts move by exactly what each transaction inserted or deleted, so they stay exact under races.
/// </summary>
public static class React
{
    /// <summary>The list of reactors holds at most this many members (the counts cover them all).</summary>
    public const int MaxListed = 500;

    public sealed record Request(ReactionKind? Kind);

    public static async Task<Outcome<ReactionKind>> SetAsync(EntregentDb db, NetworkGraph network, TimeProvider time, long memberId, long postId,
        long? commentId, Request request, CancellationToken cancellationToken)
    {
        var target = await TargetAsync(db, network, memberId, postId, commentId, cancellationToken);
        if (!target.Succeeded)
        {
            return target.Failure!;
        }
        if (request.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            return Failure.Invalid("kind", "Use like, celebrate, support, insightful or curious.");
        }
        var (post, targetAuthorId, viewer) = target.Value;
        if (!ViewPost.CanComment(post, viewer))
        {
            return Failure.Forbidden("Only the group's members react to its posts, once published.");
        }
        var existing = await db.Reactions.FirstOrDefaultAsync(r => r.MemberId == memberId && r.PostId == postId && r.CommentId == commentId,
            cancellationToken);
        if (existing is not null)
        {
            existing.Kind = kind;
            await db.SaveChangesAsync(cancellationToken);
            return kind;
        }
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Reactions.Add(new Reaction { PostId = postId, CommentId = commentId, MemberId = memberId, Kind = kind, CreatedAt = time.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
            await AdjustCountAsync(db, postId, commentId, +1, cancellationToken);
            var (text, url, key) = commentId is { } id
                ? ("reacted to your comment", $"/posts/{postId}#comment-{id}", $"reaction:comment:{id}:{memberId}")
                : ("reacted to your post", $"/posts/{postId}", $"reaction:post:{postId}:{memberId}");
            await Notify.AddAsync(db, time, targetAuthorId, NotificationKind.Reaction, memberId, text, url, key, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same member reacting twice at once: the unique index let one insert through; this one replaces its kind.
            db.ChangeTracker.Clear();
            await db.Reactions.Where(r => r.MemberId == memberId && r.PostId == postId && r.CommentId == commentId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Kind, kind), cancellationToken);
        }
        return kind;
    }

    public static async Task<Outcome<bool>> RemoveAsync(EntregentDb db, NetworkGraph network, long memberId, long postId, long? commentId,
        CancellationToken cancellationToken)
    {
        var target = await TargetAsync(db, network, memberId, postId, commentId, cancellationToken);
        if (!target.Succeeded)
        {
            return target.Failure!;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.Reactions.Where(r => r.MemberId == memberId && r.PostId == postId && r.CommentId == commentId)
            .ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            await AdjustCountAsync(db, postId, commentId, -removed, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public static async Task<Outcome<ReactionsView>> ListAsync(EntregentDb db, NetworkGraph network, long viewerId, long postId, long? commentId,
        CancellationToken cancellationToken)
    {
        var target = await TargetAsync(db, network, viewerId, postId, commentId, cancellationToken);
        if (!target.Succeeded)
        {
            return target.Failure!;
        }
        var rows = await db.Reactions.AsNoTracking().Where(r => r.PostId == postId && r.CommentId == commentId)
            .Join(db.Profiles, r => r.MemberId, p => p.MemberId, (r, p) => new { r.MemberId, r.Kind, r.CreatedAt, p.Reach })
            .OrderByDescending(r => r.CreatedAt).ToListAsync(cancellationToken);
        var visible = rows.Where(r => ViewProfile.MayOpen(network, viewerId, r.MemberId, r.Reach)).ToList();
        var listed = visible.Take(MaxListed).ToList();
        var cards = await MemberCards.LoadAsync(db, network, viewerId, listed.Select(r => r.MemberId).ToList(), cancellationToken);
        return new ReactionsView(visible.Count,
            visible.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count()),
            listed.Where(r => cards.ContainsKey(r.MemberId)).Select(r => new ReactorView(cards[r.MemberId], r.Kind)).ToList());
    }

    /// <summary>The post (and comment) reacted to, when the viewer may read it: 404 otherwise.</summary>
    /// <summary>The post (and comment's author, or the post's) the viewer may react to, with the viewer's standing loaded once.</summary>
    private static async Task<Outcome<(PostFound Post, long AuthorId, PostViewer Viewer)>> TargetAsync(EntregentDb db, NetworkGraph network, long viewerId, long postId,
        long? commentId, CancellationToken cancellationToken)
    {
        var viewer = await PostReading.ViewerAsync(db, network, viewerId, cancellationToken);
        var found = await PostReading.FindReadableAsync(db, viewer, postId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        if (commentId is not { } id)
        {
            return (found.Value!, found.Value!.Facts.AuthorId, viewer);
        }
        var author = await db.Comments.AsNoTracking().Where(c => c.Id == id && c.PostId == postId).Select(c => (long?)c.AuthorId)
            .FirstOrDefaultAsync(cancellationToken);
        if (author is null || !await Comments.MayOpenAsync(db, network, viewerId, author.Value, cancellationToken))
        {
            return Failure.NotFound("No comment of this post has this id.");
        }
        return (found.Value!, author.Value, viewer);
    }

    // Counts are not indexed: the bulk update needs no change-feed row.
    private static Task<int> AdjustCountAsync(EntregentDb db, long postId, long? commentId, int delta, CancellationToken cancellationToken) =>
        commentId is { } id
            ? db.Comments.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ReactionCount, c => c.ReactionCount + delta), cancellationToken)
            : db.Posts.Where(p => p.Id == postId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ReactionCount, p => p.ReactionCount + delta), cancellationToken);
}
