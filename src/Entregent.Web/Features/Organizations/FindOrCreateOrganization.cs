using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Entregent.Web.Features.Organizations;

/// <summary>
/// The organisation a member means when they type a name in a position or an education entry: an existing one
/// with the same match key (or a former name of one, after a merge), else a new one created on the fly.
/// </summary>
public static class FindOrCreateOrganization
{
    /// <summary>
    /// The organisation named <paramref name="name"/>, tracked by <paramref name="db"/>: an existing one, or one
    /// created now. A new organisation is saved at once, apart, in its own transaction (with its feed row): it is a
    /// shared record that stands on its own, and saving it apart means a race between two members typing the same
    /// new name ends with one organisation and two successful saves, never an error. Costs one indexed lookup, plus
    /// one insert the first time a name is seen.
    /// </summary>
    public static async Task<Organization> ExecuteAsync(EntregentDb db, string name, OrganizationKind kind, TimeProvider time, CancellationToken cancellationToken)
    {
        var key = OrganizationNames.MatchKey(name);
        for (var attempt = 0; ; attempt++)
        {
            var existing = await FindAsync(db, key, cancellationToken);
            if (existing is not null)
            {
                return existing;
            }
            var options = (DbContextOptions<EntregentDb>)db.GetService<IDbContextOptions>();
            await using var apart = new EntregentDb(options);
            var now = time.GetUtcNow();
            apart.Organizations.Add(new Organization
            {
                Name = name.Trim(),
                Slug = await FreeSlugAsync(apart, key, cancellationToken),
                MatchKey = key,
                Kind = kind,
                CreatedAt = now,
                UpdatedAt = now,
            });
            try
            {
                await apart.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Someone created it (or took the slug) a moment ago: look again.
            }
        }
    }

    private static async Task<Organization?> FindAsync(EntregentDb db, string key, CancellationToken cancellationToken) =>
        await db.Organizations.FirstOrDefaultAsync(o => o.MatchKey == key, cancellationToken)
            ?? await db.OrganizationAliases.Where(a => a.MatchKey == key)
                .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (_, o) => o)
                .FirstOrDefaultAsync(cancellationToken);

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
