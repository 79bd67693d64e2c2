using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.MyProfile;

/// <summary>My profile as others see it, with an edit button on every section, and the connections' open "still up to date?" flags.</summary>
[Authorize]
public sealed class IndexModel(EntregentDb db, NetworkGraph network, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public MyProfileView Mine { get; private set; } = null!;

    public IReadOnlyList<DetailsFlagView> Flags { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await ViewProfile.MineAsync(db, User.RequiredMemberId(), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }
        Mine = outcome.Value!;
        Flags = await FlagDetails.ListMineAsync(db, network, User.RequiredMemberId(), cancellationToken);
        return Page();
    }

    /// <summary>"Confirm as is": the section's last-confirmed date becomes today and its open flags are answered.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(string? section, CancellationToken cancellationToken)
    {
        var outcome = await FlagDetails.ConfirmAsync(db, time, User.RequiredMemberId(), section, cancellationToken);
        TempData["Notice"] = outcome.Succeeded ? t["Confirmed: your connections see it is up to date."].Value : outcome.Failure!.Detail;
        return LocalRedirect("/me");
    }

    public async Task<IActionResult> OnPostDismissAsync(long id, CancellationToken cancellationToken)
    {
        await FlagDetails.DismissAsync(db, time, User.RequiredMemberId(), id, cancellationToken);
        return LocalRedirect("/me");
    }

    public static string SectionLabel(IStringLocalizer t, ProfileSection section)
    {
        ArgumentNullException.ThrowIfNull(t);
        // The capitalised labels, lowered: the same words serve as headings and mid-sentence.
        var label = section switch
        {
            ProfileSection.Intro => t["Introduction"],
            ProfileSection.Contact => t["Contact"],
            ProfileSection.Skills => t["Skills"],
            ProfileSection.Education => t["Education"],
            _ => t["Experience"],
        };
        return label.Value.ToLower(System.Globalization.CultureInfo.CurrentCulture);
    }

    /// <summary>Where the owner updates the section a flag questions.</summary>
    public static string EditLink(DetailsFlagView flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        return flag.Section switch
        {
            ProfileSection.Intro => "/me/edit/intro",
            ProfileSection.Contact => "/me/edit/contact",
            ProfileSection.Skills => "/me/skills",
            ProfileSection.Education => "/me/education/new",
            _ => flag.PositionId is { } id ? $"/me/positions/{id}/edit" : "/me/positions/new",
        };
    }
}
