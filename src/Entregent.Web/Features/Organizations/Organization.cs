using Entregent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entregent.Web.Features.Organizations;

public enum OrganizationKind
{
    Company = 0,
    School = 1,
    Association = 2,
}

/// <summary>A company, school or association. Created on the fly when a member names an unknown one.</summary>
public sealed class Organization : IFeedEntity
{
    public const int NameMaxLength = 150;
    public const int SlugMaxLength = 80;
    public const int DescriptionMaxLength = 2000;
    public const int EmailDomainMaxLength = 253;

    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }

    /// <summary>
    /// The name folded and stripped of legal suffixes ("Acme SAS" and "ACME" share "acme"); unique, so two
    /// members typing the same company at once still end up at one organisation.
    /// </summary>
    public required string MatchKey { get; set; }
    public OrganizationKind Kind { get; set; }
    public string? Website { get; set; }
    public string? Location { get; set; }
    public string? Description { get; set; }
    public string? LogoKey { get; set; }
    public string? LogoThumbnailKey { get; set; }

    /// <summary>
    /// The e-mail domain ("acme.example") whose confirmed addresses verify a member as belonging here; set by an
    /// administrator. Null: verification by approval only.
    /// </summary>
    public string? EmailDomain { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public FeedEntry? Describe(EntityState state) => new(FeedEntry.Verb("organization", state), Id);
}

/// <summary>
/// Names and slugs an organisation answered to before a merge: typing the old name finds the survivor, and
/// the old URL redirects to it.
/// </summary>
public sealed class OrganizationAlias
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public required string MatchKey { get; set; }
    public string? Slug { get; set; }
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("organizations");
        builder.Property(o => o.Name).HasMaxLength(Organization.NameMaxLength);
        builder.Property(o => o.Slug).HasMaxLength(Organization.SlugMaxLength);
        builder.Property(o => o.MatchKey).HasMaxLength(Organization.NameMaxLength);
        builder.Property(o => o.Website).HasMaxLength(300);
        builder.Property(o => o.Location).HasMaxLength(100);
        builder.Property(o => o.Description).HasMaxLength(Organization.DescriptionMaxLength);
        builder.Property(o => o.LogoKey).HasMaxLength(80);
        builder.Property(o => o.LogoThumbnailKey).HasMaxLength(80);
        builder.Property(o => o.EmailDomain).HasMaxLength(Organization.EmailDomainMaxLength);
        builder.HasIndex(o => o.Slug).IsUnique();
        builder.HasIndex(o => o.MatchKey).IsUnique();
    }
}

internal sealed class OrganizationAliasConfiguration : IEntityTypeConfiguration<OrganizationAlias>
{
    public void Configure(EntityTypeBuilder<OrganizationAlias> builder)
    {
        builder.ToTable("organization_aliases");
        builder.Property(a => a.MatchKey).HasMaxLength(Organization.NameMaxLength);
        builder.Property(a => a.Slug).HasMaxLength(Organization.SlugMaxLength);
        builder.HasIndex(a => a.MatchKey).IsUnique();
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
