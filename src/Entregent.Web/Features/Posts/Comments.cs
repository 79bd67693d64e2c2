using Entregent.Web.Data;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Posts;

/// <summary>A comment as a post's page shows it; top-level comments carry their replies (one level).</summary>
/// <param name="ReplyTo">For a reply to a reply: whom it answers ("replying to …").</param>
public sealed record CommentView(long Id, MemberCard Author, string Body, string BodyHtml, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt,
    int ReactionCount, ReactionKind? MyReaction, bool IsMine, long? ParentCommentId, long? ReplyToCommentId, MemberCard? ReplyTo,
    IReadOnlyList<CommentView> Replies);

/// <summary>
/// Comments on a post and replies to them: a reply to a reply sits under the same top-level comment, remembering whom
/// it answers. The post's <see cref="Post.CommentCount"/> moves with every comment added or deleted, in the same transaction.
/// </summary>
public static class Comments
{
    /// <summary>A page of the post's comments shows at most this many top-level comments (each with all its replies).</summary>
    public const int MaxTopLevel = 200;

    /// <param name="ReplyTo">The comment answered (top-level or reply), if any.</param>
    public sealed record Request(string? Body, long? ReplyTo);

    public sealed record EditRequest(string? Body);

    /// <summary>The post's comments, oldest first, with their replies; comments by members the viewer may not see are left out.</summary>
    public static async Task<Outcome<IReadOnlyList<CommentView>>> ListAsync(EntregentDb db, NetworkGraph network, long viewerId, long postId,
        CancellationToken cancellationToken)
    {
        var viewer = await PostReading.ViewerAsync(db, network, viewerId, cancellationToken);
        var found = await PostReading.FindReadableAsync(db, viewer, postId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        var rows = await db.Comments.AsNoTracking().Where(c => c.PostId == postId)
            .Join(db.Profiles, c => c.AuthorId, p => p.MemberId, (c, p) => new { Comment = c, p.Reach })
            .OrderBy(r => r.Comment.CreatedAt).ThenBy(r => r.Comment.Id)
            .ToListAsync(cancellationToken);
        // Blocked and out-of-reach authors are never shown: their comments go, and the replies under them.
        var visible = rows.Where(r => ViewProfile.MayOpen(network, viewerId, r.Comment.AuthorId, r.Reach)).Select(r => r.Comment).ToList();
        var topLevel = visible.Where(c => c.ParentCommentId is null).Take(MaxTopLevel).ToList();
        var shownParents = topLevel.Select(c => c.Id).ToHashSet();
        var replies = visible.Where(c => c.ParentCommentId is { } parent && shownParents.Contains(parent)).ToList();
        var mine = await db.Reactions.AsNoTracking().Where(r => r.MemberId == viewerId && r.PostId == postId && r.CommentId != null)
            .ToDictionaryAsync(r => r.CommentId!.Value, r => r.Kind, cancellationToken);
        var authorById = visible.ToDictionary(c => c.Id, c => c.AuthorId);
        var cards = await MemberCards.LoadAsync(db, network, viewerId, visible.Select(c => c.AuthorId).Distinct().ToList(), cancellationToken);
        CommentView View(Comment c, IReadOnlyList<CommentView> children) => new(c.Id, cards[c.AuthorId], c.Body, c.BodyHtml, c.CreatedAt, c.EditedAt,
            c.ReactionCount, mine.TryGetValue(c.Id, out var kind) ? kind : null, c.AuthorId == viewerId, c.ParentCommentId, c.ReplyToCommentId,
            c.ReplyToCommentId is { } to && authorById.TryGetValue(to, out var author) ? cards[author] : null, children);
        var repliesTo = replies.Where(r => cards.ContainsKey(r.AuthorId)).ToLookup(r => r.ParentCommentId!.Value);
        IReadOnlyList<CommentView> list = topLevel.Where(c => cards.ContainsKey(c.AuthorId))
            .Select(c => View(c, repliesTo[c.Id].Select(r => View(r, [])).ToList()))
            .ToList();
        return Outcome.Of(list);
    }

    public static async Task<Outcome<CommentView>> AddAsync(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time,
        long authorId, long postId, Request request, CancellationToken cancellationToken)
    {
        var viewer = await PostReading.ViewerAsync(db, network, authorId, cancellationToken);
        var found = await PostReading.FindReadableAsync(db, viewer, postId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        if (!ViewPost.CanComment(found.Value!, viewer))
        {
            return Failure.Forbidden(found.Value!.Facts.State == PostState.Published
                ? "Only the group's members comment on its posts."
                : "Comments open once the post is published.");
        }
        var errors = new FieldErrors();
        var body = CheckBody(errors, request.Body);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        Comment? answered = null;
        if (request.ReplyTo is { } replyTo)
        {
            answered = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == replyTo && c.PostId == postId, cancellationToken);
            // The answer goes under the answered comment's thread: both it and the thread's first comment must be visible.
            var threadAuthor = answered?.ParentCommentId is { } parent
                ? await db.Comments.AsNoTracking().Where(c => c.Id == parent).Select(c => (long?)c.AuthorId).FirstOrDefaultAsync(cancellationToken)
                : answered?.AuthorId;
            if (answered is null || threadAuthor is null || !await MayOpenAsync(db, network, authorId, answered.AuthorId, cancellationToken)
                || !await MayOpenAsync(db, network, authorId, threadAuthor.Value, cancellationToken))
            {
                return Failure.Invalid("replyTo", "No comment of this post has this id.");
            }
        }
        var rendered = await PostText.RenderAsync(db, network, markdown, authorId, body!, article: false, cancellationToken);
        var comment = new Comment
        {
            PostId = postId,
            AuthorId = authorId,
            ParentCommentId = answered is null ? null : answered.ParentCommentId ?? answered.Id,
            ReplyToCommentId = answered?.ParentCommentId is null ? null : answered.Id,
            Body = body!,
            BodyHtml = rendered.Html,
            CreatedAt = time.GetUtcNow(),
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Comments.Add(comment);
            await db.SaveChangesAsync(cancellationToken);
            // An increment, not a recount: under concurrent comments each transaction adds exactly its own one.
            await db.Posts.Where(p => p.Id == postId).ExecuteUpdateAsync(s => s.SetProperty(p => p.CommentCount, p => p.CommentCount + 1), cancellationToken);
            var preview = markdown.ToPlainText(body, 120);
            var url = $"/posts/{postId}#comment-{comment.Id}";
            await Notify.AddAsync(db, time, found.Value!.Facts.AuthorId, NotificationKind.Reply, authorId, $"commented on your post: {preview}", url,
                $"reply:comment:{comment.Id}", cancellationToken);
            if (answered is not null && await PostReading.MayReadAsync(db, network, answered.AuthorId, found.Value, cancellationToken))
            {
                await Notify.AddAsync(db, time, answered.AuthorId, NotificationKind.Reply, authorId, $"replied to your comment: {preview}", url,
                    $"reply:comment:{comment.Id}", cancellationToken);
            }
            await PostText.NotifyMentionsAsync(db, network, time, found.Value, authorId, rendered.Mentions.Values,
                $"mentioned you in a comment: {preview}", url, $"mention:comment:{comment.Id}", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return await ViewOneAsync(db, network, authorId, comment, cancellationToken);
    }

    public static async Task<Outcome<CommentView>> EditAsync(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time,
        long authorId, long postId, long commentId, EditRequest request, CancellationToken cancellationToken)
    {
        var own = await OwnAsync(db, network, authorId, postId, commentId, cancellationToken);
        if (!own.Succeeded)
        {
            return own.Failure!;
        }
        var errors = new FieldErrors();
        var body = CheckBody(errors, request.Body);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var (comment, post) = own.Value;
        if (comment.Body != body)
        {
            var rendered = await PostText.RenderAsync(db, network, markdown, authorId, body!, article: false, cancellationToken);
            comment.Body = body!;
            comment.BodyHtml = rendered.Html;
            comment.EditedAt = time.GetUtcNow();
            await PostText.NotifyMentionsAsync(db, network, time, post, authorId, rendered.Mentions.Values,
                $"mentioned you in a comment: {markdown.ToPlainText(body, 120)}", $"/posts/{postId}#comment-{commentId}",
                $"mention:comment:{commentId}", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        return await ViewOneAsync(db, network, authorId, comment, cancellationToken);
    }

    /// <summary>Deletes one's comment; a top-level comment takes its replies with it. The post's count drops by as many.</summary>
    public static async Task<Outcome<bool>> DeleteAsync(EntregentDb db, NetworkGraph network, long authorId, long postId, long commentId,
        CancellationToken cancellationToken)
    {
        var own = await OwnAsync(db, network, authorId, postId, commentId, cancellationToken);
        if (!own.Succeeded)
        {
            return own.Failure!;
        }
        var comment = own.Value.Comment;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Replies answering this one keep their place under the top-level comment, without the "replying to".
        foreach (var answer in await db.Comments.Where(c => c.ReplyToCommentId == commentId && c.ParentCommentId != commentId).ToListAsync(cancellationToken))
        {
            answer.ReplyToCommentId = null;
        }
        var replies = comment.ParentCommentId is null
            ? await db.Comments.Where(c => c.ParentCommentId == commentId).ToListAsync(cancellationToken)
            : [];
        db.Comments.RemoveRange(replies);
        await db.SaveChangesAsync(cancellationToken);
        db.Comments.Remove(comment);
        await db.SaveChangesAsync(cancellationToken);
        var removed = 1 + replies.Count;
        // A decrement by what this transaction removed, as adding increments: exact under concurrent comments. Counts are
        // not indexed, so no change-feed row is needed for this bulk update.
        await db.Posts.Where(p => p.Id == postId).ExecuteUpdateAsync(s => s.SetProperty(p => p.CommentCount, p => p.CommentCount - removed), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The comment its author just wrote or edited, as the list would show it to them (without replies). Built directly rather
    /// than found in the list: a thread whose first comment has since become hidden from the author leaves it out.
    /// </summary>
    private static async Task<CommentView> ViewOneAsync(EntregentDb db, NetworkGraph network, long authorId, Comment comment,
        CancellationToken cancellationToken)
    {
        var answeredAuthor = comment.ReplyToCommentId is { } to
            ? await db.Comments.AsNoTracking().Where(c => c.Id == to).Select(c => (long?)c.AuthorId).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (answeredAuthor is { } answered && !await MayOpenAsync(db, network, authorId, answered, cancellationToken))
        {
            answeredAuthor = null;
        }
        var cards = await MemberCards.LoadAsync(db, network, authorId,
            answeredAuthor is { } shown ? [comment.AuthorId, shown] : [comment.AuthorId], cancellationToken);
        var mine = await db.Reactions.AsNoTracking().Where(r => r.MemberId == authorId && r.CommentId == comment.Id)
            .Select(r => (ReactionKind?)r.Kind).FirstOrDefaultAsync(cancellationToken);
        return new CommentView(comment.Id, cards[comment.AuthorId], comment.Body, comment.BodyHtml, comment.CreatedAt, comment.EditedAt,
            comment.ReactionCount, mine, IsMine: true, comment.ParentCommentId, comment.ReplyToCommentId,
            answeredAuthor is { } a && cards.TryGetValue(a, out var card) ? card : null, []);
    }

    private static string? CheckBody(FieldErrors errors, string? body)
    {
        var text = errors.Text("body", body, Comment.BodyMaxLength);
        if (text is null)
        {
            errors.Add("body", "Write something.");
        }
        return text;
    }

    /// <summary>The viewer's own comment on a post they may read, tracked; 404 when absent or hidden, 403 when someone else's.</summary>
    private static async Task<Outcome<(Comment Comment, PostFound Post)>> OwnAsync(EntregentDb db, NetworkGraph network, long memberId, long postId,
        long commentId, CancellationToken cancellationToken)
    {
        var viewer = await PostReading.ViewerAsync(db, network, memberId, cancellationToken);
        var found = await PostReading.FindReadableAsync(db, viewer, postId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId && c.PostId == postId, cancellationToken);
        if (comment is null || !await MayOpenAsync(db, network, memberId, comment.AuthorId, cancellationToken))
        {
            return Failure.NotFound("No comment of this post has this id.");
        }
        if (comment.AuthorId != memberId)
        {
            return Failure.Forbidden("Only its author edits or deletes a comment.");
        }
        return (comment, found.Value!);
    }

    internal static async Task<bool> MayOpenAsync(EntregentDb db, NetworkGraph network, long viewerId, long memberId, CancellationToken cancellationToken)
    {
        var reach = await db.Profiles.AsNoTracking().Where(p => p.MemberId == memberId).Select(p => (ProfileReach?)p.Reach).FirstOrDefaultAsync(cancellationToken);
        return reach is { } r && ViewProfile.MayOpen(network, viewerId, memberId, r);
    }
}
