using Entregent.Web.Data;
using Entregent.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Account;

[EnableRateLimiting(AccountEndpoints.RateLimitPolicy)]
public sealed class SignUpModel(UserManager<Member> users, SignInManager<Member> signIn, EntregentDb db, TimeProvider time, AccountEmails emails,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class InputModel
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Set once the account exists but must confirm its address before signing in.</summary>
    public string? AwaitingConfirmation { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect("/me") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await Register.ExecuteAsync(new Register.Request(Input.Email, Input.Password, Input.DisplayName), users, db, time, emails,
            AccountEndpoints.BaseUrl(Request), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddFailure(outcome.Failure!, t);
            return Page();
        }
        var member = outcome.Value.Member;
        if (!await signIn.CanSignInAsync(member))
        {
            AwaitingConfirmation = member.Email;
            return Page();
        }
        await signIn.SignInAsync(member, isPersistent: false);
        TempData["Notice"] = t["Welcome to Entregent! We sent you a link to confirm your e-mail address."].Value;
        return LocalRedirect("/");
    }
}
