using Entregent.Web.Data;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Groups;

/// <summary>Where a member stands in a group after an action: member, requested, invited, banned, or nothing (null).</summary>
public sealed record MembershipView(string Group, GroupMembershipState? State, GroupRole? Role, int MemberCount);

/// <summary>
/// A member asks to be in a group. A public open group takes them at once; a public group on approval and a private group
/// record a request that the managers decide (and are told of); an unlisted group cannot be joined without an invitation
/// (and answers 404 to whoever was not invited). Joining with an invitation waiting accepts it.
/// </summary>
public static class JoinGroup
{
    public static async Task<Outcome<MembershipView>> ExecuteAsync(EntregentDb db, TimeProvider time, long memberId, string slug,
        CancellationToken cancellationToken)
    {
        var found = await GroupLookup.FindAsync(db, memberId, slug, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        var context = found.Value!;
        var group = context.Group;
        switch (context.Mine?.State)
        {
            case GroupMembershipState.Member:
                return Failure.Conflict("group", "You are already a member of this group.");
            case GroupMembershipState.Requested:
                return Failure.Conflict("group", "You have already asked to join; a manager of the group will decide.");
            case GroupMembershipState.Banned:
                return Failure.Forbidden("You were banned from this group: you cannot join it again.");
            case GroupMembershipState.Invited:
                return await RespondToGroupInvitation.AcceptAsync(db, time, memberId, slug, cancellationToken);
        }
        if (group.Kind == GroupKind.Unlisted)
        {
            // Unreachable while CanSee hides unlisted groups from the uninvited; kept so a change there cannot open them.
            return GroupLookup.NotFound(slug);
        }
        var now = time.GetUtcNow();
        var open = group.Kind == GroupKind.Public && group.JoinPolicy == GroupJoinPolicy.Open;
        var membership = new GroupMembership
        {
            GroupId = group.Id,
            MemberId = memberId,
            Role = GroupRole.Member,
            State = open ? GroupMembershipState.Member : GroupMembershipState.Requested,
            CreatedAt = now,
            JoinedAt = open ? now : null,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.GroupMemberships.Add(membership);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The unique (group, member) pair: the same member joining twice at once, or invited or banned meanwhile.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return Failure.Conflict("group", "You are already a member of this group or have already asked to join.");
            }
            if (open)
            {
                await GroupLookup.AdjustMemberCountAsync(db, group.Id, +1, cancellationToken);
            }
            else
            {
                foreach (var managerId in await GroupLookup.ManagerIdsAsync(db, group.Id, cancellationToken))
                {
                    await Notify.AddAsync(db, time, managerId, NotificationKind.GroupActivity, memberId,
                        $"asks to join {group.Name}", $"/groups/{group.Slug}/requests", $"group-request:{membership.Id}", cancellationToken);
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return await GroupNames.MembershipAsync(db, group.Id, group.Slug, memberId, cancellationToken);
    }
}

/// <summary>Small reads the membership use cases share.</summary>
public static class GroupNames
{
    /// <summary>The member's standing in the group as the store has it now (after the action), with the exact member count.</summary>
    public static async Task<MembershipView> MembershipAsync(EntregentDb db, long groupId, string slug, long memberId, CancellationToken cancellationToken)
    {
        var membership = await db.GroupMemberships.AsNoTracking().Where(m => m.GroupId == groupId && m.MemberId == memberId)
            .Select(m => new { m.State, m.Role }).FirstOrDefaultAsync(cancellationToken);
        var count = await db.Groups.AsNoTracking().Where(g => g.Id == groupId).Select(g => g.MemberCount).FirstOrDefaultAsync(cancellationToken);
        return new MembershipView(slug, membership?.State, membership?.State == GroupMembershipState.Member ? membership.Role : null, count);
    }
}
