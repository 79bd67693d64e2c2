using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Groups;

/// <summary>For managers: the requests to decide, and the bans to lift.</summary>
[Authorize]
public sealed class RequestsModel(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time, IStringLocalizer<SharedResource> t)
    : GroupPageModel(db, markdown, time, t)
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "bp")]
    public int BansPageNumber { get; set; } = 1;

    public ListMembers.Page Requests { get; private set; } = null!;

    public ListMembers.Page Bans { get; private set; } = null!;

    public PagerView RequestsPager(string label) =>
        new(Requests.PageNumber, Requests.PageSize, Requests.Total, p => $"/groups/{Group.Slug}/requests?p={PagerView.Number(p)}", label);

    public PagerView BansPager(string label) =>
        new(Bans.PageNumber, Bans.PageSize, Bans.Total, p => $"/groups/{Group.Slug}/requests?bp={PagerView.Number(p)}", label);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(string slug, string? handle, CancellationToken cancellationToken) =>
        ActAsync(slug, DecideJoinRequest.ApproveAsync(Db, network, Time, Me, slug, handle ?? "", cancellationToken), _ => T["Request approved."], cancellationToken);

    public Task<IActionResult> OnPostDeclineRequestAsync(string slug, string? handle, CancellationToken cancellationToken) =>
        ActAsync(slug, DecideJoinRequest.DeclineAsync(Db, network, Me, slug, handle ?? "", cancellationToken), _ => T["Request declined."], cancellationToken);

    public Task<IActionResult> OnPostUnbanAsync(string slug, string? handle, CancellationToken cancellationToken) =>
        ActAsync(slug, ManageMembers.UnbanAsync(Db, network, Me, slug, handle ?? "", cancellationToken), _ => T["Ban lifted."], cancellationToken);

    /// <summary>Only managers see this page; anyone else gets "not found", as for a page that does not exist.</summary>
    protected override async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadGroupAsync(slug, cancellationToken) || !Group.CanModerate)
        {
            return false;
        }
        var requests = await ListMembers.ModerationAsync(Db, network, Me, slug, GroupMembershipState.Requested, Math.Max(1, PageNumber), cancellationToken);
        var bans = await ListMembers.ModerationAsync(Db, network, Me, slug, GroupMembershipState.Banned, Math.Max(1, BansPageNumber), cancellationToken);
        if (!requests.Succeeded || !bans.Succeeded)
        {
            return false;
        }
        Requests = requests.Value!;
        Bans = bans.Value!;
        return true;
    }
}
