using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Groups;

/// <summary>A group found for a viewer who may see it, with the viewer's standing loaded once.</summary>
public sealed record GroupContext(Group Group, GroupViewer Viewer)
{
    public GroupFacts Facts => GroupFacts.Of(Group);

    public (GroupRole Role, GroupMembershipState State)? Mine => Viewer.MembershipIn(Group.Id);

    public bool CanModerate => GroupAccess.CanModerate(Facts, Viewer);

    public bool CanManage => GroupAccess.CanManage(Facts, Viewer);
}

/// <summary>What every group use case starts with: the group by slug as the viewer may see it, and the membership bookkeeping.</summary>
public static class GroupLookup
{
    /// <summary>
    /// The group at <paramref name="slug"/> (tracked when <paramref name="tracked"/>), or 404 when it does not exist or the
    /// viewer may not know it exists (<see cref="GroupAccess.CanSee"/>), so a hidden group answers exactly as an absent one.
    /// </summary>
    public static async Task<Outcome<GroupContext>> FindAsync(EntregentDb db, long viewerId, string? slug, CancellationToken cancellationToken,
        bool tracked = false)
    {
        var group = await RowAsync(db, slug, tracked, cancellationToken);
        return group is null ? NotFound(slug) : Seen(group, await GroupViewer.LoadAsync(db, viewerId, cancellationToken), slug);
    }

    /// <summary>As <see cref="FindAsync(EntregentDb, long, string?, CancellationToken, bool)"/>, for a caller that has loaded the viewer's standing already.</summary>
    public static async Task<Outcome<GroupContext>> FindAsync(EntregentDb db, GroupViewer viewer, string? slug, CancellationToken cancellationToken,
        bool tracked = false)
    {
        var group = await RowAsync(db, slug, tracked, cancellationToken);
        return group is null ? NotFound(slug) : Seen(group, viewer, slug);
    }

    /// <summary>The group by its address as typed (trimmed, any case).</summary>
    private static async Task<Group?> RowAsync(EntregentDb db, string? slug, bool tracked, CancellationToken cancellationToken)
    {
        var key = slug?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(key) || key.Length > Group.SlugMaxLength)
        {
            return null;
        }
        var groups = tracked ? db.Groups : db.Groups.AsNoTracking();
        return await groups.FirstOrDefaultAsync(g => g.Slug == key, cancellationToken);
    }

    private static Outcome<GroupContext> Seen(Group group, GroupViewer viewer, string? slug) =>
        GroupAccess.CanSee(GroupFacts.Of(group), viewer) ? new GroupContext(group, viewer) : NotFound(slug);

    public static Failure NotFound(string? slug) => Failure.NotFound($"No group has the address '{slug}'.");

    /// <summary>
    /// Moves <see cref="Group.MemberCount"/> by <paramref name="delta"/> in the store itself (UPDATE … SET MemberCount =
    /// MemberCount + delta), inside the caller's transaction: two members joining at once both count, which a read-modify-write
    /// of the tracked entity would not guarantee. No change of its own is recorded: every caller records the membership's
    /// (<c>groupmember.*</c>), which is what brings the count shown with a found group up to date; a <c>group.updated</c>
    /// here would have the search index re-write every post of the group on each join and leave.
    /// </summary>
    public static async Task AdjustMemberCountAsync(EntregentDb db, long groupId, int delta, CancellationToken cancellationToken)
    {
        if (delta == 0)
        {
            return;
        }
        await db.Groups.Where(g => g.Id == groupId)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.MemberCount, g => g.MemberCount + delta), cancellationToken);
    }

    /// <summary>
    /// Takes the group's row lock for the rest of the caller's transaction (a no-op UPDATE), so checks such as "another owner
    /// remains" cannot race: two owners leaving at once then run one after the other, and the second sees the first gone.
    /// </summary>
    public static Task LockAsync(EntregentDb db, long groupId, CancellationToken cancellationToken) =>
        db.Groups.Where(g => g.Id == groupId).ExecuteUpdateAsync(s => s.SetProperty(g => g.MemberCount, g => g.MemberCount), cancellationToken);

    /// <summary>
    /// Moves one membership from <paramref name="from"/> to <paramref name="to"/> only if it is still in <paramref name="from"/>
    /// (a conditional UPDATE): of two managers approving the same request at once, exactly one wins and counts the member.
    /// Returns whether this call made the change.
    /// </summary>
    public static async Task<bool> TransitionAsync(EntregentDb db, GroupMembership membership, GroupMembershipState from, GroupMembershipState to,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var joinedAt = to == GroupMembershipState.Member ? now : (DateTimeOffset?)null;
        var changed = await db.GroupMemberships.Where(m => m.Id == membership.Id && m.State == from)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, to).SetProperty(m => m.JoinedAt, joinedAt), cancellationToken);
        if (changed == 1)
        {
            db.RecordChange(new FeedEntry("groupmember.updated", membership.Id, membership.MemberId, membership.GroupId));
        }
        return changed == 1;
    }

    /// <summary>Deletes one membership only if it is still in <paramref name="state"/>; returns whether this call deleted it.</summary>
    public static async Task<bool> DeleteIfAsync(EntregentDb db, GroupMembership membership, GroupMembershipState state, CancellationToken cancellationToken)
    {
        var deleted = await db.GroupMemberships.Where(m => m.Id == membership.Id && m.State == state).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 1)
        {
            db.RecordChange(new FeedEntry("groupmember.deleted", membership.Id, membership.MemberId, membership.GroupId));
        }
        return deleted == 1;
    }

    /// <summary>The member ids of a group's managers and owners (who hear of join requests).</summary>
    public static Task<List<long>> ManagerIdsAsync(EntregentDb db, long groupId, CancellationToken cancellationToken) =>
        db.GroupMemberships.AsNoTracking()
            .Where(m => m.GroupId == groupId && m.State == GroupMembershipState.Member && m.Role != GroupRole.Member)
            .Select(m => m.MemberId).ToListAsync(cancellationToken);
}
