using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entregent.Web.Features.Endorsements;

/// <summary>
/// A 1st-degree connection vouches for one skill a member lists. One row per endorser, member and skill; counted
/// only while the member still lists the skill, so removing and re-adding a skill brings its endorsements back.
/// </summary>
public sealed class Endorsement : IFeedEntity
{
    public long EndorserId { get; set; }
    public long MemberId { get; set; }
    public long SkillId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    // The pair's strength counts endorsements, so the graph re-reads the pair.
    public FeedEntry? Describe(EntityState state) => new(FeedEntry.Verb("endorsement", state), SkillId, MemberId, EndorserId);
}

internal sealed class EndorsementConfiguration : IEntityTypeConfiguration<Endorsement>
{
    public void Configure(EntityTypeBuilder<Endorsement> builder)
    {
        builder.ToTable("endorsements");
        builder.HasKey(e => new { e.MemberId, e.SkillId, e.EndorserId });
        // Strength reads a pair's endorsements from either side.
        builder.HasIndex(e => new { e.EndorserId, e.MemberId });
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(e => e.EndorserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Skill>().WithMany().HasForeignKey(e => e.SkillId).OnDelete(DeleteBehavior.Cascade);
    }
}
