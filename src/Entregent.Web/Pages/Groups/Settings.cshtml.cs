using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Infrastructure.Markdown;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Groups;

/// <summary>What the group form holds, for creating and editing.</summary>
public sealed class GroupInput
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Rules { get; set; }
    public GroupKind Kind { get; set; }
    public GroupJoinPolicy JoinPolicy { get; set; }
    public bool PostsNeedApproval { get; set; }
    public string? Organization { get; set; }
    public bool IsInternal { get; set; }
}

/// <summary>A page with the group form (<c>_GroupFields</c>).</summary>
public interface IGroupForm
{
    GroupInput Input { get; }
}

/// <summary>For owners: the group's settings, and deleting it. Anyone else gets "not found".</summary>
[Authorize]
public sealed class SettingsModel(EntregentDb db, MarkdownRenderer markdown, TimeProvider time, IStringLocalizer<SharedResource> t)
    : GroupPageModel(db, markdown, time, t), IGroupForm
{
    [BindProperty]
    public GroupInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        var group = await Db.Groups.AsNoTracking().FirstAsync(g => g.Id == Group.Id, cancellationToken);
        Input = new GroupInput
        {
            Name = group.Name, Description = group.Description, Rules = group.Rules, Kind = group.Kind, JoinPolicy = group.JoinPolicy,
            PostsNeedApproval = group.PostsNeedApproval,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        // Empty text boxes clear the description and rules; the policy only counts for a public group.
        var request = new EditGroup.Request(Input.Name ?? "", Input.Description ?? "", Input.Rules ?? "", Input.Kind,
            Input.Kind == GroupKind.Public ? Input.JoinPolicy : null, Input.PostsNeedApproval);
        var outcome = await EditGroup.ExecuteAsync(Db, Markdown, Time, Me, slug, request, cancellationToken);
        if (!outcome.Succeeded)
        {
            if (!await LoadAsync(slug, cancellationToken))
            {
                return NotFound();
            }
            ModelState.AddFailure(outcome.Failure!, T);
            return Page();
        }
        TempData["Notice"] = T["Settings saved."].Value;
        return LocalRedirect($"/groups/{outcome.Value!.Slug}/about");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string slug, CancellationToken cancellationToken)
    {
        var outcome = await DeleteGroup.ExecuteAsync(Db, Me, slug, cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }
        TempData["Notice"] = T["The group was deleted."].Value;
        return LocalRedirect("/groups");
    }

    protected override async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken) =>
        await LoadGroupAsync(slug, cancellationToken) && Group.CanManage;
}
