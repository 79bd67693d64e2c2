using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Network;

/// <summary>Finds a member by handle as a viewer may see them: blocked and out-of-reach members are "not found".</summary>
public static class VisibleMembers
{
    public static async Task<Outcome<long>> FindAsync(EntregentDb db, NetworkGraph network, long? viewerId, string? handle,
        CancellationToken cancellationToken, string field = "handle")
    {
        var key = handle?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(key) || key.Length > Features.Profiles.Profile.HandleMaxLength)
        {
            return string.IsNullOrEmpty(key)
                ? Failure.Invalid(field, "Give a member's handle.")
                : Failure.NotFound($"No member has the handle '{handle}'.");
        }
        var found = await db.Profiles.AsNoTracking().Where(p => p.Handle == key)
            .Select(p => new { p.MemberId, p.Reach }).FirstOrDefaultAsync(cancellationToken);
        if (found is null || !Features.Profiles.ViewProfile.MayOpen(network, viewerId, found.MemberId, found.Reach))
        {
            return Failure.NotFound($"No member has the handle '{handle}'.");
        }
        return found.MemberId;
    }
}
