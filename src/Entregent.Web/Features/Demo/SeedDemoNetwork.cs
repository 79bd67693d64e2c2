using System.Globalization;
using Entregent.Graph.Synthetic;
using Entregent.Web.Data;
using Entregent.Web.Features.Accounts;
using Entregent.Web.Features.Connections;
using Entregent.Web.Features.Organizations;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Entregent.Web.Features.Demo;

/// <summary>
/// Seeds a living demo network into an empty store, so a newcomer sees degrees, colleagues and careers at once, and (up
/// to 10,000 members) groups and a few weeks of posts (<see cref="SeedDemoCommunity"/>).
/// The structure comes from <see cref="SyntheticNetwork"/> (deterministic by seed); names come from
/// <see cref="DemoNames"/>. Runs only when the store has no member.
/// </summary>
public static class SeedDemoNetwork
{
    public const string Password = "demo-password-2026";
    public const string EmailDomain = "entregent.example";

    /// <summary>Rows handed to the store per save: large enough to amortise a round trip, small enough that the
    /// change tracker (cleared after each save) stays cheap.</summary>
    private const int BatchSize = 5_000;

    /// <summary>Up to this many members, connections go through the change tracker and the feed like any other row.</summary>
    private const int BulkConnectionsAbove = 10_000;

    /// <summary>
    /// Seeds <paramref name="members"/> members (default 320; 100,000 took 6–8 minutes on the 2-core machine). The
    /// shape scales with the count as in the graph benchmarks: at least 40 companies, 12 schools and 2 hubs, else one
    /// company per 40 members, one school per 1,500 and one hub per 20,000 (2,000–10,000 connections each at
    /// 100 k); average degree 16, rising to 50 from 100,000 members.
    /// </summary>
    public static async Task<int> ExecuteAsync(EntregentDb db, IPasswordHasher<Member> hasher, TimeProvider time, ILogger logger,
        int members = 320, CancellationToken cancellationToken = default)
    {
        if (await db.Users.AnyAsync(cancellationToken))
        {
            logger.LogInformation("Demo network not seeded: the store already has members.");
            return 0;
        }
        var now = time.GetUtcNow();
        var network = SyntheticNetwork.Generate(new SyntheticNetworkOptions
        {
            Members = members,
            Seed = 2026,
            AverageDegree = Math.Clamp(members / 2_000.0, 16, 50),
            Cities = DemoNames.Cities.Length,
            Companies = Math.Max(40, members / 40),
            Schools = Math.Max(12, members / 1_500),
            Hubs = Math.Max(2, members / 20_000),
            HubMinDegree = Math.Clamp(members / 50, Math.Min(60, members / 4), 2_000),
            HubMaxDegree = Math.Clamp(members / 10, Math.Min(120, members / 2), 10_000),
            ReferenceDate = DateOnly.FromDateTime(now.UtcDateTime),
        });
        logger.LogInformation("Seeding a demo network of {Members} members and {Connections} connections…", network.Members.Count, network.Connections.Count);

        // Each batch commits on its own (with its feed rows): one transaction over millions of rows would keep every
        // row and feed entry in memory until the end. Nothing reads the store before the seed is done.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var organizations = CreateOrganizations(network, now);
        db.Organizations.AddRange(organizations);

        // One hash for everyone: hashing 300 passwords one by one would take most of a minute.
        var passwordHash = hasher.HashPassword(new Member(), Password);
        var accounts = new Member[network.Members.Count];
        foreach (var m in network.Members)
        {
            var email = string.Create(CultureInfo.InvariantCulture, $"demo{m.Index + 1}@{EmailDomain}");
            var account = Member.Provisioned(email, now, passwordHash);
            account.IsAdministrator = m.Index == 0;
            accounts[m.Index] = account;
        }
        for (var start = 0; start < accounts.Length; start += BatchSize)
        {
            db.Users.AddRange(accounts.AsSpan(start, Math.Min(BatchSize, accounts.Length - start)).ToArray());
            await SaveBatchAsync(db, cancellationToken);
            LogProgress(logger, "members", start + BatchSize, accounts.Length);
        }

        // Saved organisations and skills are referred to by id from here on: a tracked navigation to a detached
        // entity would insert it again.
        var skills = new Dictionary<string, Skill>(StringComparer.Ordinal);
        var handles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in network.Members)
        {
            db.Profiles.Add(CreateProfile(network, m, accounts[m.Index].Id, organizations, skills, handles, now));
            if ((m.Index + 1) % BatchSize == 0 || m.Index == network.Members.Count - 1)
            {
                await SaveBatchAsync(db, cancellationToken);
                LogProgress(logger, "profiles", m.Index + 1, network.Members.Count);
            }
        }
        if (network.Members.Count > BulkConnectionsAbove)
        {
            await InsertConnectionsAsync(db, network, accounts, logger, cancellationToken);
        }
        else
        {
            for (var i = 0; i < network.Connections.Count; i++)
            {
                var c = network.Connections[i];
                db.Connections.Add(Connection.Between(accounts[c.First].Id, accounts[c.Second].Id, NoonOf(c.CreatedOn)));
            }
            await SaveBatchAsync(db, cancellationToken);
        }
        AddInvitations(db, network, accounts, now);
        await SaveBatchAsync(db, cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        if (network.Members.Count <= BulkConnectionsAbove)
        {
            // At scale the load scripts write their own posts by bulk SQL.
            await SeedDemoCommunity.AddAsync(db, network, accounts, time, cancellationToken);
        }
        logger.LogInformation("Demo network seeded. Sign in as demo1@{Domain} (administrator) … demo{Count}@{Domain} with the password {Password}.",
            EmailDomain, network.Members.Count, EmailDomain, Password);
        return network.Members.Count;
    }

