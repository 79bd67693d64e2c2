using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Organizations;

/// <summary>
/// The organisation a member means when they type a name in a position or an education entry: an existing one
/// with the same match key (or a former name of one, after a merge), else a new one created on the fly.
/// </summary>
public static class FindOrCreateOrganization
{
    /// <summary>
    /// Finds or adds (unsaved) the organisation named <paramref name="name"/>. The caller saves, in its own
    /// transaction; if two members create the same one at once, the unique match key makes the later save fail
    /// with <see cref="DbUpdateException"/>, and a retry then finds the first.
    /// </summary>
    public static async Task<Organization> ExecuteAsync(EntregentDb db, string name, OrganizationKind kind, TimeProvider time, CancellationToken cancellationToken)
    {
        var key = OrganizationNames.MatchKey(name);
        var existing = await db.Organizations.FirstOrDefaultAsync(o => o.MatchKey == key, cancellationToken)
            ?? await db.OrganizationAliases.Where(a => a.MatchKey == key)
                .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (_, o) => o)
                .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }
        var local = db.Organizations.Local.FirstOrDefault(o => o.MatchKey == key);
        if (local is not null)
        {
            return local;
        }
        var now = time.GetUtcNow();
        var organization = new Organization
        {
            Name = name.Trim(),
            Slug = await FreeSlugAsync(db, key, cancellationToken),
            MatchKey = key,
            Kind = kind,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Organizations.Add(organization);
        return organization;
    }

    /// <summary>
    /// Points an entry (a position, an education entry) at the organisation named <paramref name="name"/> and saves.
    /// When another member created the same new organisation at the same moment, the save fails on the unique
    /// match key; the entry is then pointed at theirs and saved again.
    /// </summary>
    /// <param name="apply">Sets the organisation (and anything else) on the entry before each attempt.</param>
    public static async Task<Organization> SaveWithAsync(EntregentDb db, string name, OrganizationKind kind, TimeProvider time,
        Func<Organization, Task> apply, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var organization = await ExecuteAsync(db, name, kind, time, cancellationToken);
            await apply(organization);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return organization;
            }
            catch (DbUpdateException) when (attempt < 2 && db.ChangeTracker.Entries<Organization>().Any(e => e.State == EntityState.Added))
            {
                foreach (var added in db.ChangeTracker.Entries<Organization>().Where(e => e.State == EntityState.Added).ToList())
                {
                    added.State = EntityState.Detached;
                }
            }
        }
    }

    public static async Task<string> FreeSlugAsync(EntregentDb db, string name, CancellationToken cancellationToken)
    {
        var stem = TextKeys.Slug(name, Organization.SlugMaxLength - 6);
        if (stem.Length == 0)
        {
            stem = "organization";
        }
        var taken = (await db.Organizations.Where(o => o.Slug == stem || o.Slug.StartsWith(stem + "-")).Select(o => o.Slug).ToListAsync(cancellationToken))
            .Concat(await db.OrganizationAliases.Where(a => a.Slug != null && (a.Slug == stem || a.Slug.StartsWith(stem + "-"))).Select(a => a.Slug!).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(stem))
        {
            return stem;
        }
        for (var n = 2; ; n++)
        {
            var candidate = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{stem}-{n}");
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>Checks a typed organisation name: required, one line, no markup, not too long.</summary>
    public static string? ValidateName(FieldErrors errors, string field, string? name)
    {
        var text = errors.Line(field, name, Organization.NameMaxLength, required: true);
        if (text is not null && OrganizationNames.MatchKey(text).Length == 0)
        {
            errors.Add(field, "An organisation name needs at least one letter or digit.");
        }
        return text;
    }
}
