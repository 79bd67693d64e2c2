using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.MyProfile;

/// <summary>Change or delete one position. Deleting asks first, on its own page state (no script needed).</summary>
[Authorize]
public sealed class EditPositionModel(EntregentDb db, Entregent.Web.Network.NetworkGraph network, TimeProvider time, IStringLocalizer<SharedResource> t) : PositionPageModel
{
    public long Id { get; private set; }

    public bool ConfirmingDelete { get; private set; }

    /// <summary>What is being deleted, in words, for the confirmation.</summary>
    public string Summary { get; private set; } = "";

    public Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) => LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnGetDeleteAsync(long id, CancellationToken cancellationToken)
    {
        ConfirmingDelete = true;
        return await LoadAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        Id = id;
        var outcome = await ManagePositions.UpdateAsync(db, network, User.RequiredMemberId(), id, Input.ToRequest(), time, cancellationToken);
        if (!outcome.Succeeded)
        {
            if (outcome.Failure!.Kind == FailureKind.NotFound)
            {
                return NotFound();
            }
            ModelState.AddFailure(outcome.Failure!, t);
            return Page();
        }
        TempData["Notice"] = t["Position saved: {0} at {1}.", outcome.Value!.Title, outcome.Value.Organization.Name].Value;
        return LocalRedirect("/me");
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        var outcome = await ManagePositions.DeleteAsync(db, User.RequiredMemberId(), id, time, cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }
        TempData["Notice"] = t["The position has been deleted."].Value;
        return LocalRedirect("/me");
    }

    private async Task<IActionResult> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var mine = await ViewProfile.MineAsync(db, User.RequiredMemberId(), cancellationToken);
        var position = mine.Value?.Profile.Positions.FirstOrDefault(p => p.Id == id);
        if (position is null)
        {
            return NotFound();
        }
        Id = id;
        Input = PositionInput.From(position);
        Summary = t["{0} at {1}", position.Title, position.Organization.Name];
        return Page();
    }
}
