using Entregent.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entregent.Web.Pages.Account;

/// <summary>Signing out is a POST (a link or an image elsewhere must not sign anyone out); GET shows the button.</summary>
public sealed class SignOutModel(SignInManager<Member> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
