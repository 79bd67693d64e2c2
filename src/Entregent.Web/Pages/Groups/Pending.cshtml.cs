using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Posts;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Groups;

/// <summary>The moderation queue of a group: its managers approve or remove the posts waiting.</summary>
[Authorize]
public sealed class PendingModel(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public GroupView Group { get; private set; } = null!;

    public PostPage Posts { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(string slug, long postId, CancellationToken cancellationToken) =>
        ActAsync(slug, ModeratePosts.ApproveAsync(db, network, markdown, time, User.RequiredMemberId(), postId, cancellationToken), t["Post approved."],
            cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(string slug, long postId, string? reason, CancellationToken cancellationToken) =>
        ActAsync(slug, ModeratePosts.RemoveAsync(db, network, time, User.RequiredMemberId(), postId, new ModeratePosts.RemovalRequest(reason),
            cancellationToken), t["Post removed."], cancellationToken);

    private async Task<IActionResult> ActAsync<T>(string slug, Task<Outcome<T>> action, string notice, CancellationToken cancellationToken)
    {
        var outcome = await action;
        if (!outcome.Succeeded)
        {
            if (!await LoadAsync(slug, cancellationToken))
            {
                return NotFound();
            }
            ModelState.AddFailure(outcome.Failure!, t, prefix: "");
            return Page();
        }
        TempData["Notice"] = notice;
        return LocalRedirect($"/groups/{slug}/pending");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var me = User.RequiredMemberId();
        var group = await ViewGroup.ExecuteAsync(db, markdown, me, slug, cancellationToken);
        if (!group.Succeeded || !group.Value!.CanModerate)
        {
            return false;
        }
        Group = group.Value;
        var page = await ModeratePosts.PendingAsync(db, network, me, slug, Before, cancellationToken);
        Posts = page.Value ?? new PostPage([], null);
        return true;
    }
}
