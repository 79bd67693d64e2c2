using Entregent.Web.Data;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Features.Connections;

/// <summary>
/// Invite a member to connect, with an optional note and how the two know each other. An invitation crossing one
/// already sent the other way connects both at once.
/// </summary>
public static class SendInvitation
{
    /// <param name="To">The invitee's handle.</param>
    /// <param name="Note">Up to 300 characters, plain text.</param>
    /// <param name="Context">How the two know each other.</param>
    /// <param name="Organization">For colleagues and classmates: the organisation or school's slug.</param>
    public sealed record Request(string? To, string? Note = null, HowMet? Context = null, string? Organization = null);

    public static async Task<Outcome<InvitationView>> ExecuteAsync(EntregentDb db, NetworkGraph network, IOptions<NetworkOptions> options,
        TimeProvider time, long senderId, Request request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var note = errors.Text("note", request.Note, Invitation.NoteMaxLength);
        var context = request.Context ?? HowMet.Other;
        if (!Enum.IsDefined(context) || context == HowMet.Unstated)
        {
            errors.Add("context", "Use colleague, classmate, client, partner, event or other.");
        }
        long? organizationId = null;
        if (!string.IsNullOrWhiteSpace(request.Organization))
        {
            var slug = request.Organization.Trim().ToLowerInvariant();
            organizationId = await db.Organizations.Where(o => o.Slug == slug).Select(o => (long?)o.Id).FirstOrDefaultAsync(cancellationToken)
                ?? await db.OrganizationAliases.Where(a => a.Slug == slug).Select(a => (long?)a.OrganizationId).FirstOrDefaultAsync(cancellationToken);
            if (organizationId is null)
            {
                errors.Add("organization", $"No organisation has the slug '{request.Organization}'.");
            }
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var found = await VisibleMembers.FindAsync(db, network, senderId, request.To, cancellationToken, "to");
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        var recipientId = found.Value;
        if (recipientId == senderId)
        {
            return Failure.Invalid("to", "You cannot invite yourself.");
        }
        if (await Connection.ExistsAsync(db, senderId, recipientId, cancellationToken))
        {
            return Failure.Conflict("to", "You are already connected.");
        }

        var settings = options.Value;
        var now = time.GetUtcNow();
        var mine = await db.Invitations.Where(i => i.FromMemberId == senderId && i.ToMemberId == recipientId)
            .OrderByDescending(i => i.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (mine is { Status: InvitationStatus.Pending or InvitationStatus.Ignored })
        {
            return Failure.Conflict("to", "You have already invited this member.");
        }
        if (mine is { Status: InvitationStatus.Withdrawn, RespondedAt: { } withdrawnAt }
            && withdrawnAt.AddDays(settings.ReinviteAfterWithdrawalDays) > now)
        {
            var from = withdrawnAt.AddDays(settings.ReinviteAfterWithdrawalDays);
            return Failure.Conflict("to", $"You withdrew an invitation to this member; you can invite them again from {from:yyyy-MM-dd}.");
        }

        // An invitation waiting the other way: sending one back is accepting it.
        var crossing = await db.Invitations.FirstOrDefaultAsync(i => i.FromMemberId == recipientId && i.ToMemberId == senderId
            && (i.Status == InvitationStatus.Pending || i.Status == InvitationStatus.Ignored), cancellationToken);
        if (crossing is not null)
        {
            return await RespondToInvitation.AcceptAsync(db, network, options, time, senderId, crossing.Id, cancellationToken);
        }

        var sentThisWeek = await db.Invitations.CountAsync(i => i.FromMemberId == senderId && i.CreatedAt > now.AddDays(-7), cancellationToken);
        if (sentThisWeek >= settings.InvitationsPerWeek)
        {
            var oldest = await db.Invitations.Where(i => i.FromMemberId == senderId && i.CreatedAt > now.AddDays(-7))
                .OrderBy(i => i.CreatedAt).Select(i => i.CreatedAt).FirstAsync(cancellationToken);
            return Failure.TooManyRequests($"You can send {settings.InvitationsPerWeek} invitations a week; you can send more from {oldest.AddDays(7):yyyy-MM-dd HH:mm} UTC.",
                oldest.AddDays(7) - now);
        }
        if (network.ConnectionCountOf(senderId) >= settings.MaxConnections)
        {
            return Failure.Conflict("to", $"You have reached the limit of {settings.MaxConnections:N0} connections.");
        }

        var invitation = new Invitation
        {
            FromMemberId = senderId,
            ToMemberId = recipientId,
            Note = note,
            HowMet = context,
            ContextOrganizationId = organizationId,
            CreatedAt = now,
        };
        db.Invitations.Add(invitation);
        await Notify.AddAsync(db, time, recipientId, NotificationKind.InvitationReceived, senderId,
            note is null ? "wants to connect" : $"wants to connect: {note}", "/network", null, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index on pending pairs: the same invitation sent twice at once.
            return Failure.Conflict("to", "You have already invited this member.");
        }
        return (await InvitationView.LoadAsync(db, network, senderId, [invitation], cancellationToken))[0];
    }
}
