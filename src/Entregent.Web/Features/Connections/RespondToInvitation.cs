using Entregent.Web.Data;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Features.Connections;

/// <summary>Accept or ignore an invitation received; withdraw one sent.</summary>
public static class RespondToInvitation
{
    public static async Task<Outcome<InvitationView>> AcceptAsync(EntregentDb db, NetworkGraph network, IOptions<NetworkOptions> options,
        TimeProvider time, long memberId, long invitationId, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.ToMemberId == memberId, cancellationToken);
        if (invitation is null || network.IsBlocked(invitation.FromMemberId, memberId))
        {
            return Failure.NotFound("No such invitation among those you received.");
        }
        if (invitation.Status == InvitationStatus.Accepted)
        {
            // Accepting twice (a double click, a retried request) is not an error.
            return (await InvitationView.LoadAsync(db, network, memberId, [invitation], cancellationToken))[0];
        }
        if (invitation.Status == InvitationStatus.Withdrawn)
        {
            return Failure.Conflict("status", "The sender withdrew this invitation.");
        }
        var limit = options.Value.MaxConnections;
        if (network.ConnectionCountOf(memberId) >= limit || network.ConnectionCountOf(invitation.FromMemberId) >= limit)
        {
            return Failure.Conflict("status", $"One of you has reached the limit of {limit:N0} connections.");
        }

        var now = time.GetUtcNow();
        invitation.Status = InvitationStatus.Accepted;
        invitation.RespondedAt = now;
        if (!await Connection.ExistsAsync(db, memberId, invitation.FromMemberId, cancellationToken))
        {
            db.Connections.Add(Connection.Between(memberId, invitation.FromMemberId, now, invitation.HowMet, invitation.ContextOrganizationId));
        }
        // Any invitation the other way is settled by this acceptance too.
        var reverse = await db.Invitations.Where(i => i.FromMemberId == memberId && i.ToMemberId == invitation.FromMemberId
            && (i.Status == InvitationStatus.Pending || i.Status == InvitationStatus.Ignored)).ToListAsync(cancellationToken);
        foreach (var other in reverse)
        {
            other.Status = InvitationStatus.Accepted;
            other.RespondedAt = now;
        }
        var accepter = await db.Profiles.AsNoTracking().Where(p => p.MemberId == memberId).Select(p => p.Handle).FirstAsync(cancellationToken);
        await Notify.AddAsync(db, time, invitation.FromMemberId, NotificationKind.InvitationAccepted, memberId, "accepted your invitation to connect",
            "/in/" + accepter, $"accepted:{invitation.Id}", cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Both sides accepted at once: the connection exists, which is what both wanted.
            db.ChangeTracker.Clear();
            invitation = await db.Invitations.AsNoTracking().FirstAsync(i => i.Id == invitationId, cancellationToken);
            if (!await Connection.ExistsAsync(db, memberId, invitation.FromMemberId, cancellationToken))
            {
                throw;
            }
        }
        await network.WaitForAsync(db.LastCommittedSequence, cancellationToken);
        return (await InvitationView.LoadAsync(db, network, memberId, [invitation], cancellationToken))[0];
    }

    public static async Task<Outcome<InvitationView>> IgnoreAsync(EntregentDb db, NetworkGraph network, TimeProvider time, long memberId,
        long invitationId, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.ToMemberId == memberId, cancellationToken);
        if (invitation is null)
        {
            return Failure.NotFound("No such invitation among those you received.");
        }
        if (invitation.Status is InvitationStatus.Accepted or InvitationStatus.Withdrawn)
        {
            return Failure.Conflict("status", $"This invitation is already {invitation.Status.ToString().ToLowerInvariant()}.");
        }
        if (invitation.Status == InvitationStatus.Pending)
        {
            invitation.Status = InvitationStatus.Ignored;
            invitation.RespondedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        return (await InvitationView.LoadAsync(db, network, memberId, [invitation], cancellationToken))[0];
    }

    public static async Task<Outcome<bool>> WithdrawAsync(EntregentDb db, TimeProvider time, long memberId, long invitationId,
        CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.FromMemberId == memberId, cancellationToken);
        if (invitation is null)
        {
            return Failure.NotFound("No such invitation among those you sent.");
        }
        if (invitation.Status == InvitationStatus.Accepted)
        {
            return Failure.Conflict("status", "This invitation was accepted; remove the connection instead.");
        }
        if (invitation.Status != InvitationStatus.Withdrawn)
        {
            invitation.Status = InvitationStatus.Withdrawn;
            invitation.RespondedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }
}
