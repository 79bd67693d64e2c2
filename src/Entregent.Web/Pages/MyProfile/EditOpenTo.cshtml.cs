using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.MyProfile;

[Authorize]
public sealed class EditOpenToModel(EntregentDb db, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class InputModel
    {
        public List<OpenTo> OpenTo { get; set; } = [];
        public int Version { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public static IReadOnlyList<OpenTo> Choices { get; } = Enum.GetValues<OpenTo>().Where(f => f != OpenTo.None).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await ViewProfile.MineAsync(db, User.RequiredMemberId(), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }
        Input = new InputModel { OpenTo = [.. outcome.Value!.Profile.OpenTo], Version = outcome.Value.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var request = new EditProfile.Request(OpenTo: Input.OpenTo);
        var outcome = await EditProfile.ExecuteAsync(db, User.RequiredMemberId(), request, Input.Version, time, cancellationToken);
        if (!outcome.Succeeded)
        {
            await Forms.AddProfileFailureAsync(ModelState, outcome.Failure!, t, db, User.RequiredMemberId(), v => Input.Version = v, cancellationToken);
            return Page();
        }
        TempData["Notice"] = t["Saved: what you are open to."].Value;
        return LocalRedirect("/me");
    }
}
