using Entregent.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Account;

[EnableRateLimiting(AccountEndpoints.RateLimitPolicy)]
public sealed class SignInModel(UserManager<Member> users, SignInManager<Member> signIn, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class InputModel
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public bool RememberMe { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(Target) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await IssueToken.CheckPasswordAsync(Input.Email, Input.Password, users, signIn);
        if (!outcome.Succeeded)
        {
            // Wrong credentials name no field: saying which one was wrong would tell who has an account.
            ModelState.AddModelError(string.Empty, Forms.Translate(t, outcome.Failure!.Detail));
            return Page();
        }
        await signIn.SignInAsync(outcome.Value!, isPersistent: Input.RememberMe);
        return LocalRedirect(Target);
    }

    private string Target => Forms.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
