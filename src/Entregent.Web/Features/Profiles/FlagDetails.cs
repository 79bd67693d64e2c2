using Entregent.Web.Data;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Features.Profiles;

/// <summary>An open "still at Acme?" flag on my profile, with who asked.</summary>
public sealed record DetailsFlagView(long Id, ProfileSection Section, long? PositionId, string? Position, MemberCard? FlaggedBy, string? Note,
    DetailsFlagState State, DateTimeOffset CreatedAt);

/// <summary>The owner confirmed a section unchanged: its "last confirmed" date, and how many open flags that answered.</summary>
public sealed record SectionConfirmation(ProfileSection Section, DateTimeOffset ConfirmedAt, int FlagsResolved);

/// <summary>
/// "Any news of X?": a 1st-degree connection flags a section of a member's profile as possibly out of date, which
/// asks the owner (a notification) to confirm it as is or update it. Confirming moves the section's "last confirmed"
/// date to now; editing the section resolves its open flags as updated.
/// </summary>
public static class FlagDetails
{
    /// <param name="Section">intro, positions, education, skills or contact.</param>
    /// <param name="PositionId">For the positions section: the position in question ("still at Acme?").</param>
    /// <param name="Note">Optional, plain text, up to 300 characters.</param>
    public sealed record Request(string? Section, long? PositionId = null, string? Note = null);

