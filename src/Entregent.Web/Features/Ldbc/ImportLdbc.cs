using System.Globalization;
using Entregent.Web.Data;
using Entregent.Web.Features.Accounts;
using Entregent.Web.Features.Connections;
using Entregent.Web.Features.Organizations;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Ldbc;

/// <summary>Reports how far a phase of an import is: <c>done</c> of <c>total</c> rows.</summary>
public delegate void ImportProgress(string phase, int done, int total);

/// <summary>What an import wrote, and what it left out.</summary>
public sealed record LdbcImportSummary(
    int Members,
    int ExistingMembers,
    int Organizations,
    int Positions,
    int Education,
    int Connections,
    LdbcCommunitySummary Community,
    TimeSpan Elapsed,
    IReadOnlyList<string> Notes);

/// <summary>
/// Loads an <see cref="LdbcDataSet"/> into the store: each person becomes a member (no password, e-mail confirmed)
/// with a profile and <see cref="ImportedAttributes"/>, each organisation an <see cref="Organization"/>, workAt a
/// position, studyAt an education entry, knows a connection with its date; forums, posts, comments and likes become
/// groups, group posts, comments and reactions (ImportLdbc.Community.cs). <see cref="ExternalKey"/>s
/// (source <see cref="Source"/>) remember which LDBC id became which row, so running the import again skips what
/// is already there instead of duplicating it. One transaction: a failed import leaves nothing behind.
/// </summary>
/// <remarks>
/// Rows are inserted in batches of <see cref="BatchSize"/> with automatic change detection off and the change
/// tracker cleared between batches, so memory stays flat and each save is one round of batched inserts. Every saved
/// member, profile, organisation, position, education entry and connection appends its change-feed row as any
/// save does: the graph and search indexes follow an import like any other write.
/// </remarks>
public static partial class ImportLdbc
{
    public const string Source = "ldbc-snb";
    public const string MemberKeyKind = "member";
    public const string OrganizationKeyKind = "organization";
    public const int BatchSize = 4000;

