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

namespace Entregent.Web.Features.Demo;

/// <summary>
/// Seeds a living demo network into an empty store, so a newcomer sees degrees, colleagues and careers at once.
/// The structure comes from <see cref="SyntheticNetwork"/> (deterministic by seed); names come from
/// <see cref="DemoNames"/>. Runs only when the store has no member.
/// </summary>
public static class SeedDemoNetwork
{
    public const string Password = "demo-password-2026";
    public const string EmailDomain = "entregent.example";

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
            AverageDegree = 16,
            Cities = DemoNames.Cities.Length,
            Companies = 40,
            Schools = 12,
            Hubs = 2,
            HubMinDegree = Math.Min(60, members / 4),
            HubMaxDegree = Math.Min(120, members / 2),
            ReferenceDate = DateOnly.FromDateTime(now.UtcDateTime),
        });
        logger.LogInformation("Seeding a demo network of {Members} members and {Connections} connections…", network.Members.Count, network.Connections.Count);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var organizations = CreateOrganizations(network, now);
        db.Organizations.AddRange(organizations);

        // One hash for everyone: hashing 300 passwords one by one would take most of a minute.
        var passwordHash = hasher.HashPassword(new Member(), Password);
        var accounts = new Member[network.Members.Count];
        foreach (var m in network.Members)
        {
            var email = string.Create(CultureInfo.InvariantCulture, $"demo{m.Index + 1}@{EmailDomain}");
            accounts[m.Index] = new Member
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = passwordHash,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                CreatedAt = now,
                IsAdministrator = m.Index == 0,
            };
        }
        db.Users.AddRange(accounts);
        await db.SaveChangesAsync(cancellationToken);

        var skills = new Dictionary<string, Skill>(StringComparer.Ordinal);
        var handles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in network.Members)
        {
            db.Profiles.Add(CreateProfile(network, m, accounts[m.Index].Id, organizations, skills, handles, now));
        }
        for (var i = 0; i < network.Connections.Count; i++)
        {
            var c = network.Connections[i];
            var createdAt = new DateTimeOffset(c.CreatedOn.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
            db.Connections.Add(Connection.Between(accounts[c.First].Id, accounts[c.Second].Id, createdAt));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Demo network seeded. Sign in as demo1@{Domain} (administrator) … demo{Count}@{Domain} with the password {Password}.",
            EmailDomain, network.Members.Count, EmailDomain, Password);
        return network.Members.Count;
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
            // Two generated organisations can fold to one name; the second gets its city in its name.
            if (!keys.Add(OrganizationNames.MatchKey(name)))
            {
                name = $"{name} {city}";
                keys.Add(OrganizationNames.MatchKey(name));
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
        foreach (var p in positions)
        {
            var title = DemoNames.Titles[(m.Index + p.Organisation) % DemoNames.Titles.Length];
            profile.Positions.Add(new Position
            {
                MemberId = memberId,
                Organization = organizations[p.Organisation],
                Title = title,
                Location = organizations[p.Organisation].Location,
                StartMonth = new DateOnly(p.Start.Year, p.Start.Month, 1),
                EndMonth = p.End is { } end ? new DateOnly(end.Year, end.Month, 1) : null,
                UpdatedAt = now,
            });
        }
        var current = profile.Positions.FirstOrDefault(p => p.EndMonth is null) ?? profile.Positions.LastOrDefault();
        if (current is not null)
        {
            profile.Headline = french ? $"{current.Title} chez {current.Organization!.Name}" : $"{current.Title} at {current.Organization!.Name}";
            profile.Industry = DemoNames.Industries[network.Organisations[organizations.IndexOf(current.Organization!)].Industry % DemoNames.Industries.Length];
            profile.Summary = french
                ? $"Basé·e à {city}. J'aime **relier les gens** et les projets."
                : $"Based in {city}. I enjoy **connecting people** and projects.";
        }
        foreach (var e in network.EducationOf(m.Index))
        {
            profile.Education.Add(new Education
            {
                MemberId = memberId,
                Organization = organizations[e.School],
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
                profile.Skills.Add(new MemberSkill { MemberId = memberId, Skill = skill, Rank = rank++ });
            }
        }
        return profile;
    }
}
