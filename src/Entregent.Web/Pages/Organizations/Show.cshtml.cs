using Entregent.Web.Data;
using Entregent.Web.Features.Organizations;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Organizations;

/// <summary>
/// An organisation: what it is, and (for members) who works or worked there. Administrators also get the edit
/// and merge forms. A merged-away address redirects to the survivor.
/// </summary>
public sealed class ShowModel(EntregentDb db, NetworkGraph network, TimeProvider time, MarkdownRenderer markdown, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class EditInput
    {
        public string? Name { get; set; }
        public OrganizationKind? Kind { get; set; }
        public string? Website { get; set; }
        public string? Location { get; set; }
        public string? Description { get; set; }
    }

    public sealed class MergeInput
    {
        public string? Into { get; set; }
    }

    [BindProperty]
    public EditInput Edit { get; set; } = new();

    [BindProperty]
    public MergeInput Merge { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "current")]
    public int CurrentPage { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "past")]
    public int PastPage { get; set; } = 1;

    public OrganizationView Organization { get; private set; } = null!;
    public OrganizationMembersPage? Current { get; private set; }
    public OrganizationMembersPage? Past { get; private set; }

    /// <summary>The viewer's 1st- and 2nd-degree people here now and formerly (signed-in viewers only).</summary>
    public PeopleYouKnowView? PeopleYouKnow { get; private set; }
    public bool IsAdministrator { get; private set; }

    /// <summary>Which administrator form failed, so its errors and typed values show and the other stays clean.</summary>
    public string? FailedForm { get; private set; }

    public IEnumerable<SelectListItem> Kinds =>
        Enum.GetValues<OrganizationKind>().Select(k => new SelectListItem(Display.Kind(t, k), k.ToString()));

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var outcome = await ViewOrganization.ExecuteAsync(db, network, User.MemberId(), slug, cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }
        if (!string.Equals(outcome.Value!.Slug, slug, StringComparison.Ordinal))
        {
            return RedirectPermanent("/organizations/" + outcome.Value.Slug + QueryString);
        }
        await LoadAsync(outcome.Value, cancellationToken);
        FillEditForm();
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(string slug, CancellationToken cancellationToken)
    {
        if (User.MemberId() is not { } memberId)
        {
            return Challenge();
        }
        var request = new EditOrganization.Request(Edit.Name ?? "", Edit.Kind, Edit.Website ?? "", Edit.Location ?? "", Edit.Description ?? "");
        var outcome = await EditOrganization.ExecuteAsync(db, network, memberId, slug, request, time, cancellationToken);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = t["The organisation has been saved."].Value;
            return LocalRedirect("/organizations/" + outcome.Value!.Slug);
        }
        return await FailAsync(slug, outcome.Failure!, "Edit", cancellationToken);
    }

    public async Task<IActionResult> OnPostMergeAsync(string slug, CancellationToken cancellationToken)
    {
        if (User.MemberId() is not { } memberId)
        {
            return Challenge();
        }
        var outcome = await MergeOrganizations.ExecuteAsync(db, network, memberId, slug, new MergeOrganizations.Request(Merge.Into?.Trim()), time, cancellationToken);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = t["Merged: this page now gathers the members of both organisations."].Value;
            return LocalRedirect("/organizations/" + outcome.Value!.Slug);
        }
        return await FailAsync(slug, outcome.Failure!, "Merge", cancellationToken);
    }

    private async Task<IActionResult> FailAsync(string slug, Failure failure, string form, CancellationToken cancellationToken)
    {
        if (failure.Kind == FailureKind.Forbidden)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var view = await ViewOrganization.ExecuteAsync(db, network, User.MemberId(), slug, cancellationToken);
        if (!view.Succeeded)
        {
            return NotFound();
        }
        FailedForm = form;
        ModelState.AddFailure(failure, t, form);
        await LoadAsync(view.Value!, cancellationToken);
        if (form != "Edit")
        {
            FillEditForm();
        }
        return Page();
    }

    private void FillEditForm() => Edit = new EditInput
    {
        Name = Organization.Name,
        Kind = Organization.Kind,
        Website = Organization.Website,
        Location = Organization.Location,
        Description = Organization.Description,
    };

    private async Task LoadAsync(OrganizationView organization, CancellationToken cancellationToken)
    {
        Organization = organization;
        ViewData["Description"] = markdown.ToPlainText(organization.Description, 160);
        if (User.MemberId() is not { } memberId)
        {
            return;
        }
        IsAdministrator = await Administrators.IsAdministratorAsync(db, memberId, cancellationToken);
        var current = await ViewOrganization.MembersAsync(db, network, memberId, organization.Slug, current: true, Math.Max(1, CurrentPage), cancellationToken);
        var past = await ViewOrganization.MembersAsync(db, network, memberId, organization.Slug, current: false, Math.Max(1, PastPage), cancellationToken);
        Current = current.Value;
        Past = past.Value;
        PeopleYouKnow = await FindPeopleYouKnow.ForOrganizationAsync(db, network, memberId, organization.Id, organization.Slug, organization.Name,
            cancellationToken);
    }

    /// <summary>"worked with Paul at Acme, 2018–2021" in the page's language.</summary>
    public string Because(Acquaintance because, string person) => because.Kind switch
    {
        AcquaintanceKind.WorkedTogether => t["worked with {0} at {1}, {2}", person, because.OrganizationName!, Display.Years(because.FromYear, because.ToYear)],
        AcquaintanceKind.StudiedTogether => t["studied with {0} at {1}, {2}", person, because.OrganizationName!, Display.Years(because.FromYear, because.ToYear)],
        AcquaintanceKind.HowMet => t["knows {0}: {1}", person, Display.HowMet(t, because.HowMet!.Value).ToLower(System.Globalization.CultureInfo.CurrentCulture)],
        _ => t["connected to {0} since {1}", person, because.SinceYear ?? 0],
    };

    private string QueryString => Request.QueryString.HasValue ? Request.QueryString.Value! : "";

    /// <summary>The address of another page of one list, keeping the other list where it is.</summary>
    public string PageLink(bool current, int page) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"/organizations/{Organization.Slug}?current={(current ? page : CurrentPage)}&past={(current ? PastPage : page)}#{(current ? "current" : "past")}-members");
}
