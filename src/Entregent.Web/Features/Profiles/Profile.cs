using Entregent.Web.Data;
using Entregent.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entregent.Web.Features.Profiles;

/// <summary>What a member is open to; shown as badges and used as search filters.</summary>
[Flags]
public enum OpenTo
{
    None = 0,
    NewRole = 1,
    Hiring = 2,
    Business = 4,
    Introductions = 8,
}

/// <summary>Who may open a member's profile at all (section audiences then apply within it).</summary>
public enum ProfileReach
{
    /// <summary>Every signed-in member (and anonymous visitors for the public sections).</summary>
    Everyone = 0,

    /// <summary>Only members within three degrees of the owner; others get "not found".</summary>
    WithinThreeDegrees = 1,

    /// <summary>
    /// An internal profile: only members currently at one of the owner's organisations (colleagues); others get
    /// "not found", in search and counts too.
    /// </summary>
    Colleagues = 2,
}

/// <summary>
/// A member's career profile. Each section carries the time it was last changed, so a reader can judge how
/// fresh it is ("positions updated 3 years ago").
/// </summary>
public sealed class Profile : IFeedEntity
{
    public const int HandleMaxLength = 40;
    public const int DisplayNameMaxLength = 100;
    public const int HeadlineMaxLength = 220;
    public const int SummaryMaxLength = 2600;
    public const int LocationMaxLength = 100;
    public const int IndustryMaxLength = 100;
    public const int LanguageMaxLength = 40;
    public const int MaxLanguages = 12;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 32;
    public const int WebsiteMaxLength = 300;
    public const int NameMaxLength = 60;
    public const int InterestMaxLength = 100;
    public const int MaxInterests = 100;

    public long MemberId { get; set; }
    public Member? Member { get; set; }

    /// <summary>Unique, lower-case, URL-safe; derived from the name at registration and changeable.</summary>
    public required string Handle { get; set; }
    public required string DisplayName { get; set; }
    public string? Headline { get; set; }

    /// <summary>Optional split of the name, for sorting by family name and for imports that carry it.</summary>
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public DateOnly? Birthday { get; set; }
    public Audience BirthdayAudience { get; set; } = Audience.Connections;

    /// <summary>Topics the member follows (imported LDBC interests, later hashtags).</summary>
    public List<string> Interests { get; set; } = [];

    /// <summary>When set, others see only the connections they share with the member.</summary>
    public bool HideConnections { get; set; }
    public ProfileReach Reach { get; set; }

    /// <summary>Opted out of the directory: never found by search, typeahead or asks (the profile still opens by its link).</summary>
    public bool OptedOutOfDirectory { get; set; }

    /// <summary>Markdown; rendered through the sanitiser, never as raw HTML.</summary>
    public string? Summary { get; set; }
    public string? Location { get; set; }
    public string? Industry { get; set; }
    public List<string> Languages { get; set; } = [];
    public DateTimeOffset IntroUpdatedAt { get; set; }

    public string? ContactEmail { get; set; }
    public Audience ContactEmailAudience { get; set; } = Audience.Connections;
    public string? Phone { get; set; }
    public Audience PhoneAudience { get; set; } = Audience.Connections;
    public string? Website { get; set; }
    public Audience WebsiteAudience { get; set; } = Audience.Public;
    public DateTimeOffset ContactUpdatedAt { get; set; }

    public OpenTo OpenTo { get; set; }
    public DateTimeOffset OpenToUpdatedAt { get; set; }

    /// <summary>Key of the processed photo in the media store; null when the member has none.</summary>
    public string? PhotoKey { get; set; }

    /// <summary>Key of the 96-pixel version, for lists.</summary>
    public string? PhotoThumbnailKey { get; set; }
    public DateTimeOffset? PhotoUpdatedAt { get; set; }

    public DateTimeOffset? PositionsUpdatedAt { get; set; }
    public DateTimeOffset? EducationUpdatedAt { get; set; }
    public DateTimeOffset? SkillsUpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: two editors of one profile never silently overwrite each other.</summary>
    public int Version { get; set; }

    public List<Position> Positions { get; set; } = [];
    public List<Education> Education { get; set; } = [];
    public List<MemberSkill> Skills { get; set; } = [];

    public FeedEntry? Describe(EntityState state) =>
        state == EntityState.Deleted ? null : new FeedEntry("profile.updated", MemberId, MemberId);
}

internal sealed class ProfileConfiguration : IEntityTypeConfiguration<Profile>
{
    public void Configure(EntityTypeBuilder<Profile> builder)
    {
        builder.ToTable("profiles");
        builder.HasKey(p => p.MemberId);
        builder.Property(p => p.MemberId).ValueGeneratedNever();
        builder.Property(p => p.Handle).HasMaxLength(Profile.HandleMaxLength);
        builder.HasIndex(p => p.Handle).IsUnique();
        builder.Property(p => p.DisplayName).HasMaxLength(Profile.DisplayNameMaxLength);
        builder.Property(p => p.Headline).HasMaxLength(Profile.HeadlineMaxLength);
        builder.Property(p => p.GivenName).HasMaxLength(Profile.NameMaxLength);
        builder.Property(p => p.FamilyName).HasMaxLength(Profile.NameMaxLength);
        builder.Property(p => p.Summary).HasMaxLength(Profile.SummaryMaxLength);
        builder.Property(p => p.Location).HasMaxLength(Profile.LocationMaxLength);
        builder.Property(p => p.Industry).HasMaxLength(Profile.IndustryMaxLength);
        builder.Property(p => p.ContactEmail).HasMaxLength(Profile.EmailMaxLength);
        builder.Property(p => p.Phone).HasMaxLength(Profile.PhoneMaxLength);
        builder.Property(p => p.Website).HasMaxLength(Profile.WebsiteMaxLength);
        builder.Property(p => p.PhotoKey).HasMaxLength(80);
        builder.Property(p => p.PhotoThumbnailKey).HasMaxLength(80);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasMany(p => p.Positions).WithOne().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Education).WithOne().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Skills).WithOne().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
