using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Imaging;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Profiles;

/// <summary>Set or remove one's photo: sniffed, re-encoded and resized server-side, metadata stripped.</summary>
public static class SetPhoto
{
    public sealed record Response(string PhotoUrl, string ThumbnailUrl);

    public static async Task<Outcome<Response>> ExecuteAsync(EntregentDb db, long memberId, Stream? upload, Uploads uploads, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (upload is null)
        {
            return Failure.Invalid("photo", "Send a JPEG, PNG or WebP picture of at most 5 MB.");
        }
        var stored = await uploads.StoreAsync(upload, ImageKind.ProfilePhoto, "photo", cancellationToken);
        if (!stored.Succeeded)
        {
            return stored.Failure!;
        }
        var profile = await db.Profiles.FirstAsync(p => p.MemberId == memberId, cancellationToken);
        profile.PhotoKey = stored.Value!.Large;
        profile.PhotoThumbnailKey = stored.Value.Thumbnail;
        profile.PhotoUpdatedAt = time.GetUtcNow();
        profile.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return new Response(ProfileViewMapping.PhotoUrl(profile.PhotoKey)!, ProfileViewMapping.PhotoUrl(profile.PhotoThumbnailKey)!);
    }

    public static async Task<Outcome<bool>> RemoveAsync(EntregentDb db, long memberId, TimeProvider time, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.FirstAsync(p => p.MemberId == memberId, cancellationToken);
        if (profile.PhotoKey is not null)
        {
            profile.PhotoKey = null;
            profile.PhotoThumbnailKey = null;
            profile.PhotoUpdatedAt = time.GetUtcNow();
            profile.Version++;
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }
}
