using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Groups;

/// <summary>How the group pages word kinds, roles and states.</summary>
public static class GroupDisplay
{
    public static string Kind(IStringLocalizer t, GroupKind kind) => kind switch
    {
        GroupKind.Public => t["Public group"],
        GroupKind.Private => t["Private group"],
        _ => t["Unlisted group"],
    };

    public static string KindHint(IStringLocalizer t, GroupKind kind, GroupJoinPolicy policy) => kind switch
    {
        GroupKind.Public when policy == GroupJoinPolicy.Open => t["Anyone can find it, read its posts and join."],
        GroupKind.Public => t["Anyone can find it and read its posts; managers approve who joins."],
        GroupKind.Private => t["Anyone can find it; only members read its posts, and managers approve who joins."],
        _ => t["Only members and invited members know it exists; managers invite who joins."],
    };

    public static string Role(IStringLocalizer t, GroupRole role) => role switch
    {
        GroupRole.Owner => t["Owner"],
        GroupRole.Manager => t["Manager"],
        _ => t["Member"],
    };

    public static string Members(IStringLocalizer t, int count) => count == 1 ? t["1 member"] : t["{0} members", count];
}

/// <summary>
/// What every page of one group shares: the group as the viewer sees it (404 otherwise), and the header's actions (join,
/// leave, withdraw a request, accept or decline an invitation), which come back to the page they were sent from.
/// </summary>
public abstract class GroupPageModel(EntregentDb db, MarkdownRenderer markdown, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    protected EntregentDb Db { get; } = db;

    protected IStringLocalizer<SharedResource> T { get; } = t;

    protected TimeProvider Time { get; } = time;

    protected MarkdownRenderer Markdown { get; } = markdown;

    public GroupView Group { get; private set; } = null!;

    protected long Me => User.RequiredMemberId();

    protected async Task<bool> LoadGroupAsync(string slug, CancellationToken cancellationToken)
    {
        var outcome = await ViewGroup.ExecuteAsync(Db, Markdown, Me, slug, cancellationToken);
        Group = outcome.Value!;
        return outcome.Succeeded;
    }

    public Task<IActionResult> OnPostJoinAsync(string slug, CancellationToken cancellationToken) =>
        ActAsync(slug, JoinGroup.ExecuteAsync(Db, Time, Me, slug, cancellationToken), m => m.State == GroupMembershipState.Member
            ? T["Welcome to the group!"] : T["Your request was sent to the group's managers."], cancellationToken);

    public Task<IActionResult> OnPostLeaveAsync(string slug, CancellationToken cancellationToken) =>
        ActAsync(slug, LeaveGroup.ExecuteAsync(Db, Me, slug, cancellationToken), _ => T["You left the group."], cancellationToken, "/groups");

    public Task<IActionResult> OnPostCancelRequestAsync(string slug, CancellationToken cancellationToken) =>
        ActAsync(slug, LeaveGroup.CancelRequestAsync(Db, Me, slug, cancellationToken), _ => T["Request withdrawn."], cancellationToken);

    public Task<IActionResult> OnPostAcceptAsync(string slug, CancellationToken cancellationToken) =>
        ActAsync(slug, RespondToGroupInvitation.AcceptAsync(Db, Time, Me, slug, cancellationToken), m => m.State == GroupMembershipState.Member
            ? T["Welcome to the group!"] : T["Your request was sent to the group's managers."], cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(string slug, CancellationToken cancellationToken) =>
        ActAsync(slug, RespondToGroupInvitation.DeclineAsync(Db, Me, slug, cancellationToken), _ => T["Invitation declined."], cancellationToken, "/groups");

    /// <summary>Reloads whatever the page shows (called after a refused action, to show the page with the error).</summary>
    protected abstract Task<bool> LoadAsync(string slug, CancellationToken cancellationToken);

    /// <param name="after">Where to go on success (the group may be out of sight once left); else back where the form was.</param>
    protected async Task<IActionResult> ActAsync<TValue>(string slug, Task<Outcome<TValue>> action, Func<TValue, string> notice,
        CancellationToken cancellationToken, string? after = null)
    {
        var outcome = await action;
        if (!outcome.Succeeded)
        {
            if (outcome.Failure!.Kind == FailureKind.NotFound || !await LoadAsync(slug, cancellationToken))
            {
                return NotFound();
            }
            ModelState.AddFailure(outcome.Failure, T, prefix: "", hiddenFields: ["group", "handle", "role"]);
            return Page();
        }
        TempData["Notice"] = notice(outcome.Value!);
        var back = Request.Query["returnUrl"].ToString();
        return LocalRedirect(after ?? (Forms.IsLocalUrl(back) ? back : Request.Path.Value!));
    }
}
