using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entregent.Web.Features.Profiles;

/// <summary>
/// What an import brought about a member beyond the profile's own fields (LDBC SNB persons: gender, browser, IP,
/// e-mail addresses, city id, original creation time). Kept apart so the profile stays what members edit; shown
/// only to the member and to administrators.
/// </summary>
public sealed class ImportedAttributes
{
    public long MemberId { get; set; }

    /// <summary>Where the data came from, such as "ldbc-snb".</summary>
    public required string Source { get; set; }
    public string? Gender { get; set; }
    public string? Browser { get; set; }
    public string? LocationIp { get; set; }
    public long? CityExternalId { get; set; }
    public List<string> Emails { get; set; } = [];
    public DateTimeOffset? OriginalCreatedAt { get; set; }
}

internal sealed class ImportedAttributesConfiguration : IEntityTypeConfiguration<ImportedAttributes>
{
    public void Configure(EntityTypeBuilder<ImportedAttributes> builder)
    {
        builder.ToTable("imported_attributes");
        builder.HasKey(a => a.MemberId);
        builder.Property(a => a.MemberId).ValueGeneratedNever();
        builder.Property(a => a.Source).HasMaxLength(40);
        builder.Property(a => a.Gender).HasMaxLength(40);
        builder.Property(a => a.Browser).HasMaxLength(100);
        builder.Property(a => a.LocationIp).HasMaxLength(64);
        builder.HasOne<Accounts.Member>().WithOne().HasForeignKey<ImportedAttributes>(a => a.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
