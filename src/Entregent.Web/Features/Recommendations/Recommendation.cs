using Entregent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entregent.Web.Features.Recommendations;

public enum RecommendationStatus
{
    /// <summary>The recipient asked the author to write one; nothing written yet.</summary>
    Requested = 0,

    /// <summary>Written, waiting for the recipient's approval; shown to nobody else.</summary>
    Pending = 1,

    /// <summary>Approved by the recipient: shown on their profile.</summary>
    Approved = 2,

    /// <summary>Approved once, then hidden by the recipient; can be shown again.</summary>
    Hidden = 3,

    /// <summary>The author declined a request, or the recipient declined what was written.</summary>
    Declined = 4,
}

/// <summary>How the author knows the recipient, read as "author … recipient".</summary>
public enum RecommendationRelationship
{
    Managed = 0,
    ReportedTo = 1,
    WorkedWith = 2,
    ClientOf = 3,
    ProviderTo = 4,
    Taught = 5,
    Mentored = 6,
    StudiedWith = 7,
    Other = 8,
}

/// <summary>
/// A recommendation one connection writes for another. Requested by the recipient or written unprompted; shown only
/// once the recipient approves it, and hideable afterwards. At most one open (requested or pending) per pair.
/// </summary>
public sealed class Recommendation : IFeedEntity
{
    public const int TextMaxLength = 3000;
    public const int RequestMessageMaxLength = 500;

    public long Id { get; set; }
    public long AuthorId { get; set; }
    public long RecipientId { get; set; }
    public RecommendationRelationship Relationship { get; set; }

    /// <summary>Where the two worked or studied together, when the author says so ("managed X at Acme").</summary>
    public long? OrganizationId { get; set; }

    /// <summary>Markdown; null while only requested.</summary>
    public string? Text { get; set; }
    public string? RequestMessage { get; set; }
    public RecommendationStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? WrittenAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Optimistic concurrency: an approval and a rewrite racing never both win.</summary>
    public int Version { get; set; }

    // An approved recommendation raises the pair's strength, so the graph re-reads the pair.
    public FeedEntry? Describe(EntityState state) => new(FeedEntry.Verb("recommendation", state), Id, RecipientId, AuthorId);
}

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> builder)
    {
        builder.ToTable("recommendations");
        builder.Property(r => r.Text).HasMaxLength(Recommendation.TextMaxLength);
        builder.Property(r => r.RequestMessage).HasMaxLength(Recommendation.RequestMessageMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        // One open request or draft per author and recipient, even when two requests race.
        builder.HasIndex(r => new { r.AuthorId, r.RecipientId }).IsUnique().HasFilter("\"Status\" IN (0, 1)");
        builder.HasIndex(r => new { r.RecipientId, r.Status });
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(r => r.RecipientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.SetNull);
    }
}
