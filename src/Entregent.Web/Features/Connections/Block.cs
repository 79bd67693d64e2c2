using Entregent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entregent.Web.Features.Connections;

/// <summary>
/// One member blocking another. Symmetric in effect: neither sees the other anywhere. Only the blocker can lift it,
/// and only the blocker sees that it exists.
/// </summary>
public sealed class Block : IFeedEntity
{
    public long BlockerId { get; set; }
    public long BlockedId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public FeedEntry? Describe(EntityState state) => new(FeedEntry.Verb("block", state), BlockedId, BlockerId, BlockedId);

    /// <summary>Whether either member blocks the other.</summary>
    public static Task<bool> EitherWayAsync(EntregentDb db, long a, long b, CancellationToken cancellationToken) =>
        db.Blocks.AnyAsync(x => (x.BlockerId == a && x.BlockedId == b) || (x.BlockerId == b && x.BlockedId == a), cancellationToken);

    /// <summary>Members blocked by, or blocking, <paramref name="memberId"/>: a query to leave them out of another.</summary>
    public static IQueryable<long> EitherWayWith(EntregentDb db, long memberId) =>
        db.Blocks.Where(b => b.BlockerId == memberId).Select(b => b.BlockedId)
            .Concat(db.Blocks.Where(b => b.BlockedId == memberId).Select(b => b.BlockerId));
}

internal sealed class BlockConfiguration : IEntityTypeConfiguration<Block>
{
    public void Configure(EntityTypeBuilder<Block> builder)
    {
        builder.ToTable("blocks");
        builder.HasKey(b => new { b.BlockerId, b.BlockedId });
        builder.HasIndex(b => b.BlockedId);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(b => b.BlockerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(b => b.BlockedId).OnDelete(DeleteBehavior.Cascade);
    }
}
