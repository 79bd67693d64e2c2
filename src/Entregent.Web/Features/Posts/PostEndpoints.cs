using System.Security.Claims;
using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Imaging;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;

namespace Entregent.Web.Features.Posts;

public static class PostEndpoints
{
    public static RouteGroupBuilder MapPostEndpoints(this IEndpointRouteBuilder app)
    {
        var posts = app.MapGroup("/api/v1/posts").WithTags("Posts").RequireAuthorization();
        posts.MapPost("/", async (CreatePost.Request request, EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time,
                ClaimsPrincipal user, CancellationToken cancellationToken) =>
        {
            var outcome = await CreatePost.ExecuteAsync(db, network, markdown, time, user.RequiredMemberId(), request, cancellationToken);
            return outcome.Succeeded ? (IResult)TypedResults.Created($"/api/v1/posts/{outcome.Value!.Post.Id}", outcome.Value) : outcome.Failure!.ToProblem();
        })
            .Produces<PostDetail>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Write a post or an article {kind, audience, groupSlug, title, body}; in a group that asks for it, it waits for approval");
        posts.MapGet("/{id:long}", async (long id, EntregentDb db, NetworkGraph network, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await ViewPost.ExecuteAsync(db, network, user.RequiredMemberId(), id, cancellationToken)).ToOk())
            .WithSummary("A post, with its source, version and what I may do with it");
        posts.MapPut("/{id:long}", async (long id, EditPost.Request request, EntregentDb db, NetworkGraph network, MarkdownRenderer markdown,
                TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await EditPost.ExecuteAsync(db, network, markdown, time, user.RequiredMemberId(), id, request, cancellationToken)).ToOk())
            .WithSummary("Edit my post {title, body, version}: the previous version is kept; a stale version is refused (409)");
        posts.MapDelete("/{id:long}", async (long id, EntregentDb db, NetworkGraph network, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await DeletePost.ExecuteAsync(db, network, user.RequiredMemberId(), id, cancellationToken)).ToNoContent())
            .WithSummary("Delete my post, with its comments and reactions");
        posts.MapGet("/{id:long}/revisions", async (long id, EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await EditPost.RevisionsAsync(db, network, markdown, user.RequiredMemberId(), id, cancellationToken)).ToOk())
            .WithSummary("A post's earlier versions, newest first");
        posts.MapPut("/{id:long}/image", async (long id, HttpRequest http, EntregentDb db, NetworkGraph network, Uploads uploads, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await SetPostImage.ExecuteAsync(db, network, uploads, user.RequiredMemberId(), id, await Uploads.ReadAsync(http, cancellationToken),
                cancellationToken)).ToOk())
            // One Accepts: routing matches the content type against the last one only, so two would refuse multipart with 415.
            .Accepts<IFormFile>("multipart/form-data", "image/jpeg", "image/png", "image/webp")
            .DisableAntiforgery()
            .WithSummary("Set my post's image: JPEG, PNG or WebP up to 5 MB, as multipart field 'image' or a raw image body");
        posts.MapDelete("/{id:long}/image", async (long id, EntregentDb db, NetworkGraph network, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await SetPostImage.RemoveAsync(db, network, user.RequiredMemberId(), id, cancellationToken)).ToNoContent())
            .WithSummary("Remove my post's image");
        posts.MapPost("/{id:long}/approval", async (long id, EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time,
                ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await ModeratePosts.ApproveAsync(db, network, markdown, time, user.RequiredMemberId(), id, cancellationToken)).ToOk())
            .WithSummary("Approve a post waiting in a group I manage: it is published and its author told");
        posts.MapPost("/{id:long}/removal", async (long id, ModeratePosts.RemovalRequest request, EntregentDb db, NetworkGraph network, TimeProvider time,
                ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await ModeratePosts.RemoveAsync(db, network, time, user.RequiredMemberId(), id, request, cancellationToken)).ToNoContent())
            .WithSummary("Remove a post from a group I manage {reason}: only its author still sees it, with the reason");

        posts.MapGet("/{id:long}/comments", async (long id, EntregentDb db, NetworkGraph network, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await Comments.ListAsync(db, network, user.RequiredMemberId(), id, cancellationToken)).ToOk())
            .WithSummary("A post's comments, oldest first, each with its replies (one level)");
        posts.MapPost("/{id:long}/comments", async (long id, Comments.Request request, EntregentDb db, NetworkGraph network, MarkdownRenderer markdown,
                TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        {
            var outcome = await Comments.AddAsync(db, network, markdown, time, user.RequiredMemberId(), id, request, cancellationToken);
            return outcome.Succeeded ? (IResult)TypedResults.Created($"/api/v1/posts/{id}/comments/{outcome.Value!.Id}", outcome.Value) : outcome.Failure!.ToProblem();
        })
            .Produces<CommentView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Comment on a post, or reply to a comment {body, replyTo}");
        posts.MapPut("/{id:long}/comments/{commentId:long}", async (long id, long commentId, Comments.EditRequest request, EntregentDb db,
                NetworkGraph network, MarkdownRenderer markdown, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await Comments.EditAsync(db, network, markdown, time, user.RequiredMemberId(), id, commentId, request, cancellationToken)).ToOk())
            .WithSummary("Edit my comment {body}");
        posts.MapDelete("/{id:long}/comments/{commentId:long}", async (long id, long commentId, EntregentDb db, NetworkGraph network,
                ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await Comments.DeleteAsync(db, network, user.RequiredMemberId(), id, commentId, cancellationToken)).ToNoContent())
            .WithSummary("Delete my comment (a comment takes its replies with it)");

        posts.MapPut("/{id:long}/reaction", async (long id, React.Request request, EntregentDb db, NetworkGraph network, TimeProvider time,
                ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await React.SetAsync(db, network, time, user.RequiredMemberId(), id, null, request, cancellationToken)).ToNoContent())
            .WithSummary("React to a post {kind}: like, celebrate, support, insightful or curious (replaces my reaction)");
        posts.MapDelete("/{id:long}/reaction", async (long id, EntregentDb db, NetworkGraph network, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await React.RemoveAsync(db, network, user.RequiredMemberId(), id, null, cancellationToken)).ToNoContent())
            .WithSummary("Take back my reaction to a post");
        posts.MapGet("/{id:long}/reactions", async (long id, EntregentDb db, NetworkGraph network, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await React.ListAsync(db, network, user.RequiredMemberId(), id, null, cancellationToken)).ToOk())
            .WithSummary("Who reacted to a post, and how");
        posts.MapPut("/{id:long}/comments/{commentId:long}/reaction", async (long id, long commentId, React.Request request, EntregentDb db,
                NetworkGraph network, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await React.SetAsync(db, network, time, user.RequiredMemberId(), id, commentId, request, cancellationToken)).ToNoContent())
            .WithSummary("React to a comment {kind} (replaces my reaction)");
        posts.MapDelete("/{id:long}/comments/{commentId:long}/reaction", async (long id, long commentId, EntregentDb db, NetworkGraph network,
                ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await React.RemoveAsync(db, network, user.RequiredMemberId(), id, commentId, cancellationToken)).ToNoContent())
            .WithSummary("Take back my reaction to a comment");
        posts.MapGet("/{id:long}/comments/{commentId:long}/reactions", async (long id, long commentId, EntregentDb db, NetworkGraph network,
                ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await React.ListAsync(db, network, user.RequiredMemberId(), id, commentId, cancellationToken)).ToOk())
            .WithSummary("Who reacted to a comment, and how");

        var groups = app.MapGroup("/api/v1/groups").WithTags("Posts").RequireAuthorization();
        groups.MapGet("/{slug}/posts", async (string slug, string? before, EntregentDb db, NetworkGraph network, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await ListPosts.GroupAsync(db, network, user.RequiredMemberId(), slug, before, cancellationToken)).ToOk())
            .WithSummary("A group's posts, newest first, 20 a page (before: the cursor of the previous page)");
        groups.MapGet("/{slug}/pending-posts", async (string slug, string? before, EntregentDb db, NetworkGraph network, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await ModeratePosts.PendingAsync(db, network, user.RequiredMemberId(), slug, before, cancellationToken)).ToOk())
            .WithSummary("Posts waiting for approval in a group I manage, newest first");

        var members = app.MapGroup("/api/v1/members").WithTags("Posts").RequireAuthorization();
        members.MapGet("/{handle}/posts", async (string handle, string? before, EntregentDb db, NetworkGraph network, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await ListPosts.MemberAsync(db, network, user.RequiredMemberId(), handle, before, cancellationToken)).ToOk())
            .WithSummary("A member's posts and articles that I may read, newest first");

        var hashtags = app.MapGroup("/api/v1/hashtags").WithTags("Posts").RequireAuthorization();
        hashtags.MapGet("/{tag}/posts", async (string tag, string? before, EntregentDb db, NetworkGraph network, ClaimsPrincipal user,
                CancellationToken cancellationToken) =>
            (await ListPosts.HashtagAsync(db, network, user.RequiredMemberId(), tag, before, cancellationToken)).ToOk())
            .WithSummary("The posts carrying a hashtag that I may read, newest first");
        hashtags.MapPut("/{tag}/follow", async (string tag, EntregentDb db, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await FollowHashtag.FollowAsync(db, time, user.RequiredMemberId(), tag, cancellationToken)).ToOk())
            .WithSummary("Follow a hashtag: its posts come into my feed");
        hashtags.MapDelete("/{tag}/follow", async (string tag, EntregentDb db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            (await FollowHashtag.UnfollowAsync(db, user.RequiredMemberId(), tag, cancellationToken)).ToNoContent())
            .WithSummary("Stop following a hashtag");

        var me = app.MapGroup("/api/v1/me").WithTags("Posts").RequireAuthorization();
        me.MapGet("/hashtags", async (EntregentDb db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            TypedResults.Ok(await FollowHashtag.ListAsync(db, user.RequiredMemberId(), cancellationToken)))
            .WithSummary("The hashtags I follow");
        return posts;
    }
}
