using Entregent.Web.Data;
using Entregent.Web.Features.Watches;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Watches;

/// <summary>One of my watches: its recent matches (as I may see them now), the edit form, and delete.</summary>
[Authorize]
public sealed class ShowModel(EntregentDb db, NetworkGraph network, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public IndexModel.WatchInput Input { get; set; } = new();

    public WatchMatches.Result? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var watch = Result!.Watch;
        Input = new IndexModel.WatchInput { Name = watch.Name, Keywords = watch.Keywords, Exclusions = watch.Exclusions, Sources = [.. watch.Sources], Query = watch.Query };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var outcome = await SaveWatch.UpdateAsync(db, User.RequiredMemberId(), id,
            new SaveWatch.Request(null, Input.Name, Input.Keywords, Input.Exclusions, Input.Sources, Input.Query), cancellationToken);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = t["Watch saved."].Value;
            return LocalRedirect($"/watches/{id}");
        }
        if (outcome.Failure!.Kind == FailureKind.NotFound)
        {
            return NotFound();
        }
        ModelState.AddFailure(outcome.Failure, t);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        var outcome = await ListWatches.DeleteAsync(db, User.RequiredMemberId(), id, cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }
        TempData["Notice"] = t["Watch deleted."].Value;
        return LocalRedirect("/watches");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var outcome = await WatchMatches.ExecuteAsync(db, network, User.RequiredMemberId(), id, cancellationToken);
        Result = outcome.Value;
        return outcome.Succeeded;
    }
}
