using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Features.Recommendations;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Members;

/// <summary>Write a recommendation for a connection (filling their request, if they asked).</summary>
[Authorize]
public sealed class RecommendModel(EntregentDb database, ProfileCache cache, NetworkGraph graph, MarkdownRenderer markdown, TimeProvider time,
    IStringLocalizer<SharedResource> t) : RecommendationFormModel(database, cache, graph, t)
{
    public sealed class InputModel
    {
        public RecommendationRelationship? Relationship { get; set; }
        public string? Organization { get; set; }
        public string? Text { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Relationships => RecommendationDisplay.Relationships(T, Member.DisplayName);

    public async Task<IActionResult> OnGetAsync(string handle, CancellationToken cancellationToken)
    {
        if (await LoadAsync(handle, cancellationToken) is not { } memberId)
        {
            return NotFound();
        }
        // Asked for one: start from what they said about how you know each other.
        var me = User.RequiredMemberId();
        var requested = await Db.Recommendations.Where(r => r.AuthorId == me && r.RecipientId == memberId && r.Status == RecommendationStatus.Requested)
            .Select(r => new { r.Relationship, Slug = Db.Organizations.Where(o => o.Id == r.OrganizationId).Select(o => o.Slug).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        Input = new InputModel { Relationship = requested?.Relationship ?? RecommendationRelationship.WorkedWith, Organization = requested?.Slug };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string handle, CancellationToken cancellationToken)
    {
        var request = new WriteRecommendation.Request(handle, Input.Relationship, Input.Organization, Input.Text);
        var outcome = await WriteRecommendation.WriteAsync(Db, Network, markdown, time, User.RequiredMemberId(), request, cancellationToken);
        if (!outcome.Succeeded)
        {
            return await FailAsync(handle, outcome.Failure!, cancellationToken);
        }
        TempData["Notice"] = T["Your recommendation was sent to {0} for approval.", outcome.Value!.Recipient.DisplayName].Value;
        return LocalRedirect("/me/recommendations?box=given");
    }
}
