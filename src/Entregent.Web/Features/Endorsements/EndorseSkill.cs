using Entregent.Web.Data;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Endorsements;

/// <summary>
/// Endorse a skill a 1st-degree connection lists, or take the endorsement back. Both are idempotent: endorsing twice
/// (a double click, two tabs) leaves one endorsement, and taking back one that is gone is not an error.
/// </summary>
public static class EndorseSkill
{
    public static async Task<Outcome<ListSkills.SkillView>> EndorseAsync(EntregentDb db, NetworkGraph network, TimeProvider time, long endorserId,
        string? handle, string? skill, CancellationToken cancellationToken)
    {
        var member = await FindMemberAsync(db, network, endorserId, handle, cancellationToken);
        if (!member.Succeeded)
        {
            return member.Failure!;
        }
        var memberId = member.Value;
        if (!network.AreConnected(endorserId, memberId))
        {
            return Failure.Forbidden("Only your 1st-degree connections can be endorsed: connect with this member first.");
        }
        var key = KeyOf(skill);
        var skillId = key is null ? null : await db.MemberSkills.AsNoTracking().Where(s => s.MemberId == memberId && s.Skill!.Key == key)
            .Select(s => (long?)s.SkillId).FirstOrDefaultAsync(cancellationToken);
        if (skillId is not { } id)
        {
            return SkillNotFound(skill, "This member does not list the skill '{0}'.");
        }

        if (!await ExistsAsync(db, endorserId, memberId, id, cancellationToken))
        {
            db.Endorsements.Add(new Endorsement { EndorserId = endorserId, MemberId = memberId, SkillId = id, CreatedAt = time.GetUtcNow() });
            var skillName = await db.Skills.AsNoTracking().Where(s => s.Id == id).Select(s => s.Name).FirstAsync(cancellationToken);
            // Once per endorser and skill: taking an endorsement back and giving it again does not notify again.
            await Notify.AddAsync(db, time, memberId, NotificationKind.Endorsement, endorserId, $"endorsed you for {skillName}", "/me",
                $"endorsement:{endorserId}:{id}", cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same endorsement saved at the same moment (the key is the triple): the one row is what both wanted.
                db.ChangeTracker.Clear();
                if (!await ExistsAsync(db, endorserId, memberId, id, cancellationToken))
                {
                    throw;
                }
            }
        }
        return (await ListSkills.ForMemberAsync(db, network, endorserId, memberId, id, cancellationToken))[0];
    }

    /// <summary>Takes an endorsement back; allowed after the two disconnected, and for a skill no longer listed.</summary>
    public static async Task<Outcome<bool>> RemoveAsync(EntregentDb db, NetworkGraph network, long endorserId, string? handle, string? skill,
        CancellationToken cancellationToken)
    {
        var member = await FindMemberAsync(db, network, endorserId, handle, cancellationToken);
        if (!member.Succeeded)
        {
            return member.Failure!;
        }
        var key = KeyOf(skill);
        var skillId = key is null ? null : await db.Skills.AsNoTracking().Where(s => s.Key == key).Select(s => (long?)s.Id).FirstOrDefaultAsync(cancellationToken);
        if (skillId is not { } id)
        {
            return SkillNotFound(skill, "No skill is called '{0}'.");
        }
        var memberId = member.Value;
        var endorsement = await db.Endorsements.FirstOrDefaultAsync(e => e.EndorserId == endorserId && e.MemberId == memberId && e.SkillId == id, cancellationToken);
        if (endorsement is not null)
        {
            db.Endorsements.Remove(endorsement);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Removed at the same moment by another request: gone, as asked.
            }
        }
        return true;
    }

    private static async Task<Outcome<long>> FindMemberAsync(EntregentDb db, NetworkGraph network, long viewerId, string? handle,
        CancellationToken cancellationToken)
    {
        var found = await VisibleMembers.FindAsync(db, network, viewerId, handle, cancellationToken);
        if (found.Succeeded && found.Value == viewerId)
        {
            return Failure.Invalid("handle", "You cannot endorse your own skills.");
        }
        return found;
    }

    private static Task<bool> ExistsAsync(EntregentDb db, long endorserId, long memberId, long skillId, CancellationToken cancellationToken) =>
        db.Endorsements.AnyAsync(e => e.EndorserId == endorserId && e.MemberId == memberId && e.SkillId == skillId, cancellationToken);

    private static string? KeyOf(string? skill) =>
        string.IsNullOrWhiteSpace(skill) || skill.Length > Skill.NameMaxLength ? null : Skill.KeyFor(skill.Trim());

    private static Failure SkillNotFound(string? skill, string format)
    {
        var message = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, skill);
        return new Failure(FailureKind.NotFound, message, new Dictionary<string, string[]> { ["skill"] = [message] });
    }
}
