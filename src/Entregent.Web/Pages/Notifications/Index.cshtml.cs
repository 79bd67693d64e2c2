using Entregent.Web.Data;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Notifications;

/// <summary>The notification centre: newest first, unread ones marked, "mark all read", and an unread-only filter.</summary>
[Authorize]
public sealed class IndexModel(EntregentDb db, NetworkGraph network, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Unread { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public NotificationPage List { get; private set; } = null!;

    public string NextLink => "/notifications?" + (Unread ? "unread=true&" : "") + "cursor=" + Uri.EscapeDataString(List.Next ?? "");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await ListNotifications.ExecuteAsync(db, network, User.RequiredMemberId(), Cursor, ListNotifications.DefaultLimit, Unread, cancellationToken);
        if (!outcome.Succeeded)
        {
            return LocalRedirect("/notifications");
        }
        List = outcome.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        await ListNotifications.MarkAllReadAsync(db, time, User.RequiredMemberId(), cancellationToken);
        TempData["Notice"] = t["All notifications marked read."].Value;
        return LocalRedirect("/notifications");
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken cancellationToken)
    {
        await ListNotifications.MarkReadAsync(db, time, User.RequiredMemberId(), id, cancellationToken);
        return LocalRedirect(Unread ? "/notifications?unread=true" : "/notifications");
    }

    /// <summary>Following a notification marks it read, then opens what it is about (always a local path).</summary>
    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken cancellationToken)
    {
        var me = User.RequiredMemberId();
        var url = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            db.Notifications.Where(n => n.Id == id && n.RecipientId == me).Select(n => n.Url), cancellationToken);
        if (url is null)
        {
            return NotFound();
        }
        await ListNotifications.MarkReadAsync(db, time, me, id, cancellationToken);
        return Url.IsLocalUrl(url) ? LocalRedirect(url) : LocalRedirect("/notifications");
    }
}
