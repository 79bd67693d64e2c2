using Entregent.Web.Data;
using Entregent.Web.Features.Asks;
using Entregent.Web.Features.Search;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Pages.Asks;

/// <summary>My asks, newest first, and the form for a new one; a new ask opens on its own page with its groups.</summary>
[Authorize]
public sealed class IndexModel(EntregentDb db, NetworkGraph network, SearchIndex search, IOptions<AskOptions> options, TimeProvider time,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class AskInput
    {
        public string? Text { get; set; }

        /// <summary>Comma-separated skill names.</summary>
        public string? Skills { get; set; }
        public string? Location { get; set; }
        public string? Organization { get; set; }
    }

    [BindProperty]
    public AskInput Input { get; set; } = new();

    public IReadOnlyList<AskSummary> Asks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Asks = await ViewAsk.MineAsync(db, User.RequiredMemberId(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var skills = (Input.Skills ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var outcome = await CreateAsk.ExecuteAsync(db, network, search, options, time, User.RequiredMemberId(),
            new CreateAsk.Request(Input.Text, skills, Input.Location, Input.Organization), cancellationToken);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = t["Your ask is ready: choose whom to ask."].Value;
            return LocalRedirect($"/asks/{outcome.Value!.Ask.Id}");
        }
        ModelState.AddFailure(outcome.Failure!, t);
        Asks = await ViewAsk.MineAsync(db, User.RequiredMemberId(), cancellationToken);
        return Page();
    }
}
