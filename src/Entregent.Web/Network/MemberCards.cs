using Entregent.Graph;
using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Network;

/// <summary>A member as every list shows them: name, headline, photo, and where they stand in the viewer's network.</summary>
public sealed record MemberCard(string Handle, string DisplayName, string? Headline, string? PhotoUrl, Degree Degree, int MutualCount);

/// <summary>Loads the cards of a page of members in one query, with the viewer's degrees computed in one batch.</summary>
public static class MemberCards
{
    public static async Task<IReadOnlyDictionary<long, MemberCard>> LoadAsync(EntregentDb db, NetworkGraph network, long? viewerId,
        IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken)
    {
        if (memberIds.Count == 0)
        {
            return new Dictionary<long, MemberCard>();
        }
        var ids = memberIds.Distinct().ToList();
        var rows = await db.Profiles.AsNoTracking().Where(p => ids.Contains(p.MemberId))
            .Select(p => new { p.MemberId, p.Handle, p.DisplayName, p.Headline, p.PhotoThumbnailKey })
            .ToListAsync(cancellationToken);
        var badges = network.Badges(viewerId, ids);
        return rows.ToDictionary(r => r.MemberId, r => new MemberCard(r.Handle, r.DisplayName, r.Headline,
            r.PhotoThumbnailKey is null ? null : "/media/" + r.PhotoThumbnailKey, badges[r.MemberId].Degree, badges[r.MemberId].MutualCount));
    }

    /// <summary>The cards of <paramref name="memberIds"/> in their order, leaving out any without a profile.</summary>
    public static async Task<IReadOnlyList<MemberCard>> ListAsync(EntregentDb db, NetworkGraph network, long? viewerId,
        IReadOnlyList<long> memberIds, CancellationToken cancellationToken)
    {
        var cards = await LoadAsync(db, network, viewerId, memberIds, cancellationToken);
        return memberIds.Where(cards.ContainsKey).Select(id => cards[id]).ToList();
    }
}
