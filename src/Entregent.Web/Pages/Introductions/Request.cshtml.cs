using Entregent.Web.Data;
using Entregent.Web.Features.Introductions;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Pages.Introductions;

/// <summary>Ask for an introduction: the proposed paths with their reasons, the intermediary to ask (strongest preselected), a message.</summary>
[Authorize]
public sealed class RequestModel(EntregentDb db, NetworkGraph network, IntroductionEmails emails, IOptions<IntroductionOptions> options,
    TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class RequestInput
    {
        public string? Through { get; set; }
        public string? Message { get; set; }
    }

    [BindProperty]
    public RequestInput Input { get; set; } = new();

    public FindIntroductionPaths.PathsView Paths { get; private set; } = null!;

    /// <summary>The intermediaries to choose from: the first person of each path, once each.</summary>
    public IReadOnlyList<MemberCard> Intermediaries => Paths.Paths.Select(p => p.Intermediaries[0]).DistinctBy(c => c.Handle).ToList();

    public async Task<IActionResult> OnGetAsync(string handle, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(handle, cancellationToken))
        {
            return NotFound();
        }
        Input.Through = Intermediaries.Count > 0 ? Intermediaries[0].Handle : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string handle, CancellationToken cancellationToken)
    {
        var outcome = await RequestIntroduction.ExecuteAsync(db, network, emails, options, time, User.RequiredMemberId(),
            new RequestIntroduction.Request(handle, Input.Through, Input.Message), cancellationToken);
        if (!outcome.Succeeded)
        {
            if (!await LoadAsync(handle, cancellationToken))
            {
                return NotFound();
            }
            ModelState.AddFailure(outcome.Failure!, t, hiddenFields: ["to", "through"]);
            return Page();
        }
        TempData["Notice"] = t["Your request was sent to {0}.", outcome.Value!.Intermediary.DisplayName].Value;
        return LocalRedirect($"/introductions/{outcome.Value.Id}");
    }

    private async Task<bool> LoadAsync(string handle, CancellationToken cancellationToken)
    {
        var paths = await FindIntroductionPaths.ExecuteAsync(db, network, User.RequiredMemberId(), handle, cancellationToken);
        Paths = paths.Value!;
        return paths.Succeeded;
    }
}
