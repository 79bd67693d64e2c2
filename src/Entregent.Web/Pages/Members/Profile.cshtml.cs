using Entregent.Web.Data;
using Entregent.Web.Features.Connections;
using Entregent.Web.Features.Endorsements;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Features.Recommendations;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Pages.Members;

/// <summary>
/// A member's public page, showing what the viewer may see (contact audiences applied by the use case), and for a
/// signed-in viewer where the member stands in their network with the actions that state allows: connect,
/// withdraw, accept or ignore, remove, follow, block.
/// </summary>
public sealed class ProfileModel(EntregentDb db, ProfileCache cache, NetworkGraph network, MarkdownRenderer markdown,
    IOptions<NetworkOptions> options, IOptions<Features.Notifications.NotificationOptions> notificationOptions, TimeProvider time,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class ConnectInput
    {
        public string? Note { get; set; }
        public HowMet? Context { get; set; }
        public string? Organization { get; set; }
    }

    /// <summary>A pending invitation between the viewer and the member, either way.</summary>
    public sealed record PendingInvitation(long Id, bool FromViewer, string? Note, HowMet Context);

    [BindProperty]
    public ConnectInput Input { get; set; } = new();

    public MemberView Profile { get; private set; } = null!;

    /// <summary>Degree, mutual count and paths; null for a signed-out viewer and for oneself.</summary>
    public ViewConnection.ConnectionView? Connection { get; private set; }

    public PendingInvitation? Pending { get; private set; }

    public bool Following { get; private set; }

    /// <summary>Organisations on both profiles (positions or education): the choices for "colleague" or "classmate".</summary>
    public IReadOnlyList<OrganizationRef> SharedOrganizations { get; private set; } = [];

    /// <summary>Whether the connect form opens unfolded (it was refused and shows its errors).</summary>
    public bool ConnectFailed { get; private set; }

    /// <summary>The skills with their endorsements, for a signed-in viewer; null for a signed-out one (the names alone show).</summary>
    public IReadOnlyList<ListSkills.SkillView>? Skills { get; private set; }

    /// <summary>Approved recommendations (and, for the owner, hidden ones), newest first.</summary>
    public IReadOnlyList<RecommendationView> Recommendations { get; private set; } = [];

    public bool IsConnected => Profile.Relation == ViewerRelation.Connection;

    public bool ShowsNetwork => Profile.Relation is ViewerRelation.Member or ViewerRelation.Connection;

    public IEnumerable<SelectListItem> Contexts =>
        Enum.GetValues<HowMet>().Where(h => h != HowMet.Unstated).Select(h => new SelectListItem(Display.HowMet(t, h), h.ToString()));

    public IEnumerable<SelectListItem> OrganizationChoices =>
        SharedOrganizations.Select(o => new SelectListItem(o.Name, o.Slug)).Prepend(new SelectListItem(t["None"], ""));

    public async Task<IActionResult> OnGetAsync(string handle, CancellationToken cancellationToken)
    {
        var outcome = await ViewProfile.ExecuteWithOwnerAsync(db, cache, network, handle, User.MemberId(), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }
        if (!string.Equals(handle, outcome.Value.View.Handle, StringComparison.Ordinal))
        {
            return RedirectPermanent("/in/" + outcome.Value.View.Handle);
        }
        await LoadAsync(outcome.Value.View, outcome.Value.OwnerId, cancellationToken);
        Input = new ConnectInput { Context = HowMet.Other };
        return Page();
    }

    public async Task<IActionResult> OnPostConnectAsync(string handle, CancellationToken cancellationToken)
    {
        if (User.MemberId() is not { } me)
        {
            return Challenge();
        }
        var request = new SendInvitation.Request(handle, Input.Note, Input.Context,
            Input.Context is HowMet.Colleague or HowMet.Classmate ? Input.Organization : null);
        var outcome = await SendInvitation.ExecuteAsync(db, network, options, time, me, request, cancellationToken);
        if (!outcome.Succeeded)
        {
            ConnectFailed = true;
            return await FailAsync(handle, outcome.Failure!, cancellationToken);
        }
        return Done(handle, outcome.Value!.Status == InvitationStatus.Accepted
            ? t["You are now connected with {0}.", outcome.Value.From.DisplayName]
            : t["Invitation sent to {0}.", outcome.Value.To.DisplayName]);
    }

    public Task<IActionResult> OnPostWithdrawAsync(string handle, long id, CancellationToken cancellationToken) =>
        ActAsync(handle, me => RespondToInvitation.WithdrawAsync(db, time, me, id, cancellationToken), _ => t["Invitation withdrawn."], cancellationToken);

    public Task<IActionResult> OnPostAcceptAsync(string handle, long id, CancellationToken cancellationToken) =>
        ActAsync(handle, me => RespondToInvitation.AcceptAsync(db, network, options, time, me, id, cancellationToken),
            v => t["You are now connected with {0}.", v.From.DisplayName], cancellationToken);

    public Task<IActionResult> OnPostIgnoreAsync(string handle, long id, CancellationToken cancellationToken) =>
        ActAsync(handle, me => RespondToInvitation.IgnoreAsync(db, network, time, me, id, cancellationToken),
            v => t["Invitation from {0} ignored.", v.From.DisplayName], cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(string handle, CancellationToken cancellationToken) =>
        ActAsync(handle, me => ListConnections.RemoveAsync(db, network, me, handle, cancellationToken),
            _ => t["Connection removed."], cancellationToken);

    public Task<IActionResult> OnPostFollowAsync(string handle, CancellationToken cancellationToken) =>
        ActAsync(handle, me => FollowTarget.FollowAsync(db, network, time, me, handle, cancellationToken),
            v => t["You now follow {0}.", v.Name], cancellationToken);

    public Task<IActionResult> OnPostUnfollowAsync(string handle, CancellationToken cancellationToken) =>
        ActAsync(handle, me => FollowTarget.UnfollowAsync(db, network, me, handle, cancellationToken),
            _ => t["You no longer follow this member."], cancellationToken);

    public Task<IActionResult> OnPostEndorseAsync(string handle, string skill, CancellationToken cancellationToken) =>
        ActAsync(handle, me => EndorseSkill.EndorseAsync(db, network, time, me, handle, skill, cancellationToken),
            v => t["You endorsed {0}.", v.Name], cancellationToken);

    public Task<IActionResult> OnPostUnendorseAsync(string handle, string skill, CancellationToken cancellationToken) =>
        ActAsync(handle, me => EndorseSkill.RemoveAsync(db, network, me, handle, skill, cancellationToken),
            _ => t["Endorsement removed."], cancellationToken);

    /// <summary>"Still at Acme?" / "Flag as out of date": asks the owner to confirm a section.</summary>
    public Task<IActionResult> OnPostFlagAsync(string handle, string? section, long? positionId, string? note, CancellationToken cancellationToken) =>
        ActAsync(handle, me => FlagDetails.FlagAsync(db, network, notificationOptions, time, me, handle, new FlagDetails.Request(section, positionId, note),
            cancellationToken), _ => t["Asked: they are notified and can confirm or update their details."].Value, cancellationToken);

    public async Task<IActionResult> OnPostBlockAsync(string handle, CancellationToken cancellationToken)
    {
        if (User.MemberId() is not { } me)
        {
            return Challenge();
        }
        var outcome = await BlockMember.BlockAsync(db, network, time, me, handle, cancellationToken);
        if (!outcome.Succeeded)
        {
            return await FailAsync(handle, outcome.Failure!, cancellationToken);
        }
        // Their profile is now "not found" for the blocker too: the list of blocks is where it can be undone.
        TempData["Notice"] = t["Member blocked. You will not see each other anywhere."].Value;
        return LocalRedirect("/network/blocked");
    }

    private async Task<IActionResult> ActAsync<T>(string handle, Func<long, Task<Outcome<T>>> action, Func<T, string> notice,
        CancellationToken cancellationToken)
    {
        if (User.MemberId() is not { } me)
        {
            return Challenge();
        }
        var outcome = await action(me);
        return outcome.Succeeded ? Done(handle, notice(outcome.Value!)) : await FailAsync(handle, outcome.Failure!, cancellationToken);
    }

    private LocalRedirectResult Done(string handle, string notice)
    {
        TempData["Notice"] = notice;
        return LocalRedirect("/in/" + Uri.EscapeDataString(handle.Trim().ToLowerInvariant()));
    }

    private async Task<IActionResult> FailAsync(string handle, Failure failure, CancellationToken cancellationToken)
    {
        var outcome = await ViewProfile.ExecuteWithOwnerAsync(db, cache, network, handle, User.MemberId(), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }
        ModelState.AddFailure(failure, t, hiddenFields: ["to", "handle", "handleOrSlug", "status", "skill", "section", "positionId", "note"]);
        await LoadAsync(outcome.Value.View, outcome.Value.OwnerId, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(MemberView profile, long ownerId, CancellationToken cancellationToken)
    {
        Profile = profile;
        ViewData["Description"] = string.IsNullOrEmpty(Profile.Headline) ? markdown.ToPlainText(Profile.Summary, 160) : Profile.Headline;
        Recommendations = await ListRecommendations.OfMemberAsync(db, network, markdown, User.MemberId(), ownerId, cancellationToken);
        if (User.MemberId() is not null)
        {
            Skills = await ListSkills.ForMemberAsync(db, network, User.MemberId(), ownerId, null, cancellationToken);
        }
        if (!ShowsNetwork || User.MemberId() is not { } me)
        {
            return;
        }
        Connection = await ViewConnection.ForMemberAsync(db, network, me, ownerId, cancellationToken, beyondThirdDegree: false);
        // The newest pending invitation either way; an ignored one received stays hidden (connecting back accepts it).
        Pending = await db.Invitations.AsNoTracking()
            .Where(i => (i.FromMemberId == me && i.ToMemberId == ownerId && (i.Status == InvitationStatus.Pending || i.Status == InvitationStatus.Ignored))
                || (i.FromMemberId == ownerId && i.ToMemberId == me && i.Status == InvitationStatus.Pending))
            .OrderByDescending(i => i.CreatedAt)
            .Select(i => new PendingInvitation(i.Id, i.FromMemberId == me, i.Note, i.HowMet))
            .FirstOrDefaultAsync(cancellationToken);
        Following = await db.Follows.AnyAsync(f => f.FollowerId == me && f.FollowedMemberId == ownerId, cancellationToken);
        if (!IsConnected && Pending is null)
        {
            // From the graph's memberships (positions, and schooling with years): no query unless some are shared.
            var shared = network.SharedOrganizationIds(me, ownerId);
            SharedOrganizations = shared.Count == 0
                ? []
                : await db.Organizations.AsNoTracking().Where(o => shared.Contains(o.Id)).OrderBy(o => o.Name)
                    .Select(o => new OrganizationRef(o.Name, o.Slug)).ToListAsync(cancellationToken);
        }
    }

}
