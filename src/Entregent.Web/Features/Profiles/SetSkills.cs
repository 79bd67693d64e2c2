using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Profiles;

/// <summary>Replace one's list of skills. Spellings that differ only by case or accents are one skill, shared by everyone.</summary>
public static class SetSkills
{
    public const int MaxSkills = 50;

    public sealed record Request(IReadOnlyList<string>? Skills);

    public sealed record Response(IReadOnlyList<string> Skills);

    public static async Task<Outcome<Response>> ExecuteAsync(EntregentDb db, long memberId, Request request, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.Skills is null)
        {
            return Failure.Invalid("skills", "This field is required (an empty list removes every skill).");
        }
        var names = EditProfile.CleanList(errors, "skills", request.Skills, MaxSkills, Skill.NameMaxLength, Skill.KeyFor);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var profile = await db.Profiles.Include(p => p.Skills).FirstOrDefaultAsync(p => p.MemberId == memberId, cancellationToken);
        if (profile is null)
        {
            return Failure.NotFound("Your profile does not exist.");
        }

        for (var attempt = 0; ; attempt++)
        {
            var keys = names.Select(Skill.KeyFor).ToList();
            var known = await db.Skills.Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, StringComparer.Ordinal, cancellationToken);
            var wanted = new List<(Skill Skill, int Rank)>();
            for (var i = 0; i < names.Count; i++)
            {
                if (!known.TryGetValue(keys[i], out var skill))
                {
                    skill = new Skill { Name = names[i], Key = keys[i] };
                    db.Skills.Add(skill);
                    known[keys[i]] = skill;
                }
                wanted.Add((skill, i));
            }
            var unchanged = profile.Skills.Count == wanted.Count
                && profile.Skills.OrderBy(s => s.Rank).Select(s => s.SkillId).SequenceEqual(wanted.Select(w => w.Skill.Id));
            if (unchanged)
            {
                return new Response(names);
            }
            // Keep the rows of skills that stay (a removed and re-added row would clash on its key).
            var existing = profile.Skills.ToDictionary(s => s.SkillId);
            var keep = wanted.Where(w => w.Skill.Id != 0).Select(w => w.Skill.Id).ToHashSet();
            foreach (var row in profile.Skills.Where(s => !keep.Contains(s.SkillId)).ToList())
            {
                profile.Skills.Remove(row);
            }
            foreach (var (skill, rank) in wanted)
            {
                if (skill.Id != 0 && existing.TryGetValue(skill.Id, out var row))
                {
                    row.Rank = rank;
                }
                else
                {
                    profile.Skills.Add(new MemberSkill { MemberId = memberId, Skill = skill, Rank = rank });
                }
            }
            profile.SkillsUpdatedAt = time.GetUtcNow();
            profile.Version++;
            await FlagDetails.ResolveAsync(db, memberId, ProfileSection.Skills, DetailsFlagState.Updated, time.GetUtcNow(), cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new Response(wanted.Select(w => w.Skill.Name).ToList());
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                // Someone created one of these skills at the same moment: start again from a clean slate.
                db.ChangeTracker.Clear();
                profile = await db.Profiles.Include(p => p.Skills).FirstAsync(p => p.MemberId == memberId, cancellationToken);
            }
        }
    }
}
