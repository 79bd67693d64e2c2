using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Posts;

/// <summary>
/// The author edits a post or an article: the version replaced is kept as a revision (readers may see the history),
/// hashtags and mentions follow the new text (newly mentioned members are told; no one is told twice).
/// </summary>
public static class EditPost
{
    /// <param name="Version">The version the edit is based on (from the post): an older one is refused with 409.</param>
    public sealed record Request(string? Title, string? Body, int? Version);

    /// <summary>An earlier version of a post, newest first.</summary>
    public sealed record RevisionView(long Id, string? Title, string Body, string BodyHtml, DateTimeOffset WrittenAt);

    public static async Task<Outcome<PostDetail>> ExecuteAsync(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time,
        long authorId, long postId, Request request, CancellationToken cancellationToken)
    {
        var viewer = await PostReading.ViewerAsync(db, network, authorId, cancellationToken);
        var found = await PostReading.FindReadableAsync(db, viewer, postId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        if (found.Value!.Facts.AuthorId != authorId)
        {
            return Failure.Forbidden("Only its author edits a post.");
        }
        var post = await db.Posts.FirstAsync(p => p.Id == postId, cancellationToken);
        var errors = new FieldErrors();
        if (request.Version is null)
        {
            errors.Add("version", "Send the version of the post you edited.");
        }
        var text = CreatePost.Check(errors, post.Kind, request.Title, request.Body);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        if (request.Version != post.Version)
        {
            return Failure.Conflict("version", "The post changed since you opened it; reload it and edit again.");
        }
        if (text!.Title == post.Title && text.Body == post.Body)
        {
            return (await ViewPost.ExecuteAsync(db, network, authorId, postId, cancellationToken)).Value!;
        }

        var rendered = await PostText.RenderAsync(db, network, markdown, authorId, text.Body, post.Kind == PostKind.Article, cancellationToken);
        var now = time.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.PostRevisions.Add(new PostRevision { PostId = post.Id, Title = post.Title, Body = post.Body, WrittenAt = post.EditedAt ?? post.CreatedAt });
            post.Title = text.Title;
            post.Body = text.Body;
            post.BodyHtml = rendered.Html;
            post.EditedAt = now;
            post.Version++;
            var mentioned = rendered.Mentions.Values.Where(id => id != authorId).Distinct().ToList();
            await db.PostHashtags.Where(h => h.PostId == postId).ExecuteDeleteAsync(cancellationToken);
            await db.PostMentions.Where(m => m.PostId == postId).ExecuteDeleteAsync(cancellationToken);
            db.PostHashtags.AddRange(rendered.Hashtags.Select(tag => new PostHashtag { PostId = post.Id, Tag = tag }));
            db.PostMentions.AddRange(mentioned.Select(id => new PostMention { PostId = post.Id, MemberId = id }));
            if (post.State == PostState.Published)
            {
                await PostText.NotifyMentionsAsync(db, network, time, found.Value, authorId, mentioned,
                    $"mentioned you: {PostText.Preview(markdown, text.Title, text.Body)}", $"/posts/{post.Id}", $"mention:post:{post.Id}",
                    cancellationToken);
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Failure.Conflict("version", "The post changed since you opened it; reload it and edit again.");
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return (await ViewPost.ExecuteAsync(db, network, authorId, postId, cancellationToken)).Value!;
    }

    /// <summary>The post's earlier versions, newest first, for whoever may read it.</summary>
    public static async Task<Outcome<IReadOnlyList<RevisionView>>> RevisionsAsync(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown,
        long viewerId, long postId, CancellationToken cancellationToken)
    {
        var viewer = await PostReading.ViewerAsync(db, network, viewerId, cancellationToken);
        var found = await PostReading.FindReadableAsync(db, viewer, postId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        var article = await db.Posts.Where(p => p.Id == postId).Select(p => p.Kind == PostKind.Article).FirstAsync(cancellationToken);
        var rows = await db.PostRevisions.AsNoTracking().Where(r => r.PostId == postId)
            .OrderByDescending(r => r.WrittenAt).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);
        // Old versions are rendered without mention links: who the author could see then is not who they can see now.
        IReadOnlyList<RevisionView> revisions = rows.Select(r => new RevisionView(r.Id, r.Title, r.Body,
            markdown.ToPostHtml(r.Body, new HashSet<string>(), article), r.WrittenAt)).ToList();
        return Outcome.Of(revisions);
    }
}