    public static async Task<Outcome<DetailsFlagView>> FlagAsync(EntregentDb db, NetworkGraph network, IOptions<NotificationOptions> options,
        TimeProvider time, long flaggerId, string? handle, Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var section = ParseSection(errors, request.Section);
        var note = errors.PlainText("note", request.Note, DetailsFlag.NoteMaxLength);
        if (request.PositionId is not null && section is not null && section != ProfileSection.Positions)
        {
            errors.Add("positionId", "A position can only be named for the positions section.");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var found = await VisibleMembers.FindAsync(db, network, flaggerId, handle, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }
        var memberId = found.Value;
        if (memberId == flaggerId)
        {
            return Failure.Invalid("handle", "Your own profile needs no flag: edit it or confirm it on your profile page.");
        }
        if (!network.AreConnected(flaggerId, memberId))
        {
            return Failure.Forbidden("Only 1st-degree connections can ask a member to confirm their details.");
        }
        string? positionText = null;
        if (request.PositionId is { } positionId)
        {
            var position = await db.Positions.AsNoTracking().Where(p => p.Id == positionId && p.MemberId == memberId)
                .Select(p => new { p.Title, Organization = p.Organization!.Name }).FirstOrDefaultAsync(cancellationToken);
            if (position is null)
            {
                return Failure.Invalid("positionId", "This member has no such position.");
            }
            positionText = $"{position.Title} at {position.Organization}";
        }
        if (await db.DetailsFlags.AnyAsync(f => f.FlaggedById == flaggerId && f.MemberId == memberId && f.Section == section
                && f.State == DetailsFlagState.Open, cancellationToken))
        {
            return Failure.Conflict("section", "You already asked this member to confirm this section; wait for their answer.");
        }
        var now = time.GetUtcNow();
        var limit = options.Value.FlagsPerDay;
        var recent = await db.DetailsFlags.Where(f => f.FlaggedById == flaggerId && f.CreatedAt > now.AddDays(-1))
            .OrderBy(f => f.CreatedAt).Select(f => f.CreatedAt).Take(limit).ToListAsync(cancellationToken);
        if (recent.Count >= limit)
        {
            var from = recent[0].AddDays(1);
            return Failure.TooManyRequests($"You can ask {limit} members a day to confirm their details; you can ask again from {from:yyyy-MM-dd HH:mm} UTC.", from - now);
        }

        var flag = new DetailsFlag
        {
            MemberId = memberId,
            FlaggedById = flaggerId,
            Section = section!.Value,
            PositionId = request.PositionId,
            Note = note,
            State = DetailsFlagState.Open,
            CreatedAt = now,
        };
        db.DetailsFlags.Add(flag);
        var question = positionText is not null ? $"asks: still {positionText}?" : $"asks whether your {Name(flag.Section)} section is still up to date";
        await Notify.AddAsync(db, time, memberId, NotificationKind.DetailsFlagged, flaggerId, note is null ? question : $"{question} “{note}”", "/me#flags",
            null, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index on open flags: the same flag sent twice at once.
            db.ChangeTracker.Clear();
            return Failure.Conflict("section", "You already asked this member to confirm this section; wait for their answer.");
        }
        var card = await MemberCards.LoadAsync(db, network, flaggerId, [flaggerId], cancellationToken);
        return new DetailsFlagView(flag.Id, flag.Section, flag.PositionId, positionText, card.GetValueOrDefault(flaggerId), note, flag.State, now);
    }

    /// <summary>The open flags on my profile, newest first, with who asked (a flagger blocked since is left out).</summary>
    public static async Task<IReadOnlyList<DetailsFlagView>> ListMineAsync(EntregentDb db, NetworkGraph network, long memberId, CancellationToken cancellationToken)
    {
        var flags = await db.DetailsFlags.AsNoTracking().Where(f => f.MemberId == memberId && f.State == DetailsFlagState.Open)
            .OrderByDescending(f => f.Id).Take(200)
            .Select(f => new
            {
                f.Id, f.Section, f.PositionId, f.FlaggedById, f.Note, f.State, f.CreatedAt,
                Title = db.Positions.Where(p => p.Id == f.PositionId).Select(p => p.Title).FirstOrDefault(),
                Organization = db.Positions.Where(p => p.Id == f.PositionId).Select(p => p.Organization!.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var shown = flags.Where(f => !network.IsBlocked(memberId, f.FlaggedById)).ToList();
        var cards = await MemberCards.LoadAsync(db, network, memberId, shown.Select(f => f.FlaggedById).ToList(), cancellationToken);
        return shown.Select(f => new DetailsFlagView(f.Id, f.Section, f.PositionId, f.Title is null ? null : $"{f.Title} at {f.Organization}",
            cards.GetValueOrDefault(f.FlaggedById), f.Note, f.State, f.CreatedAt)).ToList();
    }

    public static async Task<Outcome<bool>> DismissAsync(EntregentDb db, TimeProvider time, long memberId, long id, CancellationToken cancellationToken)
    {
        var flag = await db.DetailsFlags.FirstOrDefaultAsync(f => f.Id == id && f.MemberId == memberId, cancellationToken);
        if (flag is null)
        {
            return Failure.NotFound("No such flag on your profile.");
        }
        if (flag.State == DetailsFlagState.Open)
        {
            flag.State = DetailsFlagState.Dismissed;
            flag.ResolvedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }

    /// <summary>
    /// "Confirm as is": the section's last-confirmed date (for positions, also each current position's) becomes now,
    /// and its open flags are resolved as confirmed.
    /// </summary>
    public static async Task<Outcome<SectionConfirmation>> ConfirmAsync(EntregentDb db, TimeProvider time, long memberId, string? sectionName,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var section = ParseSection(errors, sectionName);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var profile = await db.Profiles.FirstOrDefaultAsync(p => p.MemberId == memberId, cancellationToken);
        if (profile is null)
        {
            return Failure.NotFound("Your profile does not exist.");
        }
        var now = time.GetUtcNow();
        switch (section!.Value)
        {
            case ProfileSection.Intro:
                profile.IntroUpdatedAt = now;
                break;
            case ProfileSection.Contact:
                profile.ContactUpdatedAt = now;
                break;
            case ProfileSection.Education:
                profile.EducationUpdatedAt = now;
                break;
            case ProfileSection.Skills:
                profile.SkillsUpdatedAt = now;
                break;
            default:
                profile.PositionsUpdatedAt = now;
                foreach (var position in await db.Positions.Where(p => p.MemberId == memberId && p.EndMonth == null).ToListAsync(cancellationToken))
                {
                    position.UpdatedAt = now;
                }
                break;
        }
        profile.Version++;
        var resolved = await ResolveAsync(db, memberId, section.Value, DetailsFlagState.Confirmed, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict("section", "Your profile changed meanwhile: reload it and try again.");
        }
        return new SectionConfirmation(section.Value, now, resolved);
    }

    /// <summary>Resolves the open flags on one section in the caller's unit of work; editing calls it with <see cref="DetailsFlagState.Updated"/>.</summary>
    public static async Task<int> ResolveAsync(EntregentDb db, long memberId, ProfileSection section, DetailsFlagState state, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var open = await db.DetailsFlags.Where(f => f.MemberId == memberId && f.Section == section && f.State == DetailsFlagState.Open)
            .ToListAsync(cancellationToken);
        foreach (var flag in open)
        {
            flag.State = state;
            flag.ResolvedAt = now;
        }
        return open.Count;
    }

    public static string Name(ProfileSection section) => section.ToString().ToLowerInvariant();

    internal static ProfileSection? ParseSection(FieldErrors errors, string? name)
    {
        var section = Enum.GetValues<ProfileSection>().Where(s => string.Equals(Name(s), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(s => (ProfileSection?)s).FirstOrDefault();
        if (section is null)
        {
            errors.Add("section", "Use intro, positions, education, skills or contact.");
        }
        return section;
    }
}
