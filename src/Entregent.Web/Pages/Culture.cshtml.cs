using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entregent.Web.Pages;

/// <summary>The language switch: remembers the choice in the standard culture cookie, which wins over the browser's preference.</summary>
public sealed class CultureModel : PageModel
{
    private static readonly string[] Supported = ["en", "fr"];

    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        if (culture is not null && Supported.Contains(culture, StringComparer.Ordinal))
        {
            Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UnixEpoch.AddYears(100),
                    MaxAge = TimeSpan.FromDays(365),
                    IsEssential = true,
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = Request.IsHttps,
                });
        }
        return LocalRedirect(Forms.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
