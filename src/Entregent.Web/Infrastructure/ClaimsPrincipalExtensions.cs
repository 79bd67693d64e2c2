using System.Globalization;
using System.Security.Claims;

namespace Entregent.Web.Infrastructure;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in member's id, or null for an anonymous visitor.</summary>
    public static long? MemberId(this ClaimsPrincipal user)
    {
        var value = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>The signed-in member's id; for routes that already require authentication.</summary>
    public static long RequiredMemberId(this ClaimsPrincipal user) =>
        user.MemberId() ?? throw new InvalidOperationException("This route requires an authenticated member.");
}
