using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Posts;

/// <summary>A group's managers: the queue of posts waiting for approval, approving them, and removing posts with a reason.</summary>
public static class ModeratePosts
{
    /// <param name="Reason">Shown to the author; up to 300 characters.</param>
    public sealed record RemovalRequest(string? Reason);

    /// <summary>The group's pending posts, newest first; 404 unless the viewer moderates the group.</summary>
    public static async Task<Outcome<PostPage>> PendingAsync(EntregentDb db, NetworkGraph network, long viewerId, string slug, string? before,
        CancellationToken cancellationToken)
    {
        var viewer = await PostReading.ViewerAsync(db, network, viewerId, cancellationToken);
        var group = await GroupLookup.FindAsync(db, viewer.Groups, slug, cancellationToken);
        if (!group.Succeeded)
        {
            return group.Failure!;
        }
        if (!group.Value!.CanModerate)
        {
            return Failure.Forbidden("Only the group's managers see the posts waiting for approval.");
        }
        var groupId = group.Value!.Group.Id;
        return await PostReading.PageAsync(db, viewer, db.Posts.Where(p => p.GroupId == groupId && p.State == PostState.Pending), before,
            cancellationToken);
    }

    /// <summary>A manager approves a pending post: it is published, its author told, the members it mentions too.</summary>
    public static async Task<Outcome<PostDetail>> ApproveAsync(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time,
        long managerId, long postId, CancellationToken cancellationToken)
    {
        var checkedPost = await ModeratedAsync(db, network, managerId, postId, cancellationToken);
        if (!checkedPost.Succeeded)
        {
            return checkedPost.Failure!;
        }
        var (post, group, pending) = checkedPost.Value;
        if (post.State != PostState.Pending)
        {
            return Failure.Conflict("state", "This post is not waiting for approval.");
        }
        post.State = PostState.Published;
        var mentioned = await db.PostMentions.AsNoTracking().Where(m => m.PostId == postId).Select(m => m.MemberId).ToListAsync(cancellationToken);
        await Notify.AddAsync(db, time, post.AuthorId, NotificationKind.GroupActivity, managerId,
            $"approved your post in {group.Name}: {PostText.Preview(markdown, post.Title, post.Body)}", $"/posts/{post.Id}",
            $"approved:post:{post.Id}", cancellationToken);
        var found = pending with { Facts = pending.Facts with { State = PostState.Published } };
        await PostText.NotifyMentionsAsync(db, network, time, found, post.AuthorId, mentioned,
            $"mentioned you: {PostText.Preview(markdown, post.Title, post.Body)}", $"/posts/{post.Id}", $"mention:post:{post.Id}", cancellationToken);
        if (!await SaveAsync(db, cancellationToken))
        {
            return Failure.Conflict("state", "This post changed meanwhile; reload it.");
        }
        return (await ViewPost.ExecuteAsync(db, network, managerId, postId, cancellationToken)).Value!;
    }

    /// <summary>A manager removes a post (published or pending) with a reason: only its author still sees it, with the reason.</summary>
    public static async Task<Outcome<bool>> RemoveAsync(EntregentDb db, NetworkGraph network, TimeProvider time, long managerId, long postId,
        RemovalRequest request, CancellationToken cancellationToken)
    {
        var checkedPost = await ModeratedAsync(db, network, managerId, postId, cancellationToken);
        if (!checkedPost.Succeeded)
        {
            return checkedPost.Failure!;
        }
        var errors = new FieldErrors();
        var reason = errors.PlainText("reason", request.Reason, Post.RemovalReasonMaxLength, required: true);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var (post, group, _) = checkedPost.Value;
        post.State = PostState.Removed;
        post.RemovalReason = reason;
        await Notify.AddAsync(db, time, post.AuthorId, NotificationKind.GroupActivity, managerId,
            $"removed your post in {group.Name}: {reason}", $"/posts/{post.Id}", $"removed:post:{post.Id}", cancellationToken);
        return await SaveAsync(db, cancellationToken) ? true : Failure.Conflict("state", "This post changed meanwhile; reload it.");
    }

    /// <summary>The post, tracked, when the viewer may read it and moderates its group; 404 or 403 otherwise.</summary>
    private static async Task<Outcome<(Post Post, Group Group, PostFound Found)>> ModeratedAsync(EntregentDb db, NetworkGraph network, long managerId, long postId,
        CancellationToken cancellationToken)
    {
        var viewer = await PostReading.ViewerAsync(db, network, managerId, cancellationToken);
        var found = await PostReading.FindReadableAsync(db, viewer, postId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        if (found.Value!.Group is not { } facts || !GroupAccess.CanModerate(facts, viewer.Groups))
        {
            return Failure.Forbidden("Only the managers of the post's group moderate it.");
        }
        var post = await db.Posts.FirstAsync(p => p.Id == postId, cancellationToken);
        if (post.State == PostState.Removed)
        {
            return Failure.Conflict("state", "This post was already removed.");
        }
        var group = await db.Groups.AsNoTracking().FirstAsync(g => g.Id == facts.Id, cancellationToken);
        return (post, group, found.Value);
    }

    private static async Task<bool> SaveAsync(EntregentDb db, CancellationToken cancellationToken)
    {
        // Two managers deciding at once: the version token makes the second one fail instead of overwriting.
        db.ChangeTracker.Entries<Post>().Single().Entity.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
