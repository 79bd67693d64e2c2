using Entregent.Web.Data;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Connections;

/// <summary>
/// An invitation as one of its two members sees it. The sender never learns that an invitation was ignored: to
/// them it stays "pending".
/// </summary>
public sealed record InvitationView(long Id, MemberCard From, MemberCard To, string? Note, HowMet Context,
    Profiles.OrganizationRef? Organization, InvitationStatus Status, DateTimeOffset CreatedAt)
{
    internal static async Task<IReadOnlyList<InvitationView>> LoadAsync(EntregentDb db, NetworkGraph network, long viewerId,
        IReadOnlyList<Invitation> invitations, CancellationToken cancellationToken)
    {
        var cards = await MemberCards.LoadAsync(db, network, viewerId,
            invitations.SelectMany(i => new[] { i.FromMemberId, i.ToMemberId }).ToList(), cancellationToken);
        var organizationIds = invitations.Where(i => i.ContextOrganizationId is not null).Select(i => i.ContextOrganizationId!.Value).Distinct().ToList();
        var organizations = organizationIds.Count == 0
            ? []
            : await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id))
                .ToDictionaryAsync(o => o.Id, o => new Profiles.OrganizationRef(o.Name, o.Slug), cancellationToken);
        return invitations.Where(i => cards.ContainsKey(i.FromMemberId) && cards.ContainsKey(i.ToMemberId))
            .Select(i => new InvitationView(i.Id, cards[i.FromMemberId], cards[i.ToMemberId], i.Note, i.HowMet,
                i.ContextOrganizationId is { } o && organizations.TryGetValue(o, out var organization) ? organization : null,
                i.Status == InvitationStatus.Ignored && i.FromMemberId == viewerId ? InvitationStatus.Pending : i.Status,
                i.CreatedAt))
            .ToList();
    }
}
