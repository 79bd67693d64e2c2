using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Groups;

/// <summary>A group's description, rules and organisation; the join actions (for every group page's header) and inviting.</summary>
[Authorize]
public sealed class AboutModel(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time, IStringLocalizer<SharedResource> t)
    : GroupPageModel(db, markdown, time, t)
{
    public sealed class InviteInput
    {
        public string? Handle { get; set; }
    }

    [BindProperty]
    public InviteInput Input { get; set; } = new();

    /// <summary>Members invite to public and private groups; only managers to unlisted ones.</summary>
    public bool MayInvite => Group.MyState == GroupMembershipState.Member && (Group.Kind != GroupKind.Unlisted || Group.CanModerate);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInviteAsync(string slug, CancellationToken cancellationToken)
    {
        var outcome = await InviteToGroup.ExecuteAsync(Db, network, Time, Me, slug, new InviteToGroup.Request(Input.Handle), cancellationToken);
        if (!outcome.Succeeded)
        {
            if (!await LoadAsync(slug, cancellationToken))
            {
                return NotFound();
            }
            ModelState.AddFailure(outcome.Failure!, T);
            return Page();
        }
        TempData["Notice"] = outcome.Value!.State == GroupMembershipState.Member
            ? T["{0} is now a member.", Input.Handle ?? ""].Value : T["Invitation sent."].Value;
        return LocalRedirect($"/groups/{slug}/about");
    }

    protected override Task<bool> LoadAsync(string slug, CancellationToken cancellationToken) => LoadGroupAsync(slug, cancellationToken);
}
