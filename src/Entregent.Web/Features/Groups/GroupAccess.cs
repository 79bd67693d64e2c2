using Entregent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Groups;

/// <summary>The parts of a group that decide who may see it.</summary>
public readonly record struct GroupFacts(long Id, GroupKind Kind, long? OrganizationId, bool IsInternal)
{
    public static GroupFacts Of(Group group) => new(group.Id, group.Kind, group.OrganizationId, group.IsInternal);
}

/// <summary>A viewer's standing towards groups, loaded once per request: their memberships and verified organisations.</summary>
public sealed class GroupViewer
{
    private readonly Dictionary<long, (GroupRole Role, GroupMembershipState State)> _memberships;
    private readonly HashSet<long> _verifiedOrganizationIds;

    public GroupViewer(long? memberId, Dictionary<long, (GroupRole Role, GroupMembershipState State)> memberships,
        HashSet<long> verifiedOrganizationIds)
    {
        MemberId = memberId;
        _memberships = memberships;
        _verifiedOrganizationIds = verifiedOrganizationIds;
    }

    public static GroupViewer Anonymous { get; } = new(null, [], []);

    public long? MemberId { get; }

    /// <summary>Groups the viewer is a member of (not requested, invited nor banned).</summary>
    public IEnumerable<long> JoinedGroupIds => _memberships.Where(m => m.Value.State == GroupMembershipState.Member).Select(m => m.Key);

    public (GroupRole Role, GroupMembershipState State)? MembershipIn(long groupId) =>
        _memberships.TryGetValue(groupId, out var membership) ? membership : null;

    public bool IsVerifiedAt(long organizationId) => _verifiedOrganizationIds.Contains(organizationId);

    public static async Task<GroupViewer> LoadAsync(EntregentDb db, long? memberId, CancellationToken cancellationToken)
    {
        if (memberId is not { } id)
        {
            return Anonymous;
        }
        var memberships = await db.GroupMemberships.AsNoTracking().Where(m => m.MemberId == id)
            .Select(m => new { m.GroupId, m.Role, m.State }).ToListAsync(cancellationToken);
        var verified = await db.OrganizationVerifications.AsNoTracking().Where(v => v.MemberId == id)
            .Select(v => v.OrganizationId).ToListAsync(cancellationToken);
        return new GroupViewer(id, memberships.ToDictionary(m => m.GroupId, m => (m.Role, m.State)), [.. verified]);
    }
}

/// <summary>
/// The one place that decides what a viewer may do with a group. Every surface (group pages, lists, search, the feed,
/// notifications, digests, messaging between fellow members) asks here.
/// </summary>
public static class GroupAccess
{
    /// <summary>
    /// Whether the viewer may know the group exists (its page, its name in lists and search). Internal groups: verified
    /// members of the organisation only. Unlisted groups: members and invited members only. A banned member still sees
    /// a public or private group's page, not its posts.
    /// </summary>
    public static bool CanSee(GroupFacts group, GroupViewer viewer)
    {
        if (viewer.MemberId is null)
        {
            return false;
        }
        var membership = viewer.MembershipIn(group.Id);
        if (group.IsInternal && !(group.OrganizationId is { } organizationId && viewer.IsVerifiedAt(organizationId)))
        {
            return false;
        }
        return group.Kind switch
        {
            GroupKind.Public or GroupKind.Private => true,
            GroupKind.Unlisted => membership is { State: GroupMembershipState.Member or GroupMembershipState.Invited },
            _ => false,
        };
    }

    /// <summary>Whether the viewer may read the group's published posts: anyone who sees a public group (unless banned); members otherwise.</summary>
    public static bool CanReadPosts(GroupFacts group, GroupViewer viewer)
    {
        if (!CanSee(group, viewer))
        {
            return false;
        }
        var state = viewer.MembershipIn(group.Id)?.State;
        return group.Kind == GroupKind.Public ? state != GroupMembershipState.Banned : state == GroupMembershipState.Member;
    }

    /// <summary>Members post (and comment, and react); a post may still wait for approval (<see cref="Group.PostsNeedApproval"/>).</summary>
    public static bool CanPost(GroupFacts group, GroupViewer viewer) =>
        CanSee(group, viewer) && viewer.MembershipIn(group.Id)?.State == GroupMembershipState.Member;

    /// <summary>Managers and owners approve and remove posts, decide requests, invite to unlisted groups and ban.</summary>
    public static bool CanModerate(GroupFacts group, GroupViewer viewer) =>
        CanPost(group, viewer) && viewer.MembershipIn(group.Id)?.Role is GroupRole.Manager or GroupRole.Owner;

    /// <summary>Owners edit the group's settings, name managers and owners, and delete the group.</summary>
    public static bool CanManage(GroupFacts group, GroupViewer viewer) =>
        CanPost(group, viewer) && viewer.MembershipIn(group.Id)?.Role == GroupRole.Owner;
}
