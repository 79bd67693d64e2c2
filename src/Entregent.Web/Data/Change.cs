using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entregent.Web.Data;

/// <summary>
/// One row of the change feed: something the indexes care about changed in a committed transaction.
/// Rows are appended in the same transaction as the change itself, so the feed never disagrees with the store.
/// </summary>
public sealed class Change
{
    /// <summary>Monotonic sequence; a reader resumes from the last one it applied.</summary>
    public long Sequence { get; set; }

    /// <summary>What happened, as "noun.verb": <c>member.created</c>, <c>position.deleted</c>…</summary>
    public required string Kind { get; set; }

    /// <summary>The id of the changed row (a member id for member and profile changes).</summary>
    public long EntityId { get; set; }

    /// <summary>The member whose data changed, when there is one.</summary>
    public long? MemberId { get; set; }

    /// <summary>The other party: an organisation for positions and education, the surviving organisation of a merge.</summary>
    public long? RelatedId { get; set; }

    public DateTimeOffset OccurredAt { get; set; }
}

internal sealed class ChangeConfiguration : IEntityTypeConfiguration<Change>
{
    public void Configure(EntityTypeBuilder<Change> builder)
    {
        builder.ToTable("changes");
        builder.HasKey(c => c.Sequence);
        builder.Property(c => c.Sequence).ValueGeneratedOnAdd();
        builder.Property(c => c.Kind).HasMaxLength(64);
    }
}
