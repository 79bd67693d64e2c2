using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Groups;

/// <summary>
/// Managers remove and ban members and lift bans; owners name members, managers and owners. A manager cannot touch an
/// owner; an owner can, as long as the group keeps one owner. A ban keeps the member out: they cannot join, ask or be
/// invited again until a manager lifts it (which leaves them a stranger to the group, free to ask again).
/// </summary>
public static class ManageMembers
{
    /// <param name="Role">member, manager or owner.</param>
    public sealed record RoleRequest(GroupRole? Role);

    public static async Task<Outcome<MembershipView>> SetRoleAsync(EntregentDb db, NetworkGraph network, long ownerId, string slug, string handle,
        RoleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Role is not { } role || !Enum.IsDefined(role))
        {
            return Failure.Invalid("role", "Use member, manager or owner.");
        }
        var found = await GroupLookup.FindAsync(db, ownerId, slug, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        if (!found.Value!.CanManage)
        {
            return Failure.Forbidden("Only the group's owners can change roles.");
        }
        var target = await FindTargetAsync(db, network, ownerId, handle, cancellationToken);
        if (!target.Succeeded)
        {
            return target.Failure!;
        }
        var group = found.Value.Group;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await GroupLookup.LockAsync(db, group.Id, cancellationToken);
            var membership = await db.GroupMemberships.FirstOrDefaultAsync(m => m.GroupId == group.Id && m.MemberId == target.Value, cancellationToken);
            if (membership?.State != GroupMembershipState.Member)
            {
                return Failure.Conflict("handle", "Only members of the group can be given a role.");
            }
            if (membership.Role == GroupRole.Owner && role != GroupRole.Owner && !await LeaveGroup.OtherOwnerAsync(db, group.Id, membership.MemberId, cancellationToken))
            {
                return Failure.Conflict("role", "A group needs an owner: make another member an owner first.");
            }
            membership.Role = role;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return await GroupNames.MembershipAsync(db, group.Id, group.Slug, target.Value, cancellationToken);
    }

    /// <summary>Remove a member (they may ask or be invited again).</summary>
    public static Task<Outcome<MembershipView>> RemoveAsync(EntregentDb db, NetworkGraph network, long managerId, string slug, string handle,
        CancellationToken cancellationToken) =>
        ExcludeAsync(db, network, null, managerId, slug, handle, ban: false, cancellationToken);

    /// <summary>Ban a member, or anyone the manager may see who asked, was invited or never came: they stay out.</summary>
    public static Task<Outcome<MembershipView>> BanAsync(EntregentDb db, NetworkGraph network, TimeProvider time, long managerId, string slug, string handle,
        CancellationToken cancellationToken) =>
        ExcludeAsync(db, network, time, managerId, slug, handle, ban: true, cancellationToken);

    public static async Task<Outcome<MembershipView>> UnbanAsync(EntregentDb db, NetworkGraph network, long managerId, string slug, string handle,
        CancellationToken cancellationToken)
    {
        var found = await DecideJoinRequest.ModeratedAsync(db, managerId, slug, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        var target = await FindTargetAsync(db, network, managerId, handle, cancellationToken);
        if (!target.Succeeded)
        {
            return target.Failure!;
        }
        var group = found.Value!.Group;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var membership = await db.GroupMemberships.AsNoTracking().FirstOrDefaultAsync(m => m.GroupId == group.Id && m.MemberId == target.Value, cancellationToken);
            if (membership?.State != GroupMembershipState.Banned || !await GroupLookup.DeleteIfAsync(db, membership, GroupMembershipState.Banned, cancellationToken))
            {
                return Failure.Conflict("handle", "This member is not banned from the group.");
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return await GroupNames.MembershipAsync(db, group.Id, group.Slug, target.Value, cancellationToken);
    }

    private static async Task<Outcome<MembershipView>> ExcludeAsync(EntregentDb db, NetworkGraph network, TimeProvider? time, long managerId, string slug,
        string handle, bool ban, CancellationToken cancellationToken)
    {
        var found = await DecideJoinRequest.ModeratedAsync(db, managerId, slug, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        var target = await FindTargetAsync(db, network, managerId, handle, cancellationToken);
        if (!target.Succeeded)
        {
            return target.Failure!;
        }
        var context = found.Value!;
        var group = context.Group;
        var memberId = target.Value;
        if (memberId == managerId)
        {
            return Failure.Invalid("handle", ban ? "You cannot ban yourself." : "To leave the group, use Leave.");
        }
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await GroupLookup.LockAsync(db, group.Id, cancellationToken);
            var membership = await db.GroupMemberships.FirstOrDefaultAsync(m => m.GroupId == group.Id && m.MemberId == memberId, cancellationToken);
            var wasMember = membership?.State == GroupMembershipState.Member;
            if (!ban && !wasMember)
            {
                return Failure.Conflict("handle", "This member is not in the group.");
            }
            if (membership?.State == GroupMembershipState.Banned)
            {
                return Failure.Conflict("handle", "This member is already banned.");
            }
            if (wasMember && membership!.Role == GroupRole.Owner && !context.CanManage)
            {
                return Failure.Forbidden("Only an owner can remove or ban another owner.");
            }
            if (ban)
            {
                if (membership is null)
                {
                    db.GroupMemberships.Add(new GroupMembership
                    {
                        GroupId = group.Id, MemberId = memberId, Role = GroupRole.Member, State = GroupMembershipState.Banned, CreatedAt = time!.GetUtcNow(),
                    });
                }
                else
                {
                    membership.State = GroupMembershipState.Banned;
                    membership.Role = GroupRole.Member;
                    membership.JoinedAt = null;
                    membership.InvitedById = null;
                }
            }
            else
            {
                db.GroupMemberships.Remove(membership!);
            }
            if (wasMember)
            {
                await GroupLookup.AdjustMemberCountAsync(db, group.Id, -1, cancellationToken);
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The member joined or was banned by another manager this very moment.
                db.ChangeTracker.Clear();
                return Failure.Conflict("handle", "This member's standing changed meanwhile; look again.");
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return await GroupNames.MembershipAsync(db, group.Id, group.Slug, memberId, cancellationToken);
    }

    /// <summary>
    /// The member a moderation action names, as the caller may see them. Someone blocked either way is "not found" here as
    /// everywhere; another manager, whom the block does not touch, can act on them.
    /// </summary>
    internal static Task<Outcome<long>> FindTargetAsync(EntregentDb db, NetworkGraph network, long callerId, string? handle,
        CancellationToken cancellationToken) => VisibleMembers.FindAsync(db, network, callerId, handle, cancellationToken);
}
