using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Posts;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Groups;

/// <summary>A group's discussion: its header, a composer for members, its posts newest first with a "more" link.</summary>
[Authorize]
public sealed class DiscussionModel(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public GroupView Group { get; private set; } = null!;

    public PostPage? Posts { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        var outcome = await CreatePost.ExecuteAsync(db, network, markdown, time, User.RequiredMemberId(),
            new CreatePost.Request(PostKind.Post, PostAudience.Group, slug, null, Body), cancellationToken);
        if (!outcome.Succeeded)
        {
            if (!await LoadAsync(slug, cancellationToken))
            {
                return NotFound();
            }
            ModelState.AddFailure(outcome.Failure!, t, prefix: "", hiddenFields: ["groupSlug", "audience", "title", "kind"]);
            return Page();
        }
        TempData["Notice"] = outcome.Value!.Post.State == PostState.Pending
            ? t["Your post waits for a manager's approval."].Value
            : t["Your post is published."].Value;
        return LocalRedirect($"/groups/{slug}");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var me = User.RequiredMemberId();
        var group = await ViewGroup.ExecuteAsync(db, markdown, me, slug, cancellationToken);
        if (!group.Succeeded)
        {
            return false;
        }
        Group = group.Value!;
        if (Group.CanReadPosts)
        {
            var page = await ListPosts.GroupAsync(db, network, me, slug, Before, cancellationToken);
            Posts = page.Succeeded ? page.Value : new PostPage([], null);
        }
        return true;
    }
}
