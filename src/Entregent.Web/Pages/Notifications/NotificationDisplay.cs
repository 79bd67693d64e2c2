using Entregent.Web.Features.Notifications;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Notifications;

/// <summary>Names of the notification kinds as pages show them.</summary>
public static class NotificationDisplay
{
    public static string Kind(IStringLocalizer t, NotificationKind kind)
    {
        ArgumentNullException.ThrowIfNull(t);
        return kind switch
        {
            NotificationKind.InvitationReceived => t["Invitation"],
            NotificationKind.InvitationAccepted => t["Invitation accepted"],
            NotificationKind.Introduction => t["Introduction"],
            NotificationKind.Recommendation => t["Recommendation"],
            NotificationKind.Endorsement => t["Endorsement"],
            NotificationKind.Mention => t["Mention"],
            NotificationKind.Reply => t["Reply"],
            NotificationKind.Reaction => t["Reaction"],
            NotificationKind.GroupActivity => t["Group activity"],
            NotificationKind.NewPosition => t["New position"],
            NotificationKind.WorkAnniversary => t["Work anniversary"],
            NotificationKind.DetailsFlagged => t["Still up to date?"],
            NotificationKind.WatchMatch => t["Watch"],
            _ => kind.ToString(),
        };
    }
}
