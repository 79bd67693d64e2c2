using Entregent.Web.Data;
using Entregent.Web.Features.Introductions;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entregent.Web.Pages.Introductions;

/// <summary>My introductions: those waiting for me, those I asked for, or all, newest first.</summary>
[Authorize]
public sealed class IndexModel(EntregentDb db, NetworkGraph network) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Box { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ListIntroductions.Page List { get; private set; } = null!;

    public int ToActCount { get; private set; }

    public string Current => Box ?? "toAct";

    public static string Link(string box) => box == "toAct" ? "/introductions" : "/introductions?box=" + box;

    public PagerView Pager(string label) =>
        new(List.PageNumber, List.PageSize, List.Total, p => Link(Current) + (Current == "toAct" ? "?" : "&") + "p=" + PagerView.Number(p), label);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.RequiredMemberId();
        var list = await ListIntroductions.ExecuteAsync(db, network, me, Current, Math.Max(1, PageNumber), cancellationToken);
        if (!list.Succeeded)
        {
            return NotFound();
        }
        List = list.Value!;
        ToActCount = Current == "toAct" ? List.Total : await ListIntroductions.ToActCountAsync(db, me, cancellationToken);
        return Page();
    }
}
