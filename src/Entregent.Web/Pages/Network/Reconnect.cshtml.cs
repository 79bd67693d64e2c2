using Entregent.Web.Data;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Pages.Network;

/// <summary>Connections quiet for long whose position changed since: a reason to get in touch.</summary>
[Authorize]
public sealed class ReconnectModel(EntregentDb db, NetworkGraph network, IOptions<NotificationOptions> options, TimeProvider time) : PageModel
{
    public IReadOnlyList<ReconnectItem> Items { get; private set; } = [];

    public int QuietDays => options.Value.ReconnectAfterDays;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Items = await ListReconnect.ExecuteAsync(db, network, options, time, User.RequiredMemberId(), cancellationToken);
}
