using Entregent.Web.Data;
using Entregent.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Account;

/// <summary>
/// The link from the confirmation mail lands here and confirms at once (the code is single-purpose and only the
/// mailbox's owner has it). Without a valid code the page offers to send the mail again.
/// </summary>
[EnableRateLimiting(AccountEndpoints.RateLimitPolicy)]
public sealed class ConfirmEmailModel(UserManager<Member> users, EntregentDb db, AccountEmails emails, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class InputModel
    {
        public string? Email { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Confirmed { get; private set; }
    public bool Sent { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(long? member, string? code, CancellationToken cancellationToken)
    {
        if (member is null && code is null)
        {
            // "Send it again" from a signed-in page: the address is known.
            if (User.Identity?.IsAuthenticated == true)
            {
                Input.Email = (await users.GetUserAsync(User))?.Email;
            }
            return;
        }
        var outcome = await ConfirmEmail.ExecuteAsync(new ConfirmEmail.Request(member ?? 0, code), users, cancellationToken);
        Confirmed = outcome.Succeeded;
        Problem = outcome.Succeeded ? null : Forms.Translate(t, outcome.Failure!.Detail);
    }

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = new Infrastructure.FieldErrors();
        errors.Email("email", Input.Email, required: true);
        if (errors.Any)
        {
            ModelState.AddFailure(errors.ToFailure(), t);
            return;
        }
        await ConfirmEmail.ResendAsync(new ConfirmEmail.ResendRequest(Input.Email), users, db, emails, AccountEndpoints.BaseUrl(Request), cancellationToken);
        Sent = true;
    }
}
