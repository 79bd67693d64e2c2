using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.MyProfile;

[Authorize]
public sealed class SkillsModel(EntregentDb db, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class InputModel
    {
        /// <summary>One skill a line; the order is kept.</summary>
        public string? Skills { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await ViewProfile.MineAsync(db, User.RequiredMemberId(), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }
        Input.Skills = string.Join("\n", outcome.Value!.Profile.Skills);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var skills = (Input.Skills ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var outcome = await SetSkills.ExecuteAsync(db, User.RequiredMemberId(), new SetSkills.Request(skills), time, cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddFailure(outcome.Failure!, t);
            return Page();
        }
        TempData["Notice"] = t["Your skills have been saved."].Value;
        return LocalRedirect("/me");
    }
}