    /// <summary>
    /// A few invitations waiting for demo1 (and one it sent), so that "My network" has something to act on at once.
    /// </summary>
    private static void AddInvitations(EntregentDb db, SyntheticNetwork network, Member[] accounts, DateTimeOffset now)
    {
        var first = new HashSet<int>();
        for (var i = 0; i < network.Connections.Count; i++)
        {
            var c = network.Connections[i];
            if (c.First == 0 || c.Second == 0)
            {
                first.Add(c.First == 0 ? c.Second : c.First);
            }
        }
        var strangers = Enumerable.Range(1, network.Members.Count - 1).Where(i => !first.Contains(i)).Take(4).ToList();
        string?[] notes =
        [
            "Hello! We met at the Lyon data meetup last month. I'd be glad to stay in touch.",
            "Bonjour, nous avons échangé lors du salon de Nantes : ravi de garder le contact.",
            null,
        ];
        HowMet[] contexts = [HowMet.Event, HowMet.Event, HowMet.Other];
        for (var i = 0; i < strangers.Count; i++)
        {
            var received = i < 3;
            db.Invitations.Add(new Invitation
            {
                FromMemberId = received ? accounts[strangers[i]].Id : accounts[0].Id,
                ToMemberId = received ? accounts[0].Id : accounts[strangers[i]].Id,
                Note = received ? notes[i] : null,
                HowMet = received ? contexts[i] : HowMet.Other,
                CreatedAt = now.AddDays(-i - 1),
            });
        }
    }

