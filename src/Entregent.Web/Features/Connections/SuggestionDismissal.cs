using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entregent.Web.Features.Connections;

/// <summary>A "people you may know" suggestion the member dismissed: it never comes back.</summary>
public sealed class SuggestionDismissal
{
    public long MemberId { get; set; }
    public long DismissedMemberId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class SuggestionDismissalConfiguration : IEntityTypeConfiguration<SuggestionDismissal>
{
    public void Configure(EntityTypeBuilder<SuggestionDismissal> builder)
    {
        builder.ToTable("suggestion_dismissals");
        builder.HasKey(d => new { d.MemberId, d.DismissedMemberId });
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(d => d.DismissedMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
