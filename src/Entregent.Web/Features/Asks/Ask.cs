using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entregent.Web.Features.Asks;

public enum AskStatus
{
    Open = 0,
    Closed = 1,
}

/// <summary>
/// "Do you know someone with this profile?": a need described in text plus optional skills, location and organisation.
/// Entregent matches members within three degrees and groups them by the 1st-degree connection best placed to
/// introduce; the owner then sends each of those connections one <see cref="AskRequest"/>.
/// </summary>
public sealed class Ask
{
    public const int TextMaxLength = 1000;
    public const int MaxSkills = 10;

    public long Id { get; set; }
    public long OwnerId { get; set; }
    public required string Text { get; set; }

    /// <summary>Skill names as the owner typed them (matched through the search index's folding).</summary>
    public List<string> Skills { get; set; } = [];
    public string? Location { get; set; }
    public long? OrganizationId { get; set; }
    public AskStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}

public enum AskRequestStatus
{
    Pending = 0,

    /// <summary>The connection passed the ask on to a candidate (an introduction is created).</summary>
    Forwarded = 1,

    /// <summary>The connection named someone else to ask.</summary>
    Suggested = 2,
    Declined = 3,
}

/// <summary>One ask sent to one of the owner's connections, with the candidates that connection knows.</summary>
public sealed class AskRequest
{
    public const int NoteMaxLength = 500;

    public long Id { get; set; }
    public long AskId { get; set; }

    /// <summary>The owner's 1st-degree connection being asked.</summary>
    public long ConnectionId { get; set; }

    /// <summary>Matching members this connection is best placed to introduce, when the request was sent.</summary>
    public List<long> CandidateIds { get; set; } = [];
    public string? Note { get; set; }
    public AskRequestStatus Status { get; set; }
    public string? ResponseNote { get; set; }

    /// <summary>Who the connection suggested instead, or forwarded the ask to.</summary>
    public long? SuggestedMemberId { get; set; }
    public long? IntroductionId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }
}

internal sealed class AskConfiguration : IEntityTypeConfiguration<Ask>
{
    public void Configure(EntityTypeBuilder<Ask> builder)
    {
        builder.ToTable("asks");
        builder.Property(a => a.Text).HasMaxLength(Ask.TextMaxLength);
        builder.Property(a => a.Location).HasMaxLength(Profiles.Profile.LocationMaxLength);
        builder.HasIndex(a => new { a.OwnerId, a.CreatedAt });
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AskRequestConfiguration : IEntityTypeConfiguration<AskRequest>
{
    public void Configure(EntityTypeBuilder<AskRequest> builder)
    {
        builder.ToTable("ask_requests");
        builder.Property(r => r.Note).HasMaxLength(AskRequest.NoteMaxLength);
        builder.Property(r => r.ResponseNote).HasMaxLength(AskRequest.NoteMaxLength);
        // One request per connection per ask.
        builder.HasIndex(r => new { r.AskId, r.ConnectionId }).IsUnique();
        builder.HasIndex(r => new { r.ConnectionId, r.Status });
        builder.HasOne<Ask>().WithMany().HasForeignKey(r => r.AskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(r => r.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(r => r.SuggestedMemberId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Introductions.Introduction>().WithMany().HasForeignKey(r => r.IntroductionId).OnDelete(DeleteBehavior.SetNull);
    }
}
