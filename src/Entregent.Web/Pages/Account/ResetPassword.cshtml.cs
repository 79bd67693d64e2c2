using Entregent.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Account;

/// <summary>The link from the reset mail: choose a new password. The address and code travel as hidden fields.</summary>
[EnableRateLimiting(AccountEndpoints.RateLimitPolicy)]
public sealed class ResetPasswordModel(UserManager<Member> users, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class InputModel
    {
        public string? Email { get; set; }
        public string? Code { get; set; }
        public string? NewPassword { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Done { get; private set; }

    public void OnGet(string? email, string? code)
    {
        Input.Email = email;
        Input.Code = code;
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(code))
        {
            ModelState.AddModelError(string.Empty, t["This reset link is invalid or has expired."]);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await ResetPassword.ExecuteAsync(new ResetPassword.Request(Input.Email, Input.Code, Input.NewPassword), users, cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddFailure(outcome.Failure!, t, "Input", "code");
            return Page();
        }
        Done = true;
        return Page();
    }
}
