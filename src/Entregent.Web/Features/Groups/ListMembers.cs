using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Groups;

/// <summary>
/// Who is in a group (for whoever may read its posts), and, for its managers, who waits (requests) and who is kept out
/// (bans). Nobody blocked by, or blocking, the viewer is listed or counted; in an internal group, only members the
/// organisation still verifies are listed.
/// </summary>
public static class ListMembers
{
    public const int PageSize = 50;

    public sealed record Item(MemberCard Member, GroupRole Role, GroupMembershipState State, DateTimeOffset Since);

    public sealed record Page(IReadOnlyList<Item> Items, int Total, int PageNumber, int PageSize);

    public static async Task<Outcome<Page>> MembersAsync(EntregentDb db, NetworkGraph network, long viewerId, string slug, int page,
        CancellationToken cancellationToken)
    {
        var found = await GroupLookup.FindAsync(db, viewerId, slug, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        if (!GroupAccess.CanReadPosts(found.Value!.Facts, found.Value.Viewer))
        {
            return Failure.Forbidden("Only the group's members see who is in it.");
        }
        return await ListAsync(db, network, viewerId, found.Value.Group, GroupMembershipState.Member, page, cancellationToken);
    }

    /// <summary>Requests to join (<paramref name="state"/> requested) or bans (banned), for managers.</summary>
    public static async Task<Outcome<Page>> ModerationAsync(EntregentDb db, NetworkGraph network, long managerId, string slug, GroupMembershipState state,
        int page, CancellationToken cancellationToken)
    {
        var found = await DecideJoinRequest.ModeratedAsync(db, managerId, slug, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        return await ListAsync(db, network, managerId, found.Value!.Group, state, page, cancellationToken);
    }

    /// <summary>How many requests wait, for the managers' tab.</summary>
    public static Task<int> PendingRequestCountAsync(EntregentDb db, long viewerId, long groupId, CancellationToken cancellationToken) =>
        Query(db, viewerId, groupId, GroupMembershipState.Requested, internalTo: null).CountAsync(cancellationToken);

    private static async Task<Outcome<Page>> ListAsync(EntregentDb db, NetworkGraph network, long viewerId, Group group, GroupMembershipState state,
        int page, CancellationToken cancellationToken)
    {
        if (Paging.Check(page) is { } badPage)
        {
            return badPage;
        }
        var query = Query(db, viewerId, group.Id, state, group.IsInternal && state == GroupMembershipState.Member ? group.OrganizationId : null);
        var total = await query.CountAsync(cancellationToken);
        var ordered = state == GroupMembershipState.Member
            ? query.OrderByDescending(m => m.Role).ThenBy(m => m.JoinedAt).ThenBy(m => m.Id)
            : query.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id);
        var rows = await ordered.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(m => new { m.MemberId, m.Role, m.State, Since = m.JoinedAt ?? m.CreatedAt }).ToListAsync(cancellationToken);
        var cards = await MemberCards.LoadAsync(db, network, viewerId, rows.Select(r => r.MemberId).ToList(), cancellationToken);
        var items = rows.Where(r => cards.ContainsKey(r.MemberId))
            .Select(r => new Item(cards[r.MemberId], r.Role, r.State, r.Since)).ToList();
        return new Page(items, total, page, PageSize);
    }

    private static IQueryable<GroupMembership> Query(EntregentDb db, long viewerId, long groupId, GroupMembershipState state, long? internalTo)
    {
        var blocked = Connections.Block.EitherWayWith(db, viewerId);
        var query = db.GroupMemberships.AsNoTracking().Where(m => m.GroupId == groupId && m.State == state && !blocked.Contains(m.MemberId));
        if (internalTo is { } organizationId)
        {
            query = query.Where(m => db.OrganizationVerifications.Any(v => v.OrganizationId == organizationId && v.MemberId == m.MemberId));
        }
        return query;
    }
}
