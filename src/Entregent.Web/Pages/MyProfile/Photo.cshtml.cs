using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Imaging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.MyProfile;

[Authorize]
public sealed class PhotoModel(EntregentDb db, TimeProvider time, Uploads uploads, IStringLocalizer<SharedResource> t) : PageModel
{
    public MemberView Profile { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var memberId = User.RequiredMemberId();
        await using var upload = await Uploads.ReadAsync(Request, cancellationToken);
        var outcome = await SetPhoto.ExecuteAsync(db, memberId, upload, uploads, time, cancellationToken);
        if (!outcome.Succeeded)
        {
            // The file input is named "photo", like the API's field, so the error lands next to it.
            ModelState.AddFailure(outcome.Failure!, t, prefix: "");
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }
        TempData["Notice"] = t["Your photo has been updated."].Value;
        return LocalRedirect("/me");
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        await SetPhoto.RemoveAsync(db, User.RequiredMemberId(), time, cancellationToken);
        TempData["Notice"] = t["Your photo has been removed."].Value;
        return LocalRedirect("/me");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var outcome = await ViewProfile.MineAsync(db, User.RequiredMemberId(), cancellationToken);
        if (!outcome.Succeeded)
        {
            return false;
        }
        Profile = outcome.Value!.Profile;
        return true;
    }
}