    public static async Task<LdbcImportSummary> ExecuteAsync(EntregentDb db, LdbcDataSet data, TimeProvider time,
        ImportProgress? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(time);
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var notes = new List<string>(data.Missing.Select(m => $"not in this data set: {m}"));
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var organizations = await LoadKeysAsync(db, OrganizationKeyKind, cancellationToken);
            var members = await LoadKeysAsync(db, MemberKeyKind, cancellationToken);
            var existingMembers = members.Count == 0 ? [] : members.Values.ToHashSet();

            var newOrganizations = await ImportOrganizationsAsync(db, data, organizations, now, progress, cancellationToken);
            var newPersons = data.Persons.Where(p => !members.ContainsKey(p.Id)).ToList();
            var skippedPersons = data.Persons.Count - newPersons.Count;
            if (skippedPersons > 0)
            {
                notes.Add($"{skippedPersons} persons were imported before and are left as they are");
            }
            await ImportMembersAsync(db, data, newPersons, members, now, notes, progress, cancellationToken);

            var fresh = newPersons.Select(p => p.Id).ToHashSet();
            var positions = await ImportPositionsAsync(db, data, fresh, members, organizations, now, notes, progress, cancellationToken);
            var education = await ImportEducationAsync(db, data, fresh, members, organizations, now, notes, progress, cancellationToken);
            var connections = await ImportConnectionsAsync(db, data, members, existingMembers, notes, progress, cancellationToken);
            var community = await ImportCommunityAsync(db, data, members, notes, progress, cancellationToken);

            await transaction.CommitAsync(cancellationToken);
            return new LdbcImportSummary(newPersons.Count, skippedPersons, newOrganizations, positions, education, connections, community,
                time.GetElapsedTime(started), notes);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    /// <summary>LDBC id → local id of everything of <paramref name="kind"/> imported before.</summary>
    public static async Task<Dictionary<long, long>> LoadKeysAsync(EntregentDb db, string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var keys = await db.ExternalKeys.AsNoTracking()
            .Where(k => k.Source == Source && k.Kind == kind)
            .Select(k => new { k.ExternalId, k.LocalId })
            .ToListAsync(cancellationToken);
        return keys.ToDictionary(k => long.Parse(k.ExternalId, CultureInfo.InvariantCulture), k => k.LocalId);
    }

    private static async Task<int> ImportOrganizationsAsync(EntregentDb db, LdbcDataSet data, Dictionary<long, long> keys, DateTimeOffset now,
        ImportProgress? progress, CancellationToken cancellationToken)
    {
        var pending = data.Organisations.Values.Where(o => !keys.ContainsKey(o.Id)).OrderBy(o => o.Id).ToList();
        if (pending.Count == 0)
        {
            progress?.Invoke("organisations", 0, 0);
            return 0;
        }
        // Match keys and slugs are unique across the store, former names included.
        var matchKeys = (await db.Organizations.AsNoTracking().Select(o => o.MatchKey).ToListAsync(cancellationToken))
            .Concat(await db.OrganizationAliases.AsNoTracking().Select(a => a.MatchKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var slugs = (await db.Organizations.AsNoTracking().Select(o => o.Slug).ToListAsync(cancellationToken))
            .Concat(await db.OrganizationAliases.AsNoTracking().Where(a => a.Slug != null).Select(a => a.Slug!).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var done = 0;
        foreach (var batch in pending.Chunk(BatchSize))
        {
            var rows = batch.Select(o => (Ldbc: o, Row: NewOrganization(o, data, matchKeys, slugs, now))).ToList();
            db.Organizations.AddRange(rows.Select(r => r.Row));
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (ldbc, row) in rows)
            {
                keys[ldbc.Id] = row.Id;
                db.ExternalKeys.Add(Key(OrganizationKeyKind, ldbc.Id, row.Id));
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done += batch.Length;
            progress?.Invoke("organisations", done, pending.Count);
        }
        return pending.Count;
    }

    private static Organization NewOrganization(LdbcOrganisation o, LdbcDataSet data, HashSet<string> matchKeys, HashSet<string> slugs, DateTimeOffset now)
    {
        var name = Truncate(o.Name, Organization.NameMaxLength);
        // Our match key folds case, accents and legal forms, so two LDBC organisations can share one; each must
        // stay itself (LDBC answers name them apart), hence its id in the key when the plain one is taken.
        var key = OrganizationNames.MatchKey(name);
        if (key.Length == 0 || !matchKeys.Add(key))
        {
            key = Truncate(key, Organization.NameMaxLength - 24) + " ldbc " + o.Id.ToString(CultureInfo.InvariantCulture);
            matchKeys.Add(key);
        }
        var stem = TextKeys.Slug(OrganizationNames.MatchKey(name), Organization.SlugMaxLength - 8);
        if (stem.Length == 0)
        {
            stem = "organization";
        }
        var slug = stem;
        for (var n = 2; !slugs.Add(slug); n++)
        {
            slug = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
        }
        // LDBC places companies in countries and universities in cities.
        var place = o.PlaceId is { } placeId && data.Places.TryGetValue(placeId, out var p) ? p.Name : null;
        return new Organization
        {
            Name = name,
            Slug = slug,
            MatchKey = key,
            Kind = o.Type == "university" ? OrganizationKind.School : OrganizationKind.Company,
            Location = place is null ? null : Truncate(place, 100),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private static async Task ImportMembersAsync(EntregentDb db, LdbcDataSet data, List<LdbcPerson> persons, Dictionary<long, long> keys,
        DateTimeOffset now, List<string> notes, ImportProgress? progress, CancellationToken cancellationToken)
    {
        if (persons.Count == 0)
        {
            progress?.Invoke("members", 0, 0);
            return;
        }
        var handles = (await db.Profiles.AsNoTracking().Select(p => p.Handle).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var emails = (await db.Users.AsNoTracking().Where(u => u.NormalizedEmail != null).Select(u => u.NormalizedEmail!).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        int trimmedInterests = 0, trimmedLanguages = 0, syntheticEmails = 0;
        var done = 0;
        foreach (var batch in persons.Chunk(BatchSize))
        {
            var accounts = new List<(LdbcPerson Person, Member Account)>(batch.Length);
            foreach (var person in batch)
            {
                var email = data.Emails.TryGetValue(person.Id, out var list) ? list.FirstOrDefault(e => !emails.Contains(e.ToUpperInvariant())) : null;
                if (email is null)
                {
                    syntheticEmails++;
                    email = string.Create(CultureInfo.InvariantCulture, $"person-{person.Id}@ldbc.invalid");
                }
                emails.Add(email.ToUpperInvariant());
                accounts.Add((person, Member.Provisioned(email, person.CreationDate)));
            }
            db.Users.AddRange(accounts.Select(a => a.Account));
            await db.SaveChangesAsync(cancellationToken);

            foreach (var (person, account) in accounts)
            {
                keys[person.Id] = account.Id;
                var languages = data.Languages.TryGetValue(person.Id, out var spoken) ? spoken : [];
                var interests = data.Interests.TryGetValue(person.Id, out var tags)
                    ? tags.Select(t => data.Tags.TryGetValue(t, out var tag) ? tag : null).OfType<string>().Distinct(StringComparer.Ordinal).ToList()
                    : [];
                trimmedLanguages += Math.Max(0, languages.Count - Profile.MaxLanguages);
                trimmedInterests += Math.Max(0, interests.Count - Profile.MaxInterests);
                var city = person.CityId is { } cityId && data.Places.TryGetValue(cityId, out var place) ? place.Name : null;
                var displayName = Truncate($"{person.FirstName} {person.LastName}".Trim(), Profile.DisplayNameMaxLength);
                db.Profiles.Add(new Profile
                {
                    MemberId = account.Id,
                    Handle = FreeHandle(displayName, person.Id, handles),
                    DisplayName = displayName,
                    GivenName = Truncate(person.FirstName, Profile.NameMaxLength),
                    FamilyName = Truncate(person.LastName, Profile.NameMaxLength),
                    Birthday = person.Birthday,
                    Location = city is null ? null : Truncate(city, Profile.LocationMaxLength),
                    Languages = [.. languages.Take(Profile.MaxLanguages).Select(l => Truncate(l, Profile.LanguageMaxLength))],
                    Interests = [.. interests.Take(Profile.MaxInterests).Select(i => Truncate(i, Profile.InterestMaxLength))],
                    IntroUpdatedAt = now,
                    ContactUpdatedAt = now,
                    OpenToUpdatedAt = now,
                    PositionsUpdatedAt = now,
                    EducationUpdatedAt = now,
                    SkillsUpdatedAt = now,
                });
                db.ImportedAttributes.Add(new ImportedAttributes
                {
                    MemberId = account.Id,
                    Source = Source,
                    Gender = person.Gender,
                    Browser = person.BrowserUsed,
                    LocationIp = person.LocationIp,
                    CityExternalId = person.CityId,
                    Emails = data.Emails.TryGetValue(person.Id, out var all) ? [.. all] : [],
                    OriginalCreatedAt = person.CreationDate,
                });
                db.ExternalKeys.Add(Key(MemberKeyKind, person.Id, account.Id));
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done += batch.Length;
            progress?.Invoke("members", done, persons.Count);
        }
        if (syntheticEmails > 0)
        {
            notes.Add($"{syntheticEmails} members without a usable e-mail got person-<id>@ldbc.invalid");
        }
        if (trimmedLanguages + trimmedInterests > 0)
        {
            notes.Add($"beyond a profile's limits, left out: {trimmedLanguages} languages, {trimmedInterests} interests");
        }
    }

    /// <summary>"Chong Zhang" → "chong-zhang", then "chong-zhang-2"…; ASCII only, as handles are.</summary>
    private static string FreeHandle(string displayName, long ldbcId, HashSet<string> taken)
    {
        var stem = string.Join('-', TextKeys.Slug(displayName, Profile.HandleMaxLength - 6).Split('-')
            .Select(w => new string([.. w.Where(char.IsAsciiLetterOrDigit)])).Where(w => w.Length > 0));
        if (ProfileHandles.Problem(stem) is not null)
        {
            stem = string.Create(CultureInfo.InvariantCulture, $"member-{ldbcId}");
        }
        var handle = stem;
        for (var n = 2; !taken.Add(handle); n++)
        {
            handle = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
        }
        return handle;
    }

    private static async Task<int> ImportPositionsAsync(EntregentDb db, LdbcDataSet data, HashSet<long> fresh, Dictionary<long, long> members,
        Dictionary<long, long> organizations, DateTimeOffset now, List<string> notes, ImportProgress? progress, CancellationToken cancellationToken)
    {
        var rows = data.WorkAt.Where(w => fresh.Contains(w.PersonId)).ToList();
        var unknown = 0;
        var written = 0;
        foreach (var batch in rows.Chunk(BatchSize))
        {
            foreach (var w in batch)
            {
                if (!members.TryGetValue(w.PersonId, out var memberId) || !organizations.TryGetValue(w.OrganisationId, out var organizationId))
                {
                    unknown++;
                    continue;
                }
                var place = data.Organisations[w.OrganisationId].PlaceId is { } placeId && data.Places.TryGetValue(placeId, out var p) ? p.Name : null;
                db.Positions.Add(new Position
                {
                    MemberId = memberId,
                    OrganizationId = organizationId,
                    // LDBC says only since when someone works somewhere.
                    Title = "Employee",
                    Location = place is null ? null : Truncate(place, Profile.LocationMaxLength),
                    StartMonth = new DateOnly(w.WorkFrom, 1, 1),
                    // Known since it began, not news of the import day (the reconnect list reads this as "changed since").
                    CreatedAt = new DateTimeOffset(w.WorkFrom, 1, 1, 0, 0, 0, TimeSpan.Zero),
                    UpdatedAt = now,
                });
                written++;
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            progress?.Invoke("positions", written + unknown, rows.Count);
        }
        if (rows.Count == 0)
        {
            progress?.Invoke("positions", 0, 0);
        }
        if (unknown > 0)
        {
            notes.Add($"{unknown} workAt rows name an unknown person or organisation and were left out");
        }
        return written;
    }

    private static async Task<int> ImportEducationAsync(EntregentDb db, LdbcDataSet data, HashSet<long> fresh, Dictionary<long, long> members,
        Dictionary<long, long> organizations, DateTimeOffset now, List<string> notes, ImportProgress? progress, CancellationToken cancellationToken)
    {
        var rows = data.StudyAt.Where(s => fresh.Contains(s.PersonId)).ToList();
        var unknown = 0;
        var written = 0;
        foreach (var batch in rows.Chunk(BatchSize))
        {
            foreach (var s in batch)
            {
                if (!members.TryGetValue(s.PersonId, out var memberId) || !organizations.TryGetValue(s.OrganisationId, out var organizationId))
                {
                    unknown++;
                    continue;
                }
                db.Education.Add(new Education { MemberId = memberId, OrganizationId = organizationId, EndYear = s.ClassYear, UpdatedAt = now });
                written++;
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            progress?.Invoke("education", written + unknown, rows.Count);
        }
        if (rows.Count == 0)
        {
            progress?.Invoke("education", 0, 0);
        }
        if (unknown > 0)
        {
            notes.Add($"{unknown} studyAt rows name an unknown person or organisation and were left out");
        }
        return written;
    }

    private static async Task<int> ImportConnectionsAsync(EntregentDb db, LdbcDataSet data, Dictionary<long, long> members, HashSet<long> existingMembers,
        List<string> notes, ImportProgress? progress, CancellationToken cancellationToken)
    {
        // Pairs already in the store: only those of members imported before can exist.
        var seen = new HashSet<(long, long)>();
        if (existingMembers.Count > 0)
        {
            var ids = existingMembers.ToList();
            foreach (var chunk in ids.Chunk(BatchSize))
            {
                var pairs = await db.Connections.AsNoTracking()
                    .Where(c => chunk.Contains(c.MemberId) || chunk.Contains(c.OtherMemberId))
                    .Select(c => new { c.MemberId, c.OtherMemberId })
                    .ToListAsync(cancellationToken);
                seen.UnionWith(pairs.Select(p => (p.MemberId, p.OtherMemberId)));
            }
        }
        int written = 0, unknown = 0, repeated = 0, done = 0;
        foreach (var batch in data.Knows.Chunk(BatchSize))
        {
            foreach (var k in batch)
            {
                if (!members.TryGetValue(k.Person1, out var a) || !members.TryGetValue(k.Person2, out var b) || a == b)
                {
                    unknown++;
                    continue;
                }
                if (!seen.Add((Math.Min(a, b), Math.Max(a, b))))
                {
                    repeated++;
                    continue;
                }
                db.Connections.Add(Connection.Between(a, b, k.CreationDate));
                written++;
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done += batch.Length;
            progress?.Invoke("connections", done, data.Knows.Count);
        }
        if (data.Knows.Count == 0)
        {
            progress?.Invoke("connections", 0, 0);
        }
        if (unknown > 0)
        {
            notes.Add($"{unknown} knows rows name an unknown person (or the same one twice) and were left out");
        }
        if (repeated > 0)
        {
            notes.Add($"{repeated} knows rows were already connections");
        }
        return written;
    }

    private static ExternalKey Key(string kind, long ldbcId, long localId) =>
        new() { Source = Source, Kind = kind, ExternalId = ldbcId.ToString(CultureInfo.InvariantCulture), LocalId = localId };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
