using Entregent.Web.Data;
using Entregent.Web.Features.Connections;
using Entregent.Web.Features.Introductions;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Pages.Introductions;

/// <summary>One introduction: the people, the timeline with the notes, and the forms for what the viewer may do now.</summary>
[Authorize]
public sealed class ShowModel(EntregentDb db, NetworkGraph network, IntroductionEmails emails, IOptions<NetworkOptions> networkOptions,
    TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public IntroductionView Introduction { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostForwardAsync(long id, string? note, CancellationToken cancellationToken) =>
        ActAsync(id, AnswerIntroduction.ForwardAsync(db, network, emails, time, Me, id, new(note), cancellationToken), t["Forwarded. Thank you!"], cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(long id, string? note, CancellationToken cancellationToken) =>
        ActAsync(id, AnswerIntroduction.DeclineAsync(db, network, emails, time, Me, id, new(note), cancellationToken), t["Introduction declined."], cancellationToken);

    public Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, AnswerIntroduction.AcceptAsync(db, network, emails, time, Me, id, cancellationToken), t["Introduction accepted: a conversation is open."], cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, AnswerIntroduction.WithdrawAsync(db, network, time, Me, id, cancellationToken), t["Request withdrawn."], cancellationToken);

    /// <summary>After acceptance, requester and target may connect, saying they met through the introduction.</summary>
    public async Task<IActionResult> OnPostConnectAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var other = Introduction.Role == "requester" ? Introduction.Target : Introduction.Requester;
        return await ActAsync(id, SendInvitation.ExecuteAsync(db, network, networkOptions, time, Me,
            new SendInvitation.Request(other.Handle, Context: HowMet.Introduction), cancellationToken), t["Invitation sent to {0}.", other.DisplayName], cancellationToken);
    }

    private long Me => User.RequiredMemberId();

    private async Task<IActionResult> ActAsync<T>(long id, Task<Outcome<T>> action, string notice, CancellationToken cancellationToken)
    {
        var outcome = await action;
        if (!outcome.Succeeded)
        {
            if (!await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }
            ModelState.AddFailure(outcome.Failure!, t, prefix: "", hiddenFields: ["status", "to"]);
            return Page();
        }
        TempData["Notice"] = notice;
        return LocalRedirect($"/introductions/{id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var outcome = await ViewIntroduction.ExecuteAsync(db, network, Me, id, cancellationToken);
        Introduction = outcome.Value!;
        return outcome.Succeeded;
    }
}
