using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.MyProfile;

[Authorize]
public sealed class NewPositionModel(EntregentDb db, Entregent.Web.Network.NetworkGraph network, TimeProvider time, IStringLocalizer<SharedResource> t) : PositionPageModel
{
    public void OnGet() => Input.Current = true;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await ManagePositions.AddAsync(db, network, User.RequiredMemberId(), Input.ToRequest(), time, cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddFailure(outcome.Failure!, t);
            return Page();
        }
        TempData["Notice"] = t["Position added: {0} at {1}.", outcome.Value!.Title, outcome.Value.Organization.Name].Value;
        return LocalRedirect("/me");
    }
}
