using Entregent.Web.Data;
using Entregent.Web.Features.Connections;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entregent.Web.Pages.Members;

/// <summary>A member's connections as the viewer may see them: only the shared ones when the member hides the list.</summary>
[Authorize]
public sealed class ConnectionsModel(EntregentDb db, ProfileCache cache, NetworkGraph network) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public MemberView Profile { get; private set; } = null!;

    public ListConnections.Page List { get; private set; } = null!;

    public bool IsMine => Profile.Relation == ViewerRelation.Self;

    public async Task<IActionResult> OnGetAsync(string handle, CancellationToken cancellationToken)
    {
        var me = User.RequiredMemberId();
        var profile = await ViewProfile.ExecuteAsync(db, cache, network, handle, me, cancellationToken);
        var list = await ListConnections.OfAsync(db, network, me, handle, Math.Max(1, PageNumber), cancellationToken);
        if (!profile.Succeeded || !list.Succeeded)
        {
            return NotFound();
        }
        Profile = profile.Value!;
        List = list.Value!;
        return Page();
    }

    public PagerView Pager(string label) =>
        new(List.PageNumber, List.PageSize, List.Total,
            p => "/in/" + Uri.EscapeDataString(Profile.Handle) + "/connections?p=" + PagerView.Number(p), label);
}
