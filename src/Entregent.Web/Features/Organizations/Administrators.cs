using Entregent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Organizations;

internal static class Administrators
{
    /// <summary>Read from the store, not the sign-in cookie, so a revoked administrator loses the right at once.</summary>
    public static Task<bool> IsAdministratorAsync(EntregentDb db, long memberId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(m => m.Id == memberId && m.IsAdministrator, cancellationToken);
}
