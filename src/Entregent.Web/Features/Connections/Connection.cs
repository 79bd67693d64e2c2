using Entregent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entregent.Web.Features.Connections;

/// <summary>How two members know each other, as the inviter stated it. Feeds relationship strength.</summary>
public enum HowMet
{
    /// <summary>Not stated (imported or demo connections).</summary>
    Unstated = 0,
    Colleague = 1,
    Classmate = 2,
    Client = 3,
    Partner = 4,
    Event = 5,
    Other = 6,

    /// <summary>Met through an accepted introduction.</summary>
    Introduction = 7,
}

/// <summary>
/// A 1st-degree connection between two members, stored once with the smaller id first. Made by accepting an
/// <see cref="Invitation"/>; removed by either member or by a <see cref="Block"/>.
/// </summary>
public sealed class Connection : IFeedEntity
{
    public long Id { get; set; }

    /// <summary>The smaller of the two member ids.</summary>
    public long MemberId { get; set; }

    /// <summary>The larger of the two member ids.</summary>
    public long OtherMemberId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public HowMet HowMet { get; set; }

    /// <summary>The organisation or school they share, when <see cref="HowMet"/> names one (colleague, classmate).</summary>
    public long? ContextOrganizationId { get; set; }

    public FeedEntry? Describe(EntityState state) => new(FeedEntry.Verb("connection", state), Id, MemberId, OtherMemberId);

    /// <summary>A connection between two members, in the stored order.</summary>
    public static Connection Between(long a, long b, DateTimeOffset createdAt, HowMet howMet = HowMet.Unstated, long? organizationId = null) =>
        new()
        {
            MemberId = Math.Min(a, b),
            OtherMemberId = Math.Max(a, b),
            CreatedAt = createdAt,
            HowMet = howMet,
            ContextOrganizationId = organizationId,
        };

    /// <summary>Whether two members are connected; one index seek.</summary>
    public static Task<bool> ExistsAsync(EntregentDb db, long a, long b, CancellationToken cancellationToken)
    {
        var (low, high) = (Math.Min(a, b), Math.Max(a, b));
        return db.Connections.AnyAsync(c => c.MemberId == low && c.OtherMemberId == high, cancellationToken);
    }

    /// <summary>The connection row of a pair, tracked, or null.</summary>
    public static Task<Connection?> FindAsync(EntregentDb db, long a, long b, CancellationToken cancellationToken)
    {
        var (low, high) = (Math.Min(a, b), Math.Max(a, b));
        return db.Connections.FirstOrDefaultAsync(c => c.MemberId == low && c.OtherMemberId == high, cancellationToken);
    }
}

internal sealed class ConnectionConfiguration : IEntityTypeConfiguration<Connection>
{
    public void Configure(EntityTypeBuilder<Connection> builder)
    {
        builder.ToTable("connections", table => table.HasCheckConstraint("CK_connections_order", "\"MemberId\" < \"OtherMemberId\""));
        builder.HasIndex(c => new { c.MemberId, c.OtherMemberId }).IsUnique();
        // Each member's connections are read from both columns.
        builder.HasIndex(c => c.OtherMemberId);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(c => c.OtherMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(c => c.ContextOrganizationId).OnDelete(DeleteBehavior.SetNull);
    }
}
