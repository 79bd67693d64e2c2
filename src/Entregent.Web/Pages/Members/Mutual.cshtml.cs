using Entregent.Web.Data;
using Entregent.Web.Features.Connections;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entregent.Web.Pages.Members;

/// <summary>The connections the viewer shares with a member, strongest for both first.</summary>
[Authorize]
public sealed class MutualModel(EntregentDb db, ProfileCache cache, NetworkGraph network) : PageModel
{
    public const int Max = 200;

    public MemberView Profile { get; private set; } = null!;

    public IReadOnlyList<MemberCard> Mutual { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string handle, CancellationToken cancellationToken)
    {
        var me = User.RequiredMemberId();
        var profile = await ViewProfile.ExecuteAsync(db, cache, network, handle, me, cancellationToken);
        var mutual = await ViewConnection.MutualAsync(db, network, me, handle, Max, cancellationToken);
        if (!profile.Succeeded || !mutual.Succeeded)
        {
            return NotFound();
        }
        Profile = profile.Value!;
        Mutual = mutual.Value!;
        return Page();
    }
}
