using Entregent.Web.Data;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Posts;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Imaging;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Posts;

/// <summary>The composer: a post or an article, for everyone, my connections or one of my groups, with an optional image.</summary>
[Authorize]
public sealed class NewModel(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time, Uploads uploads,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class InputModel
    {
        public PostKind Kind { get; set; }
        public string Audience { get; set; } = "public";
        public string? Title { get; set; }
        public string? Body { get; set; }
        public IFormFile? Image { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "group")]
    public string? Group { get; set; }

    public IReadOnlyList<(string Slug, string Name)> MyGroups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Group is not null)
        {
            Input.Audience = "group:" + Group;
        }
        await LoadGroupsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (audience, slug) = Input.Audience switch
        {
            "connections" => (PostAudience.Connections, (string?)null),
            { } a when a.StartsWith("group:", StringComparison.Ordinal) => (PostAudience.Group, a[6..]),
            _ => (PostAudience.Public, null),
        };
        Uploads.StoredImage? image = null;
        if (Input.Image is { Length: > 0 } file)
        {
            await using var stream = file.OpenReadStream();
            var stored = await uploads.StoreAsync(stream, ImageKind.PostImage, "image", cancellationToken);
            if (!stored.Succeeded)
            {
                return await FailAsync(stored.Failure!, cancellationToken);
            }
            image = stored.Value;
        }
        var outcome = await CreatePost.ExecuteAsync(db, network, markdown, time, User.RequiredMemberId(),
            new CreatePost.Request(Input.Kind, audience, slug, Input.Kind == PostKind.Article ? Input.Title : null, Input.Body), cancellationToken, image);
        if (!outcome.Succeeded)
        {
            return await FailAsync(outcome.Failure!, cancellationToken);
        }
        TempData["Notice"] = outcome.Value!.Post.State == PostState.Pending
            ? t["Your post waits for a manager's approval."].Value
            : t["Your post is published."].Value;
        return LocalRedirect($"/posts/{outcome.Value.Post.Id}");
    }

    private async Task<IActionResult> FailAsync(Failure failure, CancellationToken cancellationToken)
    {
        ModelState.AddFailure(failure, t, hiddenFields: ["groupSlug"]);
        await LoadGroupsAsync(cancellationToken);
        return Page();
    }

    private async Task LoadGroupsAsync(CancellationToken cancellationToken)
    {
        var viewer = await GroupViewer.LoadAsync(db, User.RequiredMemberId(), cancellationToken);
        var ids = viewer.JoinedGroupIds.ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => ids.Contains(g.Id)).OrderBy(g => g.Name).ToListAsync(cancellationToken);
        MyGroups = groups.Where(g => GroupAccess.CanPost(GroupFacts.Of(g), viewer)).Select(g => (g.Slug, g.Name)).ToList();
    }
}
