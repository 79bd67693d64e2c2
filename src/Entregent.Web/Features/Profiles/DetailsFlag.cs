using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entregent.Web.Features.Profiles;

/// <summary>The profile section a <see cref="DetailsFlag"/> questions.</summary>
public enum ProfileSection
{
    Intro = 0,
    Positions = 1,
    Education = 2,
    Skills = 3,
    Contact = 4,
}

public enum DetailsFlagState
{
    Open = 0,

    /// <summary>The owner confirmed the section as it is (its "last confirmed" date moves to now).</summary>
    Confirmed = 1,

    /// <summary>The owner edited the section after the flag.</summary>
    Updated = 2,
    Dismissed = 3,
}

/// <summary>
/// "Still at Acme?": a connection's question about a member's details, which asks the owner to confirm or update.
/// One open flag per flagger, member and section.
/// </summary>
public sealed class DetailsFlag
{
    public const int NoteMaxLength = 300;

    public long Id { get; set; }
    public long MemberId { get; set; }
    public long FlaggedById { get; set; }
    public ProfileSection Section { get; set; }

    /// <summary>The position in question, when the flag is about one ("still at Acme?").</summary>
    public long? PositionId { get; set; }

    public string? Note { get; set; }
    public DetailsFlagState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}

internal sealed class DetailsFlagConfiguration : IEntityTypeConfiguration<DetailsFlag>
{
    public void Configure(EntityTypeBuilder<DetailsFlag> builder)
    {
        builder.ToTable("details_flags");
        builder.Property(f => f.Note).HasMaxLength(DetailsFlag.NoteMaxLength);
        builder.HasIndex(f => new { f.MemberId, f.State });
        builder.HasIndex(f => new { f.FlaggedById, f.MemberId, f.Section }).IsUnique().HasFilter("\"State\" = 0");
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(f => f.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(f => f.FlaggedById).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Position>().WithMany().HasForeignKey(f => f.PositionId).OnDelete(DeleteBehavior.SetNull);
    }
}
