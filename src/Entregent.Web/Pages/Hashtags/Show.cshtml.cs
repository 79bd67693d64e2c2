using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Features.Posts;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Hashtags;

/// <summary>A hashtag's posts that the viewer may read, and following it.</summary>
[Authorize]
public sealed class ShowModel(EntregentDb db, NetworkGraph network, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public string Tag { get; private set; } = "";

    public bool Following { get; private set; }

    public PostPage Posts { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    public async Task<IActionResult> OnGetAsync(string tag, CancellationToken cancellationToken)
    {
        if (MarkdownRenderer.FoldHashtag(tag) is not { } folded)
        {
            return NotFound();
        }
        var page = await ListPosts.HashtagAsync(db, network, User.RequiredMemberId(), folded, Before, cancellationToken);
        if (!page.Succeeded)
        {
            return NotFound();
        }
        Tag = folded;
        Posts = page.Value!;
        Following = await FollowHashtag.IsFollowingAsync(db, User.RequiredMemberId(), folded, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostFollowAsync(string tag, CancellationToken cancellationToken)
    {
        var outcome = await FollowHashtag.FollowAsync(db, time, User.RequiredMemberId(), tag, cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }
        TempData["Notice"] = t["You follow #{0}.", outcome.Value!.Tag].Value;
        return LocalRedirect($"/hashtags/{Uri.EscapeDataString(outcome.Value.Tag)}");
    }

    public async Task<IActionResult> OnPostUnfollowAsync(string tag, CancellationToken cancellationToken)
    {
        await FollowHashtag.UnfollowAsync(db, User.RequiredMemberId(), tag, cancellationToken);
        var folded = MarkdownRenderer.FoldHashtag(tag) ?? "";
        TempData["Notice"] = t["You no longer follow #{0}.", folded].Value;
        return LocalRedirect($"/hashtags/{Uri.EscapeDataString(folded)}");
    }
}
