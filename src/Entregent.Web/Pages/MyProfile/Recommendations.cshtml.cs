using Entregent.Web.Data;
using Entregent.Web.Features.Recommendations;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.MyProfile;

/// <summary>My recommendations: received (approve, decline, hide, show), requests to write, and those I gave.</summary>
[Authorize]
public sealed class RecommendationsModel(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Box { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public ListRecommendations.Page List { get; private set; } = null!;

    public string Current => Box ?? "received";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await ListRecommendations.MineAsync(db, network, markdown, User.RequiredMemberId(), Box, PageNumber, cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }
        List = outcome.Value!;
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(me => DecideRecommendation.ApproveAsync(db, network, markdown, time, me, id, cancellationToken), t["Recommendation approved: it is on your profile."], cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(me => DecideRecommendation.DeclineAsync(db, network, markdown, time, me, id, cancellationToken), t["Declined."], cancellationToken);

    public Task<IActionResult> OnPostHideAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(me => DecideRecommendation.HideAsync(db, network, markdown, time, me, id, cancellationToken), t["Recommendation hidden from your profile."], cancellationToken);

    public Task<IActionResult> OnPostShowAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(me => DecideRecommendation.ShowAsync(db, network, markdown, time, me, id, cancellationToken), t["Recommendation shown on your profile again."], cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(me => DecideRecommendation.WithdrawAsync(db, network, me, id, cancellationToken), t["Recommendation withdrawn."], cancellationToken);

    private async Task<IActionResult> ActAsync<T>(Func<long, Task<Outcome<T>>> action, string notice, CancellationToken cancellationToken)
    {
        var outcome = await action(User.RequiredMemberId());
        if (!outcome.Succeeded)
        {
            ModelState.AddFailure(outcome.Failure!, t, hiddenFields: ["status"]);
            return await OnGetAsync(cancellationToken);
        }
        TempData["Notice"] = notice;
        return LocalRedirect(Box is null ? "/me/recommendations" : "/me/recommendations?box=" + Uri.EscapeDataString(Box));
    }
}
