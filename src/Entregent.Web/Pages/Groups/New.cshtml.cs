using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Groups;

/// <summary>Create a group; the organisations offered are those where the member is verified.</summary>
[Authorize]
public sealed class NewModel(EntregentDb db, MarkdownRenderer markdown, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel, IGroupForm
{
    [BindProperty]
    public GroupInput Input { get; set; } = new() { Kind = GroupKind.Public, JoinPolicy = GroupJoinPolicy.Open };

    public IReadOnlyList<(string Slug, string Name)> Organizations { get; private set; } = [];

    public IEnumerable<SelectListItem> OrganizationChoices =>
        new[] { new SelectListItem(t["None"], "") }.Concat(Organizations.Select(o => new SelectListItem(o.Name, o.Slug)));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var request = new CreateGroup.Request(Input.Name, Input.Description, Input.Rules, Input.Kind,
            Input.Kind == GroupKind.Public ? Input.JoinPolicy : null, Input.PostsNeedApproval,
            string.IsNullOrEmpty(Input.Organization) ? null : Input.Organization, Input.IsInternal);
        var outcome = await CreateGroup.ExecuteAsync(db, markdown, time, User.RequiredMemberId(), request, cancellationToken);
        if (!outcome.Succeeded)
        {
            await LoadAsync(cancellationToken);
            ModelState.AddFailure(outcome.Failure!, t);
            return Page();
        }
        TempData["Notice"] = t["Your group is ready. Invite people to it from its About page."].Value;
        return LocalRedirect($"/groups/{outcome.Value!.Slug}/about");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var me = User.RequiredMemberId();
        var rows = await db.OrganizationVerifications.AsNoTracking().Where(v => v.MemberId == me)
            .Join(db.Organizations, v => v.OrganizationId, o => o.Id, (_, o) => new { o.Slug, o.Name })
            .OrderBy(o => o.Name).ToListAsync(cancellationToken);
        Organizations = rows.Select(o => (o.Slug, o.Name)).ToList();
    }
}
