using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Groups;

/// <summary>My groups, the invitations and requests that wait, and groups to discover (by name).</summary>
[Authorize]
public sealed class IndexModel(EntregentDb db, NetworkGraph network, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ListGroups.Mine Mine { get; private set; } = null!;

    public ListGroups.Page Discover { get; private set; } = null!;

    public PagerView Pager(string label) =>
        new(Discover.PageNumber, Discover.PageSize, Discover.Total,
            p => "/groups?" + (string.IsNullOrWhiteSpace(Q) ? "" : "q=" + Uri.EscapeDataString(Q) + "&") + "p=" + PagerView.Number(p), label);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.RequiredMemberId();
        Mine = await ListGroups.MineAsync(db, network, me, cancellationToken);
        var discover = await ListGroups.DiscoverAsync(db, me, Q, Math.Max(1, PageNumber), cancellationToken);
        if (!discover.Succeeded)
        {
            ModelState.AddFailure(discover.Failure!, t, prefix: "", hiddenFields: ["q", "page"]);
            Discover = new ListGroups.Page([], 0, 1, ListGroups.PageSize);
            return Page();
        }
        Discover = discover.Value!;
        return Page();
    }
}
