using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Members;

/// <summary>
/// What the two recommendation forms (write one, ask for one) share: the member they are about, who must be a 1st-degree
/// connection, and the organisations both belonged to as the choices for "at …".
/// </summary>
public abstract class RecommendationFormModel(EntregentDb db, ProfileCache cache, NetworkGraph network, IStringLocalizer<SharedResource> t) : PageModel
{
    protected IStringLocalizer<SharedResource> T => t;

    protected EntregentDb Db => db;

    protected NetworkGraph Network => network;

    public MemberView Member { get; private set; } = null!;

    public IEnumerable<SelectListItem> Organizations { get; private set; } = [];

    /// <summary>Loads the member; null when they are not a connection the viewer may see (the page answers 404).</summary>
    protected async Task<long?> LoadAsync(string handle, CancellationToken cancellationToken)
    {
        var me = User.RequiredMemberId();
        var outcome = await ViewProfile.ExecuteWithOwnerAsync(db, cache, network, handle, me, cancellationToken);
        if (!outcome.Succeeded || outcome.Value.View.Relation != ViewerRelation.Connection)
        {
            return null;
        }
        Member = outcome.Value.View;
        var shared = network.SharedOrganizationIds(me, outcome.Value.OwnerId);
        var choices = shared.Count == 0 ? [] : await db.Organizations.AsNoTracking().Where(o => shared.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Slug)).ToListAsync(cancellationToken);
        Organizations = choices.Prepend(new SelectListItem(t["None"], ""));
        return outcome.Value.OwnerId;
    }

    protected async Task<IActionResult> FailAsync(string handle, Failure failure, CancellationToken cancellationToken)
    {
        if (await LoadAsync(handle, cancellationToken) is null)
        {
            return NotFound();
        }
        ModelState.AddFailure(failure, t, hiddenFields: ["for", "from", "status"]);
        return Page();
    }
}
