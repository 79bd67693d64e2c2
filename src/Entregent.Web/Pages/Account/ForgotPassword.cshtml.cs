using Entregent.Web.Features.Accounts;
using Entregent.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Account;

[EnableRateLimiting(AccountEndpoints.RateLimitPolicy)]
public sealed class ForgotPasswordModel(UserManager<Member> users, AccountEmails emails, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class InputModel
    {
        public string? Email { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Email("email", Input.Email, required: true);
        if (errors.Any)
        {
            ModelState.AddFailure(errors.ToFailure(), t);
            return;
        }
        // The same answer whether or not the address has an account.
        await ResetPassword.StartAsync(new ResetPassword.StartRequest(Input.Email), users, emails, AccountEndpoints.BaseUrl(Request), cancellationToken);
        Sent = true;
    }
}
