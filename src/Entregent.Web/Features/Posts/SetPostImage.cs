using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Imaging;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Posts;

/// <summary>
/// The author sets or removes a post's image, under the profile photo's rules: JPEG, PNG or WebP up to 5 MB, sniffed,
/// re-encoded server-side (metadata stripped), a large size and a thumbnail.
/// </summary>
public static class SetPostImage
{
    public sealed record Response(string ImageUrl, string ThumbnailUrl);

    public static async Task<Outcome<Response>> ExecuteAsync(EntregentDb db, NetworkGraph network, Uploads uploads, long authorId, long postId,
        Stream? upload, CancellationToken cancellationToken)
    {
        var post = await OwnAsync(db, network, authorId, postId, cancellationToken);
        if (!post.Succeeded)
        {
            return post.Failure!;
        }
        if (upload is null)
        {
            return Failure.Invalid("image", "Send a JPEG, PNG or WebP picture of at most 5 MB.");
        }
        var stored = await uploads.StoreAsync(upload, ImageKind.PostImage, "image", cancellationToken);
        if (!stored.Succeeded)
        {
            return stored.Failure!;
        }
        post.Value!.ImageKey = stored.Value!.Large;
        post.Value.ImageThumbnailKey = stored.Value.Thumbnail;
        await db.SaveChangesAsync(cancellationToken);
        return new Response("/media/" + stored.Value.Large, "/media/" + stored.Value.Thumbnail);
    }

    public static async Task<Outcome<bool>> RemoveAsync(EntregentDb db, NetworkGraph network, long authorId, long postId, CancellationToken cancellationToken)
    {
        var post = await OwnAsync(db, network, authorId, postId, cancellationToken);
        if (!post.Succeeded)
        {
            return post.Failure!;
        }
        post.Value!.ImageKey = null;
        post.Value.ImageThumbnailKey = null;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static async Task<Outcome<Post>> OwnAsync(EntregentDb db, NetworkGraph network, long authorId, long postId, CancellationToken cancellationToken)
    {
        var viewer = await PostReading.ViewerAsync(db, network, authorId, cancellationToken);
        var found = await PostReading.FindReadableAsync(db, viewer, postId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        if (found.Value!.Facts.AuthorId != authorId)
        {
            return Failure.Forbidden("Only its author changes a post's image.");
        }
        return await db.Posts.FirstAsync(p => p.Id == postId, cancellationToken);
    }
}
