using Entregent.Web.Data;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Groups;

/// <summary>
/// A member invites someone to a group: any member of a public or private group, only managers of an unlisted one. The
/// invitee must be someone the inviter may see (a block either way, or a profile out of reach, answers 404), and not be
/// banned. An invitation from a manager lets the invitee in on acceptance; one from a plain member of a group that asks
/// approval turns into a request when accepted, so members cannot bypass the managers.
/// </summary>
public static class InviteToGroup
{
    /// <param name="Handle">The invitee's handle.</param>
    public sealed record Request(string? Handle);

    public static async Task<Outcome<MembershipView>> ExecuteAsync(EntregentDb db, NetworkGraph network, TimeProvider time, long inviterId,
        string slug, Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await GroupLookup.FindAsync(db, inviterId, slug, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        var context = found.Value!;
        var group = context.Group;
        if (context.Mine?.State != GroupMembershipState.Member)
        {
            return Failure.Forbidden("Only members can invite to this group.");
        }
        if (group.Kind == GroupKind.Unlisted && !context.CanModerate)
        {
            return Failure.Forbidden("Only the managers of an unlisted group can invite to it.");
        }
        var invitee = await VisibleMembers.FindAsync(db, network, inviterId, request.Handle, cancellationToken);
        if (!invitee.Succeeded)
        {
            return invitee.Failure!;
        }
        var inviteeId = invitee.Value;
        if (inviteeId == inviterId)
        {
            return Failure.Invalid("handle", "You are already in this group.");
        }
        var existing = await db.GroupMemberships.FirstOrDefaultAsync(m => m.GroupId == group.Id && m.MemberId == inviteeId, cancellationToken);
        var now = time.GetUtcNow();
        switch (existing?.State)
        {
            case GroupMembershipState.Member:
                return Failure.Conflict("handle", "This member is already in the group.");
            case GroupMembershipState.Invited:
                return Failure.Conflict("handle", "This member has already been invited.");
            case GroupMembershipState.Banned:
                return Failure.Conflict("handle", "This member cannot be invited to this group.");
            case GroupMembershipState.Requested when context.CanModerate:
                // They asked already: a manager inviting them is a manager approving them.
                return await DecideJoinRequest.ApproveAsync(db, time, inviterId, slug, existing.MemberId, cancellationToken);
            case GroupMembershipState.Requested:
                return Failure.Conflict("handle", "This member has already asked to join; a manager will decide.");
        }
        if (!await EligibleAsync(db, group, inviteeId, cancellationToken))
        {
            // An internal group: the invitee could not even see it. Said as for an unknown member, so the inviter learns
            // nothing about whom the organisation verified.
            return Failure.Conflict("handle", "This member cannot be invited to this group.");
        }
        var membership = new GroupMembership
        {
            GroupId = group.Id, MemberId = inviteeId, Role = GroupRole.Member, State = GroupMembershipState.Invited, InvitedById = inviterId, CreatedAt = now,
        };
        db.GroupMemberships.Add(membership);
        await Notify.AddAsync(db, time, inviteeId, NotificationKind.GroupActivity, inviterId, $"invites you to join {group.Name}",
            $"/groups/{group.Slug}/about", null, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict("handle", "This member has already been invited.");
        }
        return await GroupNames.MembershipAsync(db, group.Id, group.Slug, inviteeId, cancellationToken);
    }

    /// <summary>An internal group admits only the organisation's verified members.</summary>
    private static async Task<bool> EligibleAsync(EntregentDb db, Group group, long memberId, CancellationToken cancellationToken) =>
        !group.IsInternal || (group.OrganizationId is { } organizationId
            && await db.OrganizationVerifications.AnyAsync(v => v.OrganizationId == organizationId && v.MemberId == memberId, cancellationToken));
}

/// <summary>The invited member accepts or declines.</summary>
public static class RespondToGroupInvitation
{
    public static async Task<Outcome<MembershipView>> AcceptAsync(EntregentDb db, TimeProvider time, long memberId, string slug,
        CancellationToken cancellationToken)
    {
        var found = await GroupLookup.FindAsync(db, memberId, slug, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        var group = found.Value!.Group;
        var membership = await db.GroupMemberships.AsNoTracking().FirstOrDefaultAsync(m => m.GroupId == group.Id && m.MemberId == memberId, cancellationToken);
        if (membership?.State != GroupMembershipState.Invited)
        {
            return Failure.Conflict("group", "No invitation to this group waits for you.");
        }
        // A plain member's invitation to a group that asks approval becomes a request; a manager's lets the member in.
        var inviterRole = membership.InvitedById is { } inviterId
            ? await db.GroupMemberships.AsNoTracking().Where(m => m.GroupId == group.Id && m.MemberId == inviterId && m.State == GroupMembershipState.Member)
                .Select(m => (GroupRole?)m.Role).FirstOrDefaultAsync(cancellationToken)
            : null;
        var admitted = group.Kind == GroupKind.Public && group.JoinPolicy == GroupJoinPolicy.Open || inviterRole is GroupRole.Manager or GroupRole.Owner;
        var now = time.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var target = admitted ? GroupMembershipState.Member : GroupMembershipState.Requested;
            if (!await GroupLookup.TransitionAsync(db, membership, GroupMembershipState.Invited, target, now, cancellationToken))
            {
                return Failure.Conflict("group", "No invitation to this group waits for you.");
            }
            if (admitted)
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

    public static async Task<Outcome<MembershipView>> DeclineAsync(EntregentDb db, long memberId, string slug, CancellationToken cancellationToken)
    {
        var found = await GroupLookup.FindAsync(db, memberId, slug, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        var group = found.Value!.Group;
        var membership = await db.GroupMemberships.AsNoTracking().FirstOrDefaultAsync(m => m.GroupId == group.Id && m.MemberId == memberId, cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (membership?.State != GroupMembershipState.Invited || !await GroupLookup.DeleteIfAsync(db, membership, GroupMembershipState.Invited, cancellationToken))
            {
                return Failure.Conflict("group", "No invitation to this group waits for you.");
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return await GroupNames.MembershipAsync(db, group.Id, group.Slug, memberId, cancellationToken);
    }
}
