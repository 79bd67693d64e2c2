using Entregent.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages;

/// <summary>
/// The page browsers see for an error status (re-executed by the status-code middleware, so the address stays
/// the one that failed). A re-executed POST arrives here too, with its antiforgery check already done or moot.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel(IStringLocalizer<SharedResource> t) : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        // Visited directly (/status/404) it still answers with that status, never 200.
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        Code = code is >= 400 and <= 599 ? code : 404;
        if (!reExecuted)
        {
            Response.StatusCode = Code;
        }
        (Heading, Explanation) = Code switch
        {
            404 => (t["Page not found"].Value, t["There is nothing at this address. It may have moved, or the link may be mistyped."].Value),
            403 => (t["You cannot do that"].Value, User.MemberId() is null
                ? t["Sign in to see this page."].Value
                : t["Your account does not have permission for this page."].Value),
            401 => (t["Sign in required"].Value, t["Sign in to see this page."].Value),
            429 => (t["Too many requests"].Value, t["Wait a minute and try again."].Value),
            >= 500 => (t["Something went wrong"].Value, t["The error has been logged. Try again in a moment."].Value),
            _ => (t["Something went wrong"].Value, t["The request could not be handled."].Value),
        };
    }
}
