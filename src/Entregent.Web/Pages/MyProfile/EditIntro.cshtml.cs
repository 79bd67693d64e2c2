using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.MyProfile;

[Authorize]
public sealed class EditIntroModel(EntregentDb db, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class InputModel
    {
        public string? DisplayName { get; set; }
        public string? Handle { get; set; }
        public string? Headline { get; set; }
        public string? Summary { get; set; }
        public string? Location { get; set; }
        public string? Industry { get; set; }

        /// <summary>Comma-separated in the form; a list in the use case.</summary>
        public string? Languages { get; set; }

        /// <summary>The profile version the form was loaded from: a save over someone else's change is refused.</summary>
        public int Version { get; set; }
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
        var mine = outcome.Value!;
        var p = mine.Profile;
        Input = new InputModel
        {
            DisplayName = p.DisplayName,
            Handle = p.Handle,
            Headline = p.Headline,
            Summary = p.Summary,
            Location = p.Location,
            Industry = p.Industry,
            Languages = string.Join(", ", p.Languages),
            Version = mine.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Empty boxes clear their field: the use case reads "" as "clear" and null as "leave alone".
        var request = new EditProfile.Request(
            Handle: Input.Handle ?? "",
            DisplayName: Input.DisplayName ?? "",
            Headline: Input.Headline ?? "",
            Summary: Input.Summary ?? "",
            Location: Input.Location ?? "",
            Industry: Input.Industry ?? "",
            Languages: (Input.Languages ?? "").Split([',', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        var outcome = await EditProfile.ExecuteAsync(db, User.RequiredMemberId(), request, Input.Version, time, cancellationToken);
        if (!outcome.Succeeded)
        {
            await Forms.AddProfileFailureAsync(ModelState, outcome.Failure!, t, db, User.RequiredMemberId(), v => Input.Version = v, cancellationToken);
            return Page();
        }
        TempData["Notice"] = t["Your introduction has been saved."].Value;
        return LocalRedirect("/me");
    }
}
