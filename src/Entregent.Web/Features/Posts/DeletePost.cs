using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Posts;

/// <summary>The author deletes a post: it goes for good, with its comments, reactions, revisions, hashtags and mentions.</summary>
public static class DeletePost
{
    public static async Task<Outcome<bool>> ExecuteAsync(EntregentDb db, NetworkGraph network, long memberId, long postId, CancellationToken cancellationToken)
    {
        var viewer = await PostReading.ViewerAsync(db, network, memberId, cancellationToken);
        var found = await PostReading.FindReadableAsync(db, viewer, postId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        if (found.Value!.Facts.AuthorId != memberId)
        {
            return Failure.Forbidden("Only its author deletes a post; a group's managers remove it instead.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Replies point at their comment with a restricting key: they go first, then the comments, then the post (whose
        // delete cascades to reactions, revisions, hashtags and mentions). Through the tracker, so the change feed sees
        // each comment and the post go.
        var comments = await db.Comments.Where(c => c.PostId == postId).ToListAsync(cancellationToken);
        db.Comments.RemoveRange(comments.Where(c => c.ParentCommentId is not null || c.ReplyToCommentId is not null));
        await db.SaveChangesAsync(cancellationToken);
        db.Comments.RemoveRange(comments.Where(c => c.ParentCommentId is null && c.ReplyToCommentId is null));
        db.Posts.Remove(await db.Posts.FirstAsync(p => p.Id == postId, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
