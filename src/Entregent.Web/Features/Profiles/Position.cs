using Entregent.Web.Data;
using Entregent.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entregent.Web.Features.Profiles;

/// <summary>A dated job: the backbone of "still at Acme?" and "who do I know at X".</summary>
public sealed class Position : IFeedEntity
{
    public const int TitleMaxLength = 100;
    public const int DescriptionMaxLength = 2000;

    public long Id { get; set; }
    public long MemberId { get; set; }
    public long OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public required string Title { get; set; }
    public string? Location { get; set; }
    public string? Description { get; set; }

    /// <summary>First day of the starting month.</summary>
    public DateOnly StartMonth { get; set; }

    /// <summary>First day of the last month; null while the position is current.</summary>
    public DateOnly? EndMonth { get; set; }

    /// <summary>When this position was added: "changed jobs since we last spoke" compares with it.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last edited or confirmed by its owner ("last confirmed" on the profile).</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The owner chose to announce this position to their connections (career news).</summary>
    public bool SharedAsNews { get; set; }

    public FeedEntry? Describe(EntityState state) =>
        new(FeedEntry.Verb("position", state), Id, MemberId, OrganizationId);
}

internal sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> builder)
    {
        builder.ToTable("positions");
        builder.Property(p => p.Title).HasMaxLength(Position.TitleMaxLength);
        builder.Property(p => p.Location).HasMaxLength(Profile.LocationMaxLength);
        builder.Property(p => p.Description).HasMaxLength(Position.DescriptionMaxLength);
        builder.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // "Current and past members of X" and "who works at X now" both start from the organisation.
        builder.HasIndex(p => new { p.OrganizationId, p.EndMonth });
        builder.HasIndex(p => p.MemberId);
    }
}
