using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Groups;

/// <summary>Owners delete a group for good, with its memberships and posts.</summary>
public static class DeleteGroup
{
    public static async Task<Outcome<bool>> ExecuteAsync(EntregentDb db, long memberId, string slug, CancellationToken cancellationToken)
    {
        var found = await GroupLookup.FindAsync(db, memberId, slug, cancellationToken, tracked: true);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        if (!found.Value!.CanManage)
        {
            return Failure.Forbidden("Only the group's owners can delete it.");
        }
        var group = found.Value.Group;
        // The memberships (and posts) go with the group by cascade; the indexes hear of each membership so the feed
        // and "my groups" forget them too.
        var memberships = await db.GroupMemberships.Where(m => m.GroupId == group.Id).ToListAsync(cancellationToken);
        db.GroupMemberships.RemoveRange(memberships);
        db.Groups.Remove(group);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
