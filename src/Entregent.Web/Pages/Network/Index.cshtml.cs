using Entregent.Web.Data;
using Entregent.Web.Features.Connections;
using Entregent.Web.Features.Introductions;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Pages.Network;

/// <summary>
/// My network, one section at a time: invitations (received and sent), connections, people you may know, what I
/// follow, whom I blocked. Every action posts back here, calls the same use case as the API and redirects to the
/// section it came from; a refusal shows at the top of the section.
/// </summary>
[Authorize]
public sealed class IndexModel(EntregentDb db, NetworkGraph network, IOptions<NetworkOptions> options, TimeProvider time,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public static readonly string[] Sections = ["", "connections", "suggestions", "following", "blocked"];

    [BindProperty(SupportsGet = true)]
    public string? Section { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "sent")]
    public int SentPage { get; set; } = 1;

    public ListInvitations.Page? Received { get; private set; }
    public ListInvitations.Page? Sent { get; private set; }
    public ListConnections.Page? Connections { get; private set; }
    public IReadOnlyList<SuggestConnections.SuggestionView>? Suggestions { get; private set; }
    public IReadOnlyList<MemberCard>? FollowedMembers { get; private set; }
    public IReadOnlyList<FollowTarget.FollowView>? FollowedOrganizations { get; private set; }
    public IReadOnlyList<BlockMember.BlockedView>? Blocked { get; private set; }
    public int PendingCount { get; private set; }

    /// <summary>Introductions waiting for my answer, beside the link to them.</summary>
    public int IntroductionsToAct { get; private set; }

    public string Current => Section ?? "";

    public PagerView ConnectionsPager(string label) =>
        new(Connections!.PageNumber, Connections.PageSize, Connections.Total, p => "/network/connections?p=" + PagerView.Number(p), label);

    public PagerView ReceivedPager(string label) =>
        new(Received!.PageNumber, Received.PageSize, Received.Total,
            p => "/network?p=" + PagerView.Number(p) + "&sent=" + PagerView.Number(SentPage), label);

    public PagerView SentPager(string label) =>
        new(Sent!.PageNumber, Sent.PageSize, Sent.Total,
            p => "/network?p=" + PagerView.Number(PageNumber) + "&sent=" + PagerView.Number(p), label);

    public static string Link(string section) => section.Length == 0 ? "/network" : "/network/" + section;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Sections.Contains(Current, StringComparer.Ordinal))
        {
            return NotFound();
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(RespondToInvitation.AcceptAsync(db, network, options, time, Me, id, cancellationToken),
            v => t["You are now connected with {0}.", v.From.DisplayName], cancellationToken);

    public Task<IActionResult> OnPostIgnoreAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(RespondToInvitation.IgnoreAsync(db, network, time, Me, id, cancellationToken),
            v => t["Invitation from {0} ignored.", v.From.DisplayName], cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(RespondToInvitation.WithdrawAsync(db, time, Me, id, cancellationToken), _ => t["Invitation withdrawn."], cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(string handle, string? name, CancellationToken cancellationToken) =>
        ActAsync(ListConnections.RemoveAsync(db, network, Me, handle, cancellationToken),
            _ => t["{0} is no longer among your connections.", name ?? handle], cancellationToken);

    public Task<IActionResult> OnPostConnectAsync(string handle, CancellationToken cancellationToken) =>
        ActAsync(SendInvitation.ExecuteAsync(db, network, options, time, Me, new SendInvitation.Request(handle), cancellationToken),
            v => v.Status == InvitationStatus.Accepted
                ? t["You are now connected with {0}.", v.From.DisplayName]
                : t["Invitation sent to {0}.", v.To.DisplayName], cancellationToken);

    public Task<IActionResult> OnPostDismissAsync(string handle, string? name, CancellationToken cancellationToken) =>
        ActAsync(SuggestConnections.DismissAsync(db, network, time, Me, handle, cancellationToken),
            _ => t["{0} will not be suggested again.", name ?? handle], cancellationToken);

    public Task<IActionResult> OnPostUnfollowAsync(string key, string? name, CancellationToken cancellationToken) =>
        ActAsync(FollowTarget.UnfollowAsync(db, network, Me, key, cancellationToken),
            _ => t["You no longer follow {0}.", name ?? key], cancellationToken);

    public Task<IActionResult> OnPostUnblockAsync(string handle, string? name, CancellationToken cancellationToken) =>
        ActAsync(BlockMember.UnblockAsync(db, Me, handle, cancellationToken),
            _ => t["{0} is no longer blocked.", name ?? handle], cancellationToken);

    private long Me => User.RequiredMemberId();

    private async Task<IActionResult> ActAsync<T>(Task<Outcome<T>> action, Func<T, string> notice, CancellationToken cancellationToken)
    {
        if (!Sections.Contains(Current, StringComparer.Ordinal))
        {
            return NotFound();
        }
        var outcome = await action;
        if (!outcome.Succeeded)
        {
            ModelState.AddFailure(outcome.Failure!, t, prefix: "", hiddenFields: ["to", "handle", "handleOrSlug", "status"]);
            await LoadAsync(cancellationToken);
            return Page();
        }
        TempData["Notice"] = notice(outcome.Value!);
        return LocalRedirect(Link(Current));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var me = Me;
        PendingCount = await ListInvitations.PendingCountAsync(db, me, cancellationToken);
        ViewData["PendingInvitations"] = PendingCount;
        IntroductionsToAct = await ListIntroductions.ToActCountAsync(db, me, cancellationToken);
        switch (Current)
        {
            case "connections":
                Connections = (await ListConnections.MineAsync(db, network, me, Math.Max(1, PageNumber), cancellationToken)).Value;
                break;
            case "suggestions":
                Suggestions = await SuggestConnections.ExecuteAsync(db, network, me, SuggestConnections.MaxResults, cancellationToken);
                break;
            case "following":
                var follows = await FollowTarget.ListAsync(db, me, cancellationToken);
                var handles = follows.Where(f => f.Kind == "member").Select(f => f.Key).ToList();
                var ids = await db.Profiles.AsNoTracking().Where(p => handles.Contains(p.Handle))
                    .ToDictionaryAsync(p => p.Handle, p => p.MemberId, cancellationToken);
                FollowedMembers = await MemberCards.ListAsync(db, network, me,
                    handles.Where(ids.ContainsKey).Select(h => ids[h]).ToList(), cancellationToken);
                FollowedOrganizations = follows.Where(f => f.Kind == "organization").ToList();
                break;
            case "blocked":
                Blocked = await BlockMember.ListAsync(db, me, cancellationToken);
                break;
            default:
                Received = (await ListInvitations.ExecuteAsync(db, network, me, "received", Math.Max(1, PageNumber), cancellationToken)).Value;
                Sent = (await ListInvitations.ExecuteAsync(db, network, me, "sent", Math.Max(1, SentPage), cancellationToken)).Value;
                break;
        }
    }
}
