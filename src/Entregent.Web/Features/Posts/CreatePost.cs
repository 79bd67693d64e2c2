using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Imaging;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Posts;

/// <summary>
/// Write a post or an article, for everyone, for one's connections, or in a group. A group post waits for a manager
/// when the group says so (unless its author moderates there); the managers are told.
/// </summary>
public static class CreatePost
{
    /// <param name="Kind">post (default) or article.</param>
    /// <param name="Audience">public (default), connections, or group (implied by <paramref name="GroupSlug"/>).</param>
    /// <param name="Title">Articles only, required there.</param>
    /// <param name="Body">Markdown: up to 3,000 characters for a post, 100,000 for an article.</param>
    public sealed record Request(PostKind? Kind, PostAudience? Audience, string? GroupSlug, string? Title, string? Body);

    /// <summary>What is written, checked, before anything is stored: shared with <see cref="EditPost"/>.</summary>
    internal sealed record Checked(string? Title, string Body);

    public static async Task<Outcome<PostDetail>> ExecuteAsync(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time,
        long authorId, Request request, CancellationToken cancellationToken, Uploads.StoredImage? image = null)
    {
        var errors = new FieldErrors();
        var kind = request.Kind ?? PostKind.Post;
        if (!Enum.IsDefined(kind))
        {
            errors.Add("kind", "Use post or article.");
        }
        var slug = request.GroupSlug?.Trim().ToLowerInvariant();
        var audience = request.Audience ?? (string.IsNullOrEmpty(slug) ? PostAudience.Public : PostAudience.Group);
        if (!Enum.IsDefined(audience))
        {
            errors.Add("audience", "Use public, connections or group.");
        }
        else if (audience == PostAudience.Group && string.IsNullOrEmpty(slug))
        {
            errors.Add("groupSlug", "Choose the group to post in.");
        }
        else if (audience != PostAudience.Group && !string.IsNullOrEmpty(slug))
        {
            errors.Add("audience", "A post in a group has the group as its audience.");
        }
        var text = Check(errors, kind, request.Title, request.Body);
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var viewer = await PostReading.ViewerAsync(db, network, authorId, cancellationToken);
        Group? group = null;
        var state = PostState.Published;
        if (audience == PostAudience.Group)
        {
            var found = await GroupLookup.FindAsync(db, viewer.Groups, slug, cancellationToken);
            if (!found.Succeeded)
            {
                return GroupLookup.NotFound(request.GroupSlug);
            }
            group = found.Value!.Group;
            var facts = found.Value.Facts;
            if (!GroupAccess.CanPost(facts, viewer.Groups))
            {
                return Failure.Forbidden("Only the group's members post in it.");
            }
            if (group.PostsNeedApproval && !GroupAccess.CanModerate(facts, viewer.Groups))
            {
                state = PostState.Pending;
            }
        }

        var rendered = await PostText.RenderAsync(db, network, markdown, authorId, text!.Body, kind == PostKind.Article, cancellationToken);
        var post = new Post
        {
            AuthorId = authorId,
            Kind = kind,
            Audience = audience,
            GroupId = group?.Id,
            State = state,
            Title = text.Title,
            Body = text.Body,
            BodyHtml = rendered.Html,
            ImageKey = image?.Large,
            ImageThumbnailKey = image?.Thumbnail,
            CreatedAt = time.GetUtcNow(),
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Posts.Add(post);
            await db.SaveChangesAsync(cancellationToken);
            db.PostHashtags.AddRange(rendered.Hashtags.Select(tag => new PostHashtag { PostId = post.Id, Tag = tag }));
            db.PostMentions.AddRange(rendered.Mentions.Values.Where(id => id != authorId).Distinct().Select(id => new PostMention { PostId = post.Id, MemberId = id }));
            var preview = PostText.Preview(markdown, text.Title, text.Body);
            if (state == PostState.Published)
            {
                var found = (await PostReading.FindAsync(db, db.Posts.Where(p => p.Id == post.Id), cancellationToken)).Single();
                await PostText.NotifyMentionsAsync(db, network, time, found, authorId, rendered.Mentions.Values, $"mentioned you: {preview}",
                    $"/posts/{post.Id}", $"mention:post:{post.Id}", cancellationToken);
            }
            else
            {
                await NotifyManagersAsync(db, time, group!, authorId, $"posted in {group!.Name}, waiting for approval: {preview}", cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return (await ViewPost.ExecuteAsync(db, network, authorId, post.Id, cancellationToken)).Value!;
    }

    internal static Checked? Check(FieldErrors errors, PostKind kind, string? title, string? body)
    {
        string? checkedTitle = null;
        if (kind == PostKind.Article)
        {
            checkedTitle = errors.Line("title", title, Post.TitleMaxLength, required: true);
        }
        else if (!string.IsNullOrWhiteSpace(title))
        {
            errors.Add("title", "Only articles have a title.");
        }
        var max = kind == PostKind.Article ? Post.ArticleBodyMaxLength : Post.PostBodyMaxLength;
        var text = errors.Text("body", body, max);
        if (text is null)
        {
            errors.Add("body", "Write something.");
        }
        return text is null ? null : new Checked(checkedTitle, text);
    }

    internal static async Task NotifyManagersAsync(EntregentDb db, TimeProvider time, Group group, long authorId, string text,
        CancellationToken cancellationToken)
    {
        var managers = await db.GroupMemberships.AsNoTracking()
            .Where(m => m.GroupId == group.Id && m.State == GroupMembershipState.Member && (m.Role == GroupRole.Manager || m.Role == GroupRole.Owner))
            .Select(m => m.MemberId).ToListAsync(cancellationToken);
        foreach (var manager in managers)
        {
            await Notify.AddAsync(db, time, manager, NotificationKind.GroupActivity, authorId, text, $"/groups/{group.Slug}/pending", null,
                cancellationToken);
        }
    }
}
