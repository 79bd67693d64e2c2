using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Groups;

/// <summary>A member leaves a group, or withdraws a request to join. The last owner must name another owner first.</summary>
public static class LeaveGroup
{
    public static async Task<Outcome<MembershipView>> ExecuteAsync(EntregentDb db, long memberId, string slug, CancellationToken cancellationToken)
    {
        var found = await GroupLookup.FindAsync(db, memberId, slug, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        var group = found.Value!.Group;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await GroupLookup.LockAsync(db, group.Id, cancellationToken);
            var membership = await db.GroupMemberships.AsNoTracking().FirstOrDefaultAsync(m => m.GroupId == group.Id && m.MemberId == memberId, cancellationToken);
            if (membership?.State != GroupMembershipState.Member)
            {
                return Failure.Conflict("group", "You are not a member of this group.");
            }
            if (membership.Role == GroupRole.Owner && !await OtherOwnerAsync(db, group.Id, memberId, cancellationToken))
            {
                return Failure.Conflict("group",
                    "You are the group's only owner: make another member an owner before you leave, or delete the group.");
            }
            if (!await GroupLookup.DeleteIfAsync(db, membership, GroupMembershipState.Member, cancellationToken))
            {
                return Failure.Conflict("group", "You are not a member of this group.");
            }
            await GroupLookup.AdjustMemberCountAsync(db, group.Id, -1, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return await GroupNames.MembershipAsync(db, group.Id, group.Slug, memberId, cancellationToken);
    }

    /// <summary>Withdraw one's own request to join.</summary>
    public static async Task<Outcome<MembershipView>> CancelRequestAsync(EntregentDb db, long memberId, string slug, CancellationToken cancellationToken)
    {
        var found = await GroupLookup.FindAsync(db, memberId, slug, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        var group = found.Value!.Group;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var membership = await db.GroupMemberships.AsNoTracking().FirstOrDefaultAsync(m => m.GroupId == group.Id && m.MemberId == memberId, cancellationToken);
            if (membership?.State != GroupMembershipState.Requested
                || !await GroupLookup.DeleteIfAsync(db, membership, GroupMembershipState.Requested, cancellationToken))
            {
                return Failure.Conflict("group", "You have no request to join this group.");
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return await GroupNames.MembershipAsync(db, group.Id, group.Slug, memberId, cancellationToken);
    }

    /// <summary>Whether the group has an owner other than <paramref name="memberId"/>.</summary>
    public static Task<bool> OtherOwnerAsync(EntregentDb db, long groupId, long memberId, CancellationToken cancellationToken) =>
        db.GroupMemberships.AnyAsync(m => m.GroupId == groupId && m.MemberId != memberId && m.State == GroupMembershipState.Member
            && m.Role == GroupRole.Owner, cancellationToken);
}
