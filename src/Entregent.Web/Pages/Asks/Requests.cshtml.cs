using Entregent.Web.Data;
using Entregent.Web.Features.Asks;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Asks;

/// <summary>The asks my connections sent me: what they look for, the people I know who may fit, and my answer.</summary>
[Authorize]
public sealed class RequestsModel(EntregentDb db, NetworkGraph network, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<ReceivedAskRequest> Received { get; private set; } = [];

    /// <summary>The request whose form failed, so its error shows beside it.</summary>
    public long? Failed { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Received = await AnswerAskRequest.InboxAsync(db, network, User.RequiredMemberId(), cancellationToken);

    public Task<IActionResult> OnPostForwardAsync(long id, string? candidate, string? note, CancellationToken cancellationToken) =>
        ActAsync(id, AnswerAskRequest.ForwardAsync(db, network, time, User.RequiredMemberId(), id, new AnswerAskRequest.ForwardRequest(candidate, note), cancellationToken),
            r => t["You forwarded the ask of {0} to {1}.", r.Owner.DisplayName, r.Suggested?.DisplayName ?? ""], cancellationToken);

    public Task<IActionResult> OnPostSuggestAsync(long id, string? member, string? note, CancellationToken cancellationToken) =>
        ActAsync(id, AnswerAskRequest.SuggestAsync(db, network, time, User.RequiredMemberId(), id, new AnswerAskRequest.SuggestRequest(member, note), cancellationToken),
            r => t["You suggested {0} to {1}.", r.Suggested?.DisplayName ?? "", r.Owner.DisplayName], cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(long id, string? note, CancellationToken cancellationToken) =>
        ActAsync(id, AnswerAskRequest.DeclineAsync(db, network, time, User.RequiredMemberId(), id, new AnswerAskRequest.DeclineRequest(note), cancellationToken),
            r => t["You declined the ask of {0}.", r.Owner.DisplayName], cancellationToken);

    private async Task<IActionResult> ActAsync(long id, Task<Outcome<ReceivedAskRequest>> action, Func<ReceivedAskRequest, string> notice,
        CancellationToken cancellationToken)
    {
        var outcome = await action;
        if (outcome.Succeeded)
        {
            TempData["Notice"] = notice(outcome.Value!);
            return LocalRedirect($"/asks/requests#request-{id}");
        }
        if (outcome.Failure!.Kind == FailureKind.NotFound && outcome.Failure.Errors is null)
        {
            return NotFound();
        }
        Failed = id;
        ModelState.AddFailure(outcome.Failure, t, prefix: "", hiddenFields: ["candidate", "member", "note", "status"]);
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
