using Entregent.Web.Data;
using Entregent.Web.Features.Organizations;
using Entregent.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Profiles;

/// <summary>Add, change and remove one's own education. An unknown school name creates the school.</summary>
public static class ManageEducation
{
    public const int MaxEntries = 50;

    public sealed record Request(string? School, string? Degree, string? Field, int? StartYear, int? EndYear);

    public static Task<Outcome<EducationView>> AddAsync(EntregentDb db, long memberId, Request request, TimeProvider time, CancellationToken cancellationToken) =>
        SaveAsync(db, memberId, null, request, time, cancellationToken);

    public static Task<Outcome<EducationView>> UpdateAsync(EntregentDb db, long memberId, long id, Request request, TimeProvider time, CancellationToken cancellationToken) =>
        SaveAsync(db, memberId, id, request, time, cancellationToken);

    public static async Task<Outcome<bool>> DeleteAsync(EntregentDb db, long memberId, long id, TimeProvider time, CancellationToken cancellationToken)
    {
        var entry = await db.Education.FirstOrDefaultAsync(e => e.Id == id && e.MemberId == memberId, cancellationToken);
        if (entry is null)
        {
            return Failure.NotFound($"You have no education entry {id}.");
        }
        db.Education.Remove(entry);
        await TouchAsync(db, memberId, time, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static async Task<Outcome<EducationView>> SaveAsync(EntregentDb db, long memberId, long? id, Request request, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var school = FindOrCreateOrganization.ValidateName(errors, "school", request.School);
        var degree = errors.Line("degree", request.Degree, Education.DegreeMaxLength);
        var field = errors.Line("field", request.Field, Education.FieldMaxLength);
        var latest = time.GetUtcNow().Year + 10;
        if (request.StartYear is { } start && (start < 1900 || start > time.GetUtcNow().Year))
        {
            errors.Add("startYear", $"Between 1900 and {time.GetUtcNow().Year}.");
        }
        if (request.EndYear is { } end && (end < 1900 || end > latest))
        {
            errors.Add("endYear", $"Between 1900 and {latest} (expected graduation).");
        }
        else if (request is { StartYear: { } s, EndYear: { } e } && e < s)
        {
            errors.Add("endYear", "The end comes before the start.");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        Education? entry;
        if (id is { } existingId)
        {
            entry = await db.Education.FirstOrDefaultAsync(x => x.Id == existingId && x.MemberId == memberId, cancellationToken);
            if (entry is null)
            {
                return Failure.NotFound($"You have no education entry {existingId}.");
            }
        }
        else
        {
            if (await db.Education.CountAsync(x => x.MemberId == memberId, cancellationToken) >= MaxEntries)
            {
                return Failure.Invalid("school", $"A profile holds at most {MaxEntries} education entries.");
            }
            entry = new Education { MemberId = memberId };
            db.Education.Add(entry);
        }

        var organization = await FindOrCreateOrganization.ExecuteAsync(db, school!, OrganizationKind.School, time, cancellationToken);
        entry.Organization = organization;
        entry.Degree = degree;
        entry.Field = field;
        entry.StartYear = request.StartYear;
        entry.EndYear = request.EndYear;
        entry.UpdatedAt = time.GetUtcNow();
        await TouchAsync(db, memberId, time, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new EducationView(entry.Id, new OrganizationRef(organization.Name, organization.Slug), entry.Degree, entry.Field, entry.StartYear, entry.EndYear);
    }

    private static async Task TouchAsync(EntregentDb db, long memberId, TimeProvider time, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.FirstAsync(p => p.MemberId == memberId, cancellationToken);
        profile.EducationUpdatedAt = time.GetUtcNow();
        profile.Version++;
        await FlagDetails.ResolveAsync(db, memberId, ProfileSection.Education, DetailsFlagState.Updated, time.GetUtcNow(), cancellationToken);
    }
}
