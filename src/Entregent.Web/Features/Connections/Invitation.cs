using Entregent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entregent.Web.Features.Connections;

public enum InvitationStatus
{
    Pending = 0,
    Accepted = 1,
    Ignored = 2,
    Withdrawn = 3,
}

/// <summary>
/// A request to connect. At most one pending invitation exists per ordered pair (a unique filtered index); one
/// crossing another in the opposite direction connects both at once.
/// </summary>
public sealed class Invitation : IFeedEntity
{
    public const int NoteMaxLength = 300;

    public long Id { get; set; }
    public long FromMemberId { get; set; }
    public long ToMemberId { get; set; }
    public string? Note { get; set; }
    public HowMet HowMet { get; set; }
    public long? ContextOrganizationId { get; set; }
    public InvitationStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }

    public FeedEntry? Describe(EntityState state) =>
        new(state == EntityState.Added ? "invitation.created" : $"invitation.{Status.ToString().ToLowerInvariant()}", Id, FromMemberId, ToMemberId);
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("invitations");
        builder.Property(i => i.Note).HasMaxLength(Invitation.NoteMaxLength);
        // Closes the race between two identical sends: the second insert fails instead of duplicating.
        builder.HasIndex(i => new { i.FromMemberId, i.ToMemberId }).IsUnique().HasFilter("\"Status\" = 0");
        builder.HasIndex(i => new { i.ToMemberId, i.Status });
        // Rate limit and re-invite checks read a member's recent sends.
        builder.HasIndex(i => new { i.FromMemberId, i.CreatedAt });
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(i => i.FromMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(i => i.ToMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(i => i.ContextOrganizationId).OnDelete(DeleteBehavior.SetNull);
    }
}
