using Entregent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entregent.Web.Features.Organizations;

public enum VerificationMethod
{
    /// <summary>The member confirmed an e-mail address at the organisation's verified domain.</summary>
    EmailDomain = 0,

    /// <summary>An administrator of the organisation (or of the site) approved the member.</summary>
    Approval = 1,
}

/// <summary>
/// A member verified as belonging to an organisation: what opens its internal groups, posts and directory.
/// Distinct from a position, which anyone can claim.
/// </summary>
public sealed class OrganizationVerification : IFeedEntity
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public long MemberId { get; set; }
    public VerificationMethod Method { get; set; }
    public long? ApprovedById { get; set; }
    public DateTimeOffset VerifiedAt { get; set; }

    public FeedEntry? Describe(EntityState state) => new(FeedEntry.Verb("verification", state), Id, MemberId, OrganizationId);
}

internal sealed class OrganizationVerificationConfiguration : IEntityTypeConfiguration<OrganizationVerification>
{
    public void Configure(EntityTypeBuilder<OrganizationVerification> builder)
    {
        builder.ToTable("organization_verifications");
        builder.HasIndex(v => new { v.OrganizationId, v.MemberId }).IsUnique();
        builder.HasIndex(v => v.MemberId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(v => v.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(v => v.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(v => v.ApprovedById).OnDelete(DeleteBehavior.SetNull);
    }
}
