using Entregent.Web.Data;
using Entregent.Web.Features.Posts;
using Entregent.Web.Features.Watches;
using Entregent.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Watches;

/// <summary>My watches with their last match, the form for a keyword watch, and the hashtags I follow.</summary>
[Authorize]
public sealed class IndexModel(EntregentDb db, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class WatchInput
    {
        public string? Name { get; set; }
        public string? Keywords { get; set; }
        public string? Exclusions { get; set; }
        /// <summary>Empty unless posted or filled in: a form sent with every box unticked must say so, not fall back to posts.</summary>
        public List<string> Sources { get; set; } = [];

        /// <summary>Saved searches only: the people search's query string.</summary>
        public string? Query { get; set; }
    }

    [BindProperty]
    public WatchInput Input { get; set; } = new();

    public IReadOnlyList<WatchView> Watches { get; private set; } = [];

    public IReadOnlyList<string> Hashtags { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A new watch looks in posts unless the member chooses otherwise.
        Input.Sources = ["posts"];
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await SaveWatch.CreateAsync(db, time, User.RequiredMemberId(),
            new SaveWatch.Request("keywords", Input.Name, Input.Keywords, Input.Exclusions, Input.Sources), cancellationToken);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = t["Watch created: new matches will come as notifications."].Value;
            return LocalRedirect($"/watches/{outcome.Value!.Id}");
        }
        ModelState.AddFailure(outcome.Failure!, t);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Watches = await ListWatches.MineAsync(db, User.RequiredMemberId(), cancellationToken);
        Hashtags = [.. (await FollowHashtag.ListAsync(db, User.RequiredMemberId(), cancellationToken)).Select(f => f.Tag)];
    }
}
