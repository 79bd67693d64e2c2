using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.MyProfile;

/// <summary>Network privacy: whether others see my connection list, who may open my profile, whether search finds me.</summary>
[Authorize]
public sealed class PrivacyModel(EntregentDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class InputModel
    {
        public bool HideConnections { get; set; }
        public ProfileReach Reach { get; set; }
        public bool OptedOutOfDirectory { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public static IReadOnlyList<ProfileReach> Reaches { get; } = Enum.GetValues<ProfileReach>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await SetPrivacy.GetAsync(db, User.RequiredMemberId(), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }
        Input = new InputModel { HideConnections = outcome.Value!.HideConnections, Reach = outcome.Value.Reach, OptedOutOfDirectory = outcome.Value.OptedOutOfDirectory };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await SetPrivacy.ExecuteAsync(db, User.RequiredMemberId(),
            new SetPrivacy.Request(Input.HideConnections, Input.Reach, Input.OptedOutOfDirectory), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddFailure(outcome.Failure!, t);
            return Page();
        }
        TempData["Notice"] = t["Saved: your privacy settings."].Value;
        return LocalRedirect("/me");
    }
}
