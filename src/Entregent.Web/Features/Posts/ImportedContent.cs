using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entregent.Web.Features.Posts;

/// <summary>
/// What an imported message (LDBC) carried that posts and comments have no place for: kept beside them so the
/// checks can compare every field, and the app's own model stays clean.
/// </summary>
public sealed class ImportedContent
{
    public long Id { get; set; }

    /// <summary>Exactly one of <see cref="PostId"/> and <see cref="CommentId"/> is set.</summary>
    public long? PostId { get; set; }

    public long? CommentId { get; set; }
    public string? ImageFile { get; set; }
    public string? Language { get; set; }
    public string? LocationIp { get; set; }
    public string? Browser { get; set; }
    public int Length { get; set; }
}

internal sealed class ImportedContentConfiguration : IEntityTypeConfiguration<ImportedContent>
{
    public void Configure(EntityTypeBuilder<ImportedContent> builder)
    {
        builder.ToTable("imported_content");
        builder.Property(c => c.ImageFile).HasMaxLength(200);
        builder.Property(c => c.Language).HasMaxLength(20);
        builder.Property(c => c.LocationIp).HasMaxLength(45);
        builder.Property(c => c.Browser).HasMaxLength(40);
        builder.HasIndex(c => c.PostId).IsUnique().HasFilter("\"PostId\" IS NOT NULL");
        builder.HasIndex(c => c.CommentId).IsUnique().HasFilter("\"CommentId\" IS NOT NULL");
        builder.HasOne<Post>().WithMany().HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Comment>().WithMany().HasForeignKey(c => c.CommentId).OnDelete(DeleteBehavior.Cascade);
    }
}
