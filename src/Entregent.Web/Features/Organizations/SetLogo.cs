using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Imaging;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Organizations;

/// <summary>Administrators set or remove an organisation's logo (fitted, never cropped).</summary>
public static class SetLogo
{
    public sealed record Response(string LogoUrl, string ThumbnailUrl);

    public static async Task<Outcome<Response>> ExecuteAsync(EntregentDb db, long callerId, string slug, Stream? upload, Uploads uploads,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var found = await FindForAdministratorAsync(db, callerId, slug, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        if (upload is null)
        {
            return Failure.Invalid("logo", "Send a JPEG, PNG or WebP picture of at most 5 MB.");
        }
        var stored = await uploads.StoreAsync(upload, ImageKind.OrganisationLogo, "logo", cancellationToken);
        if (!stored.Succeeded)
        {
            return stored.Failure!;
        }
        var organization = found.Value!;
        organization.LogoKey = stored.Value!.Large;
        organization.LogoThumbnailKey = stored.Value.Thumbnail;
        organization.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new Response("/media/" + organization.LogoKey, "/media/" + organization.LogoThumbnailKey);
    }

    public static async Task<Outcome<bool>> RemoveAsync(EntregentDb db, long callerId, string slug, TimeProvider time, CancellationToken cancellationToken)
    {
        var found = await FindForAdministratorAsync(db, callerId, slug, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        var organization = found.Value!;
        if (organization.LogoKey is not null)
        {
            organization.LogoKey = null;
            organization.LogoThumbnailKey = null;
            organization.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }

    private static async Task<Outcome<Organization>> FindForAdministratorAsync(EntregentDb db, long callerId, string slug, CancellationToken cancellationToken)
    {
        if (!await Administrators.IsAdministratorAsync(db, callerId, cancellationToken))
        {
            return Failure.Forbidden("Only administrators can change an organisation's logo.");
        }
        var id = await ViewOrganization.ResolveAsync(db, slug, cancellationToken);
        var organization = id is null ? null : await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        return organization is null ? Failure.NotFound($"No organisation has the address '{slug}'.") : organization;
    }
}
