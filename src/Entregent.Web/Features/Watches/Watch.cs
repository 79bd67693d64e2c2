using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entregent.Web.Features.Watches;

public enum WatchKind
{
    /// <summary>A people search saved with its filters (<see cref="Watch.Query"/>, the search's query string).</summary>
    SavedSearch = 0,

    /// <summary>Keywords, with exclusions, over the chosen <see cref="Watch.Sources"/> ("veille").</summary>
    Keywords = 1,
}

[Flags]
public enum WatchSources
{
    None = 0,
    People = 1,
    Posts = 2,
    Groups = 4,
}

/// <summary>
/// A member's standing question: whatever new matches it, among what the member may see, comes as a
/// <see cref="Notifications.NotificationKind.WatchMatch"/> notification (each match once).
/// </summary>
public sealed class Watch
{
    public const int NameMaxLength = 100;
    public const int KeywordsMaxLength = 300;
    public const int QueryMaxLength = 1000;
    public const int MaxWatchesPerMember = 50;

    public long Id { get; set; }
    public long MemberId { get; set; }
    public WatchKind Kind { get; set; }
    public required string Name { get; set; }

    /// <summary>Keyword watches: words or "quoted phrases", any of which matches.</summary>
    public string? Keywords { get; set; }

    /// <summary>Keyword watches: words that rule a match out.</summary>
    public string? Exclusions { get; set; }

    public WatchSources Sources { get; set; }

    /// <summary>Saved searches: the people search's query string, as /search takes it.</summary>
    public string? Query { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Matches are looked for among what changed after this change-feed sequence.</summary>
    public long CheckedThroughSequence { get; set; }

    public DateTimeOffset? LastMatchAt { get; set; }
}

internal sealed class WatchConfiguration : IEntityTypeConfiguration<Watch>
{
    public void Configure(EntityTypeBuilder<Watch> builder)
    {
        builder.ToTable("watches");
        builder.Property(w => w.Name).HasMaxLength(Watch.NameMaxLength);
        builder.Property(w => w.Keywords).HasMaxLength(Watch.KeywordsMaxLength);
        builder.Property(w => w.Exclusions).HasMaxLength(Watch.KeywordsMaxLength);
        builder.Property(w => w.Query).HasMaxLength(Watch.QueryMaxLength);
        builder.HasIndex(w => w.MemberId);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(w => w.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
