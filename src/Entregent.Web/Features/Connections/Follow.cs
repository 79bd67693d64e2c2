using Entregent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entregent.Web.Features.Connections;

/// <summary>
/// A one-way follow of a member or of an organisation (exactly one of the two is set). Following needs no
/// consent; blocking removes follows both ways.
/// </summary>
public sealed class Follow : IFeedEntity
{
    public long Id { get; set; }
    public long FollowerId { get; set; }
    public long? FollowedMemberId { get; set; }
    public long? FollowedOrganizationId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public FeedEntry? Describe(EntityState state) =>
        new(FeedEntry.Verb("follow", state), Id, FollowerId, FollowedMemberId ?? FollowedOrganizationId);
}

internal sealed class FollowConfiguration : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> builder)
    {
        builder.ToTable("follows", table => table.HasCheckConstraint("CK_follows_one_target",
            "(\"FollowedMemberId\" IS NULL) <> (\"FollowedOrganizationId\" IS NULL)"));
        builder.HasIndex(f => new { f.FollowerId, f.FollowedMemberId }).IsUnique().HasFilter("\"FollowedMemberId\" IS NOT NULL");
        builder.HasIndex(f => new { f.FollowerId, f.FollowedOrganizationId }).IsUnique().HasFilter("\"FollowedOrganizationId\" IS NOT NULL");
        builder.HasIndex(f => f.FollowedMemberId);
        builder.HasIndex(f => f.FollowedOrganizationId);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(f => f.FollowerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(f => f.FollowedMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(f => f.FollowedOrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
