using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entregent.Web.Pages.MyProfile;

/// <summary>My profile as others see it, with an edit button on every section.</summary>
[Authorize]
public sealed class IndexModel(EntregentDb db) : PageModel
{
    public MyProfileView Mine { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await ViewProfile.MineAsync(db, User.RequiredMemberId(), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }
        Mine = outcome.Value!;
        return Page();
    }
}