    /// <summary>
    /// Millions of connections (2.5 M at 100,000 members) through the change tracker and the change feed would take
    /// over ten minutes on SQLite at the rate profiles go in; multi-row inserts take about a minute. No feed rows are written for them:
    /// the indexes are built from the store when the app starts, which is after the seed.
    /// </summary>
    private static async Task InsertConnectionsAsync(EntregentDb db, SyntheticNetwork network, Member[] accounts, ILogger logger,
        CancellationToken cancellationToken)
    {
        const int RowsPerInsert = 500;
        var sqlite = db.Database.IsSqlite();
        var connections = network.Connections;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            for (var start = 0; start < connections.Count; start += BatchSize * 20)
            {
                var end = Math.Min(connections.Count, start + BatchSize * 20);
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                for (var from = start; from < end; from += RowsPerInsert)
                {
                    var count = Math.Min(RowsPerInsert, end - from);
                    await using var insert = db.Database.GetDbConnection().CreateCommand();
                    insert.Transaction = transaction.GetDbTransaction();
                    var values = new System.Text.StringBuilder();
                    for (var k = 0; k < count; k++)
                    {
                        var c = connections[from + k];
                        var (low, high) = (Math.Min(accounts[c.First].Id, accounts[c.Second].Id), Math.Max(accounts[c.First].Id, accounts[c.Second].Id));
                        values.Append(values.Length == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"({low},{high},@t{k},0)");
                        var parameter = insert.CreateParameter();
                        parameter.ParameterName = string.Create(CultureInfo.InvariantCulture, $"@t{k}");
                        parameter.Value = sqlite ? NoonOf(c.CreatedOn).ToUnixTimeMilliseconds() : NoonOf(c.CreatedOn);
                        insert.Parameters.Add(parameter);
                    }
                    insert.CommandText = $"""INSERT INTO connections ("MemberId", "OtherMemberId", "CreatedAt", "HowMet") VALUES {values}""";
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                LogProgress(logger, "connections", end, connections.Count);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DateTimeOffset NoonOf(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    private static async Task SaveBatchAsync(EntregentDb db, CancellationToken cancellationToken)
    {
        // The save detects changes itself (EntregentDb needs them for the feed), once per batch.
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static void LogProgress(ILogger logger, string what, int done, int total)
    {
        // Only worth a line when there is more than one batch to wait for.
        if (total > BatchSize)
        {
            logger.LogInformation("Demo seed: {Done} of {Total} {What}", Math.Min(done, total), total, what);
        }
    }

    private static List<Organization> CreateOrganizations(SyntheticNetwork network, DateTimeOffset now)
    {
        var result = new List<Organization>(network.Organisations.Count);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in network.Organisations)
        {
            var city = DemoNames.Cities[o.City % DemoNames.Cities.Length].City;
            string name;
            OrganizationKind kind;
            if (o.Kind == SyntheticOrganisationKind.School)
            {
                kind = OrganizationKind.School;
                name = string.Format(CultureInfo.InvariantCulture, DemoNames.SchoolPatterns[o.Index % DemoNames.SchoolPatterns.Length], city);
            }
            else
            {
                kind = OrganizationKind.Company;
                var stem = DemoNames.CompanyStems[o.Index % DemoNames.CompanyStems.Length];
                var suffix = DemoNames.CompanySuffixes[o.Industry % DemoNames.CompanySuffixes.Length];
                var legal = DemoNames.LegalForms[o.Index % DemoNames.LegalForms.Length];
                name = $"{stem} {suffix} {legal}".Trim();
            }
            // Two generated organisations can fold to one name; the second gets its city in its name, and in large
            // networks, where even that repeats, a number after it.
            if (!keys.Add(OrganizationNames.MatchKey(name)))
            {
                var stemmed = $"{name} {city}";
                name = stemmed;
                for (var n = 2; !keys.Add(OrganizationNames.MatchKey(name)); n++)
                {
                    name = string.Create(CultureInfo.InvariantCulture, $"{stemmed} {n}");
                }
            }
            var key = OrganizationNames.MatchKey(name);
            result.Add(new Organization
            {
                Name = name,
                Slug = TextKeys.Slug(key, Organization.SlugMaxLength),
                MatchKey = key,
                Kind = kind,
                Location = city,
                Website = "https://" + TextKeys.Slug(key, 40) + ".example",
                Description = kind == OrganizationKind.School
                    ? $"Établissement d'enseignement supérieur à {city}."
                    : $"{DemoNames.Industries[o.Industry % DemoNames.Industries.Length]} — siège à {city}.",
                CreatedAt = now,
                UpdatedAt = now,
            });
        }
        return result;
    }

    private static Profile CreateProfile(SyntheticNetwork network, SyntheticMember m, long memberId, List<Organization> organizations,
        Dictionary<string, Skill> skills, HashSet<string> handles, DateTimeOffset now)
    {
        var (city, french) = DemoNames.Cities[m.City % DemoNames.Cities.Length];
        // Index arithmetic with co-prime strides spreads first and last names evenly without a random source.
        var first = french ? DemoNames.FrenchFirstNames[(m.Index * 7) % DemoNames.FrenchFirstNames.Length]
            : DemoNames.EnglishFirstNames[(m.Index * 7) % DemoNames.EnglishFirstNames.Length];
        var last = french ? DemoNames.FrenchLastNames[(m.Index * 11 + m.City) % DemoNames.FrenchLastNames.Length]
            : DemoNames.EnglishLastNames[(m.Index * 11 + m.City) % DemoNames.EnglishLastNames.Length];
        var displayName = $"{first} {last}";
        var handle = TextKeys.Slug(displayName, Profile.HandleMaxLength - 4);
        for (var n = 2; !handles.Add(handle); n++)
        {
            handle = string.Create(CultureInfo.InvariantCulture, $"{TextKeys.Slug(displayName, Profile.HandleMaxLength - 4)}-{n}");
        }

        var profile = new Profile
        {
            MemberId = memberId,
            Handle = handle,
            DisplayName = displayName,
            Location = city,
            Languages = french ? ["Français", "Anglais"] : ["English", "French"],
            IntroUpdatedAt = now,
            ContactUpdatedAt = now,
            OpenToUpdatedAt = now,
            PositionsUpdatedAt = now,
            EducationUpdatedAt = now,
            SkillsUpdatedAt = now,
            Website = m.Index % 3 == 0 ? $"https://{handle}.example" : null,
            ContactEmail = $"{handle}@mail.example",
            ContactEmailAudience = m.Index % 2 == 0 ? Audience.Connections : Audience.Members,
            OpenTo = (OpenTo)(m.Index % 16 == 0 ? 0 : 1 << (m.Index % 4)),
        };

        var positions = network.PositionsOf(m.Index);
        (Position Position, int Organisation)? current = null;
        foreach (var p in positions)
        {
            var title = DemoNames.Titles[(m.Index + p.Organisation) % DemoNames.Titles.Length];
            var position = new Position
            {
                MemberId = memberId,
                OrganizationId = organizations[p.Organisation].Id,
                Title = title,
                Location = organizations[p.Organisation].Location,
                StartMonth = new DateOnly(p.Start.Year, p.Start.Month, 1),
                EndMonth = p.End is { } end ? new DateOnly(end.Year, end.Month, 1) : null,
                CreatedAt = now,
                UpdatedAt = now,
            };
            profile.Positions.Add(position);
            if (current is null || current.Value.Position.EndMonth is not null)
            {
                current = (position, p.Organisation);
            }
        }
        if (current is { } c)
        {
            var organizationName = organizations[c.Organisation].Name;
            profile.Headline = french ? $"{c.Position.Title} chez {organizationName}" : $"{c.Position.Title} at {organizationName}";
            profile.Industry = DemoNames.Industries[network.Organisations[c.Organisation].Industry % DemoNames.Industries.Length];
            profile.Summary = french
                ? $"Basé·e à {city}. J'aime **relier les gens** et les projets."
                : $"Based in {city}. I enjoy **connecting people** and projects.";
        }
        foreach (var e in network.EducationOf(m.Index))
        {
            profile.Education.Add(new Education
            {
                MemberId = memberId,
                OrganizationId = organizations[e.School].Id,
                Degree = french ? "Master" : "MSc",
                Field = DemoNames.Industries[network.Organisations[e.School].Industry % DemoNames.Industries.Length],
                StartYear = e.StartYear,
                EndYear = e.EndYear,
                UpdatedAt = now,
            });
        }
        var rank = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in network.SkillsOf(m.Index))
        {
            var name = s < SyntheticNetwork.IndustryCount * SyntheticNetwork.SkillsPerIndustry
                ? DemoNames.IndustrySkills[(s / SyntheticNetwork.SkillsPerIndustry * 2 + s % 2) % DemoNames.IndustrySkills.Length]
                : DemoNames.GeneralSkills[s % DemoNames.GeneralSkills.Length];
            var key = Skill.KeyFor(name);
            if (!skills.TryGetValue(key, out var skill))
            {
                skills[key] = skill = new Skill { Name = name, Key = key };
            }
            if (seen.Add(key))
            {
                profile.Skills.Add(skill.Id == 0
                    ? new MemberSkill { MemberId = memberId, Skill = skill, Rank = rank++ }
                    : new MemberSkill { MemberId = memberId, SkillId = skill.Id, Rank = rank++ });
            }
        }
        return profile;
    }
}
