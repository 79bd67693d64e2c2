using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.MyProfile;

[Authorize]
public sealed class EditContactModel(EntregentDb db, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class InputModel
    {
        public string? ContactEmail { get; set; }
        public Audience? ContactEmailAudience { get; set; }
        public string? Phone { get; set; }
        public Audience? PhoneAudience { get; set; }
        public string? Website { get; set; }
        public Audience? WebsiteAudience { get; set; }
        public int Version { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string AccountEmail { get; private set; } = "";

    public IEnumerable<SelectListItem> Audiences =>
        Enum.GetValues<Audience>().Select(a => new SelectListItem(Display.Audience(t, a), a.ToString()));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await ViewProfile.MineAsync(db, User.RequiredMemberId(), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }
        var mine = outcome.Value!;
        AccountEmail = mine.Email;
        Input = new InputModel
        {
            ContactEmail = mine.Profile.Contact.Email,
            ContactEmailAudience = mine.ContactEmailAudience,
            Phone = mine.Profile.Contact.Phone,
            PhoneAudience = mine.PhoneAudience,
            Website = mine.Profile.Contact.Website,
            WebsiteAudience = mine.WebsiteAudience,
            Version = mine.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var request = new EditProfile.Request(
            ContactEmail: Input.ContactEmail ?? "",
            ContactEmailAudience: Input.ContactEmailAudience,
            Phone: Input.Phone ?? "",
            PhoneAudience: Input.PhoneAudience,
            Website: Input.Website ?? "",
            WebsiteAudience: Input.WebsiteAudience);
        var outcome = await EditProfile.ExecuteAsync(db, User.RequiredMemberId(), request, Input.Version, time, cancellationToken);
        if (!outcome.Succeeded)
        {
            await Forms.AddProfileFailureAsync(ModelState, outcome.Failure!, t, db, User.RequiredMemberId(), v => Input.Version = v, cancellationToken);
            return Page();
        }
        TempData["Notice"] = t["Your contact details have been saved."].Value;
        return LocalRedirect("/me");
    }
}
