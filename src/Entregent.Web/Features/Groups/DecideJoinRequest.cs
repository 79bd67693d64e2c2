using Entregent.Web.Data;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Groups;

/// <summary>Managers approve (the member is in, and told) or decline (the request is dropped; they may ask again) a request to join.</summary>
public static class DecideJoinRequest
{
    public static async Task<Outcome<MembershipView>> ApproveAsync(EntregentDb db, NetworkGraph network, TimeProvider time, long managerId,
        string slug, string handle, CancellationToken cancellationToken)
    {
        var found = await ModeratedAsync(db, managerId, slug, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        var target = await ManageMembers.FindTargetAsync(db, network, managerId, handle, cancellationToken);
        return target.Succeeded ? await ApproveAsync(db, time, managerId, slug, target.Value, cancellationToken) : target.Failure!;
    }

    /// <summary>Approves <paramref name="memberId"/>'s request; used too when a manager invites someone who had asked.</summary>
    public static async Task<Outcome<MembershipView>> ApproveAsync(EntregentDb db, TimeProvider time, long managerId, string slug, long memberId,
        CancellationToken cancellationToken)
    {
        var found = await ModeratedAsync(db, managerId, slug, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        var group = found.Value!.Group;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var membership = await db.GroupMemberships.AsNoTracking().FirstOrDefaultAsync(m => m.GroupId == group.Id && m.MemberId == memberId, cancellationToken);
            if (membership?.State != GroupMembershipState.Requested
                || !await GroupLookup.TransitionAsync(db, membership, GroupMembershipState.Requested, GroupMembershipState.Member, time.GetUtcNow(), cancellationToken))
            {
                return Failure.Conflict("handle", "This member has no request waiting (another manager may have decided it).");
            }
            await GroupLookup.AdjustMemberCountAsync(db, group.Id, +1, cancellationToken);
            await Notify.AddAsync(db, time, memberId, NotificationKind.GroupActivity, managerId, $"approved your request: you are now a member of {group.Name}",
                $"/groups/{group.Slug}", $"group-approved:{membership.Id}", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return await GroupNames.MembershipAsync(db, group.Id, group.Slug, memberId, cancellationToken);
    }

    public static async Task<Outcome<MembershipView>> DeclineAsync(EntregentDb db, NetworkGraph network, long managerId, string slug, string handle,
        CancellationToken cancellationToken)
    {
        var found = await ModeratedAsync(db, managerId, slug, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        var target = await ManageMembers.FindTargetAsync(db, network, managerId, handle, cancellationToken);
        if (!target.Succeeded)
        {
            return target.Failure!;
        }
        var group = found.Value!.Group;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var membership = await db.GroupMemberships.AsNoTracking().FirstOrDefaultAsync(m => m.GroupId == group.Id && m.MemberId == target.Value, cancellationToken);
            if (membership?.State != GroupMembershipState.Requested
                || !await GroupLookup.DeleteIfAsync(db, membership, GroupMembershipState.Requested, cancellationToken))
            {
                return Failure.Conflict("handle", "This member has no request waiting (another manager may have decided it).");
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return await GroupNames.MembershipAsync(db, group.Id, group.Slug, target.Value, cancellationToken);
    }

    /// <summary>The group, when the caller moderates it: 404 when they cannot see it, 403 when they can but do not moderate.</summary>
    internal static async Task<Outcome<GroupContext>> ModeratedAsync(EntregentDb db, long managerId, string slug, CancellationToken cancellationToken)
    {
        var found = await GroupLookup.FindAsync(db, managerId, slug, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        return found.Value!.CanModerate ? found.Value : Failure.Forbidden("Only the group's managers and owners can do this.");
    }
}
