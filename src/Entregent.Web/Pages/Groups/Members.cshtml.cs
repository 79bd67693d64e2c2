using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Groups;

/// <summary>The members of a group, owners and managers first; managers remove and ban, owners change roles.</summary>
[Authorize]
public sealed class MembersModel(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time, IStringLocalizer<SharedResource> t)
    : GroupPageModel(db, markdown, time, t)
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ListMembers.Page List { get; private set; } = null!;

    public string? MyHandle { get; private set; }

    public PagerView Pager(string label) =>
        new(List.PageNumber, List.PageSize, List.Total, p => $"/groups/{Group.Slug}/members?p={PagerView.Number(p)}", label);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadGroupAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        if (!Group.CanReadPosts)
        {
            // The group's page says who may see its members; this one has nothing more to show.
            return LocalRedirect($"/groups/{Group.Slug}/about");
        }
        return await LoadAsync(slug, cancellationToken) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostRoleAsync(string slug, string? handle, GroupRole? role, CancellationToken cancellationToken) =>
        ActAsync(slug, ManageMembers.SetRoleAsync(Db, network, Me, slug, handle ?? "", new ManageMembers.RoleRequest(role), cancellationToken),
            _ => T["Role changed."], cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(string slug, string? handle, CancellationToken cancellationToken) =>
        ActAsync(slug, ManageMembers.RemoveAsync(Db, network, Me, slug, handle ?? "", cancellationToken), _ => T["Member removed."], cancellationToken);

    public Task<IActionResult> OnPostBanAsync(string slug, string? handle, CancellationToken cancellationToken) =>
        ActAsync(slug, ManageMembers.BanAsync(Db, network, Time, Me, slug, handle ?? "", cancellationToken), _ => T["Member banned."], cancellationToken);

    protected override async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadGroupAsync(slug, cancellationToken))
        {
            return false;
        }
        var me = Me;
        MyHandle = await Db.Profiles.AsNoTracking().Where(p => p.MemberId == me).Select(p => p.Handle).FirstOrDefaultAsync(cancellationToken);
        var list = await ListMembers.MembersAsync(Db, network, me, slug, Math.Max(1, PageNumber), cancellationToken);
        List = list.Value ?? new ListMembers.Page([], 0, 1, ListMembers.PageSize);
        return true;
    }
}
