using Entregent.Web.Data;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Notifications;

/// <summary>My notification settings: the digest's frequency, and per kind whether it shows and whether it is e-mailed.</summary>
[Authorize]
public sealed class SettingsModel(EntregentDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public string Digest { get; set; } = "weekly";

    /// <summary>Kinds shown in the centre (the others are muted).</summary>
    [BindProperty]
    public List<string> Shown { get; set; } = [];

    /// <summary>Kinds carried by the digest (the others are kept out of it).</summary>
    [BindProperty]
    public List<string> Emailed { get; set; } = [];

    public static IReadOnlyList<NotificationKind> Kinds { get; } = Enum.GetValues<NotificationKind>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var settings = await NotificationPreferences.GetAsync(db, User.RequiredMemberId(), cancellationToken);
        Digest = settings.Digest.ToString().ToLowerInvariant();
        Shown = Kinds.Where(k => !settings.MutedKinds.Contains(k)).Select(NotificationPreferences.NameOf).ToList();
        Emailed = Kinds.Where(k => !settings.NotEmailedKinds.Contains(k)).Select(NotificationPreferences.NameOf).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var names = Kinds.Select(NotificationPreferences.NameOf).ToList();
        var request = new NotificationPreferences.Request(Digest, names.Except(Shown).ToList(), names.Except(Emailed).ToList());
        var outcome = await NotificationPreferences.SetAsync(db, User.RequiredMemberId(), request, cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddFailure(outcome.Failure!, t);
            return Page();
        }
        TempData["Notice"] = t["Notification settings saved."].Value;
        return LocalRedirect("/me/notifications");
    }
}
