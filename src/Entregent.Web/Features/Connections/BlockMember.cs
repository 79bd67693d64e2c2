using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Connections;

/// <summary>
/// Block and unblock. A block removes the connection, settles pending invitations both ways and ends follows both
/// ways, in one transaction; from then on neither member sees the other anywhere (once the graph has the change:
/// HTTP callers wait for it through <see cref="ReadYourWrites"/>).
/// </summary>
public static class BlockMember
{
    public sealed record BlockedView(string Handle, string DisplayName, DateTimeOffset BlockedAt);

    public static async Task<Outcome<bool>> BlockAsync(EntregentDb db, NetworkGraph network, TimeProvider time, long memberId, string handle,
        CancellationToken cancellationToken)
    {
        // A member already blocked by the other side is invisible, but blocking them back must still work.
        var key = handle.Trim().ToLowerInvariant();
        var targetId = await db.Profiles.Where(p => p.Handle == key).Select(p => (long?)p.MemberId).FirstOrDefaultAsync(cancellationToken);
        if (targetId is not { } target)
        {
            return Failure.NotFound($"No member has the handle '{handle}'.");
        }
        if (target == memberId)
        {
            return Failure.Invalid("handle", "You cannot block yourself.");
        }
        if (await db.Blocks.AnyAsync(b => b.BlockerId == memberId && b.BlockedId == target, cancellationToken))
        {
            return true;
        }
        var now = time.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Blocks.Add(new Block { BlockerId = memberId, BlockedId = target, CreatedAt = now });
            if (await Connection.FindAsync(db, memberId, target, cancellationToken) is { } connection)
            {
                db.Connections.Remove(connection);
            }
            var invitations = await db.Invitations.Where(i => ((i.FromMemberId == memberId && i.ToMemberId == target)
                    || (i.FromMemberId == target && i.ToMemberId == memberId))
                && (i.Status == InvitationStatus.Pending || i.Status == InvitationStatus.Ignored)).ToListAsync(cancellationToken);
            foreach (var invitation in invitations)
            {
                invitation.Status = InvitationStatus.Withdrawn;
                invitation.RespondedAt = now;
            }
            db.Follows.RemoveRange(await db.Follows.Where(f => (f.FollowerId == memberId && f.FollowedMemberId == target)
                || (f.FollowerId == target && f.FollowedMemberId == memberId)).ToListAsync(cancellationToken));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same block sent twice at once: the first one stands.
                db.ChangeTracker.Clear();
                return true;
            }
        }
        return true;
    }

    public static async Task<Outcome<bool>> UnblockAsync(EntregentDb db, long memberId, string handle,
        CancellationToken cancellationToken)
    {
        var key = handle.Trim().ToLowerInvariant();
        var block = await db.Blocks.FirstOrDefaultAsync(b => b.BlockerId == memberId
            && db.Profiles.Any(p => p.MemberId == b.BlockedId && p.Handle == key), cancellationToken);
        if (block is null)
        {
            return Failure.NotFound("You have not blocked this member.");
        }
        db.Blocks.Remove(block);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The members the member blocked, newest first: only the blocker sees a block.</summary>
    public static async Task<IReadOnlyList<BlockedView>> ListAsync(EntregentDb db, long memberId, CancellationToken cancellationToken) =>
        await db.Blocks.AsNoTracking().Where(b => b.BlockerId == memberId).OrderByDescending(b => b.CreatedAt)
            .Join(db.Profiles, b => b.BlockedId, p => p.MemberId, (b, p) => new BlockedView(p.Handle, p.DisplayName, b.CreatedAt))
            .ToListAsync(cancellationToken);
}
