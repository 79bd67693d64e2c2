using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Features.Recommendations;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Members;

/// <summary>Ask a connection to write a recommendation for you.</summary>
[Authorize]
public sealed class AskRecommendationModel(EntregentDb database, ProfileCache cache, NetworkGraph graph, MarkdownRenderer markdown, TimeProvider time,
    IStringLocalizer<SharedResource> t) : RecommendationFormModel(database, cache, graph, t)
{
    public sealed class InputModel
    {
        public RecommendationRelationship? Relationship { get; set; }
        public string? Organization { get; set; }
        public string? Message { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Read "they … you": the choices name the viewer.</summary>
    public IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Relationships => RecommendationDisplay.Relationships(T, T["You"].Value.ToLower(System.Globalization.CultureInfo.CurrentCulture));

    public async Task<IActionResult> OnGetAsync(string handle, CancellationToken cancellationToken)
    {
        if (await LoadAsync(handle, cancellationToken) is null)
        {
            return NotFound();
        }
        Input = new InputModel { Relationship = RecommendationRelationship.WorkedWith };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string handle, CancellationToken cancellationToken)
    {
        var request = new RequestRecommendation.Request(handle, Input.Relationship, Input.Organization, Input.Message);
        var outcome = await RequestRecommendation.ExecuteAsync(Db, Network, markdown, time, User.RequiredMemberId(), request, cancellationToken);
        if (!outcome.Succeeded)
        {
            return await FailAsync(handle, outcome.Failure!, cancellationToken);
        }
        TempData["Notice"] = T["{0} was asked for a recommendation.", outcome.Value!.Author.DisplayName].Value;
        return LocalRedirect("/me/recommendations");
    }
}
