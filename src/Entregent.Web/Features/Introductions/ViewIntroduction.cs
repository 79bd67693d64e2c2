using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Introductions;

/// <summary>One introduction, for its participants only (see <see cref="IntroductionView.RoleOf"/>); everyone else gets "not found".</summary>
public static class ViewIntroduction
{
    public static async Task<Outcome<IntroductionView>> ExecuteAsync(EntregentDb db, NetworkGraph network, long viewerId, long id,
        CancellationToken cancellationToken)
    {
        var introduction = await db.Introductions.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        var views = introduction is null ? [] : await IntroductionView.LoadAsync(db, network, viewerId, [introduction], cancellationToken);
        return views.Count == 0 ? Failure.NotFound("No such introduction among yours.") : views[0];
    }
}
