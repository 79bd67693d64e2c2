using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.MyProfile;

/// <summary>Change or delete one education entry; deleting asks first.</summary>
[Authorize]
public sealed class EditEducationModel(EntregentDb db, TimeProvider time, IStringLocalizer<SharedResource> t) : EducationPageModel
{
    public long Id { get; private set; }

    public bool ConfirmingDelete { get; private set; }

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
        if (ToRequest(t) is not { } request)
        {
            return Page();
        }
        var outcome = await ManageEducation.UpdateAsync(db, User.RequiredMemberId(), id, request, time, cancellationToken);
        if (!outcome.Succeeded)
        {
            if (outcome.Failure!.Kind == FailureKind.NotFound)
            {
                return NotFound();
            }
            ModelState.AddFailure(outcome.Failure!, t);
            return Page();
        }
        TempData["Notice"] = t["Education saved: {0}.", outcome.Value!.School.Name].Value;
        return LocalRedirect("/me");
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        var outcome = await ManageEducation.DeleteAsync(db, User.RequiredMemberId(), id, time, cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }
        TempData["Notice"] = t["The education entry has been deleted."].Value;
        return LocalRedirect("/me");
    }

    private async Task<IActionResult> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var mine = await ViewProfile.MineAsync(db, User.RequiredMemberId(), cancellationToken);
        var entry = mine.Value?.Profile.Education.FirstOrDefault(e => e.Id == id);
        if (entry is null)
        {
            return NotFound();
        }
        Id = id;
        Input = EducationInput.From(entry);
        Summary = entry.School.Name;
        return Page();
    }
}
