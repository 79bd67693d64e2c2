using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entregent.Web.Pages.Members;

/// <summary>A member's public page, showing what the viewer may see (contact audiences applied by the use case).</summary>
public sealed class ProfileModel(EntregentDb db, ProfileCache cache, NetworkGraph network, MarkdownRenderer markdown) : PageModel
{
    public MemberView Profile { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string handle, CancellationToken cancellationToken)
    {
        var outcome = await ViewProfile.ExecuteAsync(db, cache, network, handle, User.MemberId(), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }
        Profile = outcome.Value!;
        if (!string.Equals(handle, Profile.Handle, StringComparison.Ordinal))
        {
            return RedirectPermanent("/in/" + Profile.Handle);
        }
        ViewData["Description"] = string.IsNullOrEmpty(Profile.Headline) ? markdown.ToPlainText(Profile.Summary, 160) : Profile.Headline;
        return Page();
    }
}
