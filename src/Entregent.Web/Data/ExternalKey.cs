using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entregent.Web.Data;

/// <summary>
/// Maps an identifier of an outside system (an LDBC person id, a LinkedIn export's row) to the local row it
/// became, so a re-import updates instead of duplicating and a checker can find the local row.
/// </summary>
public sealed class ExternalKey
{
    /// <summary>The outside system, such as "ldbc-snb".</summary>
    public required string Source { get; set; }

    /// <summary>What the local row is: "member", "organization"…</summary>
    public required string Kind { get; set; }
    public required string ExternalId { get; set; }
    public long LocalId { get; set; }
}

internal sealed class ExternalKeyConfiguration : IEntityTypeConfiguration<ExternalKey>
{
    public void Configure(EntityTypeBuilder<ExternalKey> builder)
    {
        builder.ToTable("external_keys");
        builder.HasKey(k => new { k.Source, k.Kind, k.ExternalId });
        builder.Property(k => k.Source).HasMaxLength(40);
        builder.Property(k => k.Kind).HasMaxLength(40);
        builder.Property(k => k.ExternalId).HasMaxLength(100);
        builder.HasIndex(k => new { k.Source, k.Kind, k.LocalId });
    }
}
