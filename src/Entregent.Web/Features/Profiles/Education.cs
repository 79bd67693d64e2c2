using Entregent.Web.Data;
using Entregent.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entregent.Web.Features.Profiles;

/// <summary>A course of study at a school (an organisation of kind School).</summary>
public sealed class Education : IFeedEntity
{
    public const int DegreeMaxLength = 100;
    public const int FieldMaxLength = 100;

    public long Id { get; set; }
    public long MemberId { get; set; }
    public long OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public string? Degree { get; set; }
    public string? Field { get; set; }
    public int? StartYear { get; set; }
    public int? EndYear { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public FeedEntry? Describe(EntityState state) =>
        new(FeedEntry.Verb("education", state), Id, MemberId, OrganizationId);
}

internal sealed class EducationConfiguration : IEntityTypeConfiguration<Education>
{
    public void Configure(EntityTypeBuilder<Education> builder)
    {
        builder.ToTable("education");
        builder.Property(e => e.Degree).HasMaxLength(Education.DegreeMaxLength);
        builder.Property(e => e.Field).HasMaxLength(Education.FieldMaxLength);
        builder.HasOne(e => e.Organization).WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.OrganizationId);
        builder.HasIndex(e => e.MemberId);
    }
}
