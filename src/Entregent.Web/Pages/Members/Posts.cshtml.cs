using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Features.Posts;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entregent.Web.Pages.Members;

/// <summary>A member's activity: their posts and articles that the viewer may read, newest first.</summary>
[Authorize]
public sealed class PostsModel(EntregentDb db, NetworkGraph network) : PageModel
{
    public MemberCard Member { get; private set; } = null!;

    public PostPage Posts { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    public async Task<IActionResult> OnGetAsync(string handle, CancellationToken cancellationToken)
    {
        var me = User.RequiredMemberId();
        var found = await VisibleMembers.FindAsync(db, network, me, handle, cancellationToken);
        if (!found.Succeeded)
        {
            return NotFound();
        }
        var page = await ListPosts.MemberAsync(db, network, me, handle, Before, cancellationToken);
        if (!page.Succeeded)
        {
            return NotFound();
        }
        Member = (await MemberCards.LoadAsync(db, network, me, [found.Value], cancellationToken))[found.Value];
        Posts = page.Value!;
        return Page();
    }
}
