using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.MyProfile;

[Authorize]
public sealed class NewEducationModel(EntregentDb db, TimeProvider time, IStringLocalizer<SharedResource> t) : EducationPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ToRequest(t) is not { } request)
        {
            return Page();
        }
        var outcome = await ManageEducation.AddAsync(db, User.RequiredMemberId(), request, time, cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddFailure(outcome.Failure!, t);
            return Page();
        }
        TempData["Notice"] = t["Education added: {0}.", outcome.Value!.School.Name].Value;
        return LocalRedirect("/me");
    }
}
