using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Groups;

/// <summary>A group as lists show it, with the viewer's standing.</summary>
public sealed record GroupListItem(
    string Slug,
    string Name,
    GroupKind Kind,
    GroupJoinPolicy JoinPolicy,
    bool IsInternal,
    string? OrganizationName,
    int MemberCount,
    GroupRole? MyRole,
    GroupMembershipState? MyState);

/// <summary>An invitation waiting for the viewer: the group and who invited them (null when that member is out of sight).</summary>
public sealed record GroupInvitationItem(GroupListItem Group, MemberCard? InvitedBy, DateTimeOffset InvitedAt);

/// <summary>Finding groups, and a member's own.</summary>
public static class ListGroups
{
    public const int PageSize = 20;
    public const int QueryMaxLength = 100;

    public sealed record Page(IReadOnlyList<GroupListItem> Items, int Total, int PageNumber, int PageSize);

    /// <summary>The viewer's groups, and the invitations and requests that wait.</summary>
    public sealed record Mine(IReadOnlyList<GroupListItem> Groups, IReadOnlyList<GroupInvitationItem> Invitations, IReadOnlyList<GroupListItem> Requests);

    /// <summary>
    /// Public and private groups the viewer may see (<see cref="GroupAccess.CanSee"/>: internal ones only for the
    /// organisation's verified members), whose name contains <paramref name="q"/>; most members first. Unlisted groups are
    /// never listed here, even to their members (they find them under their own groups).
    /// </summary>
    public static async Task<Outcome<Page>> DiscoverAsync(EntregentDb db, long viewerId, string? q, int page, CancellationToken cancellationToken)
    {
        if (Paging.Check(page) is { } badPage)
        {
            return badPage;
        }
        var text = q?.Trim();
        if (text is { Length: > QueryMaxLength })
        {
            return Failure.Invalid("q", $"At most {QueryMaxLength} characters.");
        }
        // The SQL mirror of GroupAccess.CanSee for listed kinds, so the count and the pages are right; each row is checked
        // against the rule itself below all the same.
        var query = db.Groups.AsNoTracking().Where(g => g.Kind != GroupKind.Unlisted
            && (!g.IsInternal || db.OrganizationVerifications.Any(v => v.MemberId == viewerId && v.OrganizationId == g.OrganizationId)));
        if (!string.IsNullOrEmpty(text))
        {
            var pattern = "%" + text.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
#pragma warning disable CA1304, CA1311 // Translated to SQL lower(), where the culture overloads are not.
            query = query.Where(g => EF.Functions.Like(g.Name.ToLower(), pattern, "\\"));
#pragma warning restore CA1304, CA1311
        }
        var total = await query.CountAsync(cancellationToken);
        var groups = await query.OrderByDescending(g => g.MemberCount).ThenBy(g => g.Name).ThenBy(g => g.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var viewer = await GroupViewer.LoadAsync(db, viewerId, cancellationToken);
        var items = await ItemsAsync(db, viewer, groups.Where(g => GroupAccess.CanSee(GroupFacts.Of(g), viewer)).ToList(), cancellationToken);
        return new Page(items, total, page, PageSize);
    }

    public static async Task<Mine> MineAsync(EntregentDb db, NetworkGraph network, long viewerId, CancellationToken cancellationToken)
    {
        var rows = await db.GroupMemberships.AsNoTracking()
            .Where(m => m.MemberId == viewerId && m.State != GroupMembershipState.Banned)
            .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => new { Group = g, m.State, m.InvitedById, m.CreatedAt, m.JoinedAt })
            .ToListAsync(cancellationToken);
        var viewer = await GroupViewer.LoadAsync(db, viewerId, cancellationToken);
        // An internal group whose organisation no longer counts the viewer as verified drops out at once.
        rows = rows.Where(r => GroupAccess.CanSee(GroupFacts.Of(r.Group), viewer)).ToList();
        var items = (await ItemsAsync(db, viewer, rows.Select(r => r.Group).ToList(), cancellationToken)).ToDictionary(i => i.Slug, StringComparer.Ordinal);

        var invited = rows.Where(r => r.State == GroupMembershipState.Invited).OrderByDescending(r => r.CreatedAt).ToList();
        var inviterIds = invited.Select(r => r.InvitedById).OfType<long>().Where(id => !network.IsBlocked(viewerId, id)).ToList();
        var inviters = await MemberCards.LoadAsync(db, network, viewerId, inviterIds, cancellationToken);
        return new Mine(
            rows.Where(r => r.State == GroupMembershipState.Member).OrderByDescending(r => r.JoinedAt).Select(r => items[r.Group.Slug]).ToList(),
            invited.Select(r => new GroupInvitationItem(items[r.Group.Slug],
                r.InvitedById is { } id && inviters.TryGetValue(id, out var card) ? card : null, r.CreatedAt)).ToList(),
            rows.Where(r => r.State == GroupMembershipState.Requested).OrderByDescending(r => r.CreatedAt).Select(r => items[r.Group.Slug]).ToList());
    }

    private static async Task<IReadOnlyList<GroupListItem>> ItemsAsync(EntregentDb db, GroupViewer viewer, IReadOnlyList<Group> groups,
        CancellationToken cancellationToken)
    {
        var organizationIds = groups.Select(g => g.OrganizationId).OfType<long>().Distinct().ToList();
        var organizations = organizationIds.Count == 0 ? []
            : await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return groups.Select(g =>
        {
            var mine = viewer.MembershipIn(g.Id);
            return new GroupListItem(g.Slug, g.Name, g.Kind, g.JoinPolicy, g.IsInternal,
                g.OrganizationId is { } id ? organizations.GetValueOrDefault(id) : null, g.MemberCount,
                mine?.State == GroupMembershipState.Member ? mine.Value.Role : null, mine?.State);
        }).ToList();
    }
}
