using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entregent.Web.Features.Introductions;

public enum IntroductionStatus
{
    /// <summary>Waiting for the first intermediary (the requester's 1st-degree connection) to forward or decline.</summary>
    AwaitingIntermediary = 0,

    /// <summary>For a 3rd-degree target: waiting for the second intermediary, who knows the target.</summary>
    AwaitingSecondIntermediary = 1,

    /// <summary>Forwarded: waiting for the target to accept or decline (double opt-in).</summary>
    AwaitingTarget = 2,
    Accepted = 3,
    Declined = 4,
    Expired = 5,
    Withdrawn = 6,
}

/// <summary>
/// "Could you introduce me?": a requester asks a 1st-degree connection to introduce them to a 2nd- or 3rd-degree member.
/// Each intermediary forwards with a note of their own or declines; the target then accepts or declines. Acceptance opens
/// a conversation between everyone on the path. At most one open introduction per requester and target.
/// </summary>
public sealed class Introduction
{
    public const int MessageMaxLength = 1000;
    public const int NoteMaxLength = 500;

    public long Id { get; set; }
    public long RequesterId { get; set; }
    public long IntermediaryId { get; set; }

    /// <summary>Set for a 3rd-degree target: the intermediary's connection who knows the target.</summary>
    public long? SecondIntermediaryId { get; set; }
    public long TargetId { get; set; }
    public required string Message { get; set; }
    /// <summary>
    /// Null until the intermediary forwards; empty when they forwarded without a note. Whether a closed introduction
    /// ever reached the second intermediary or the target (who may then still see it) is read from these two notes.
    /// </summary>
    public string? IntermediaryNote { get; set; }

    /// <summary>Null until the second intermediary forwards; empty when they forwarded without a note.</summary>
    public string? SecondIntermediaryNote { get; set; }

    /// <summary>What the one who declined said, if anything.</summary>
    public string? ResponseNote { get; set; }
    public long? DeclinedById { get; set; }
    public IntroductionStatus Status { get; set; }

    /// <summary>The ask this introduction answers, when it came from one.</summary>
    public long? AskId { get; set; }

    /// <summary>The thread opened on acceptance.</summary>
    public long? ConversationId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// When the introduction last moved to someone's turn (requested, forwarded); reminders and expiry count from here.
    /// Closing sets <see cref="ClosedAt"/> and leaves this as it was, so the time of the last forward stays known.
    /// </summary>
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? RemindedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Optimistic concurrency: a forward and a withdrawal racing never both win.</summary>
    public int Version { get; set; }

    public bool IsOpen => Status is IntroductionStatus.AwaitingIntermediary or IntroductionStatus.AwaitingSecondIntermediary or IntroductionStatus.AwaitingTarget;
}

internal sealed class IntroductionConfiguration : IEntityTypeConfiguration<Introduction>
{
    public void Configure(EntityTypeBuilder<Introduction> builder)
    {
        builder.ToTable("introductions");
        builder.Property(i => i.Message).HasMaxLength(Introduction.MessageMaxLength);
        builder.Property(i => i.IntermediaryNote).HasMaxLength(Introduction.NoteMaxLength);
        builder.Property(i => i.SecondIntermediaryNote).HasMaxLength(Introduction.NoteMaxLength);
        builder.Property(i => i.ResponseNote).HasMaxLength(Introduction.NoteMaxLength);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.IsOpen);
        // One open introduction per requester and target, even when two requests race.
        builder.HasIndex(i => new { i.RequesterId, i.TargetId }).IsUnique().HasFilter("\"Status\" IN (0, 1, 2)");
        // Rate limit: a requester's recent requests.
        builder.HasIndex(i => new { i.RequesterId, i.CreatedAt });
        builder.HasIndex(i => new { i.IntermediaryId, i.Status });
        builder.HasIndex(i => new { i.SecondIntermediaryId, i.Status });
        builder.HasIndex(i => new { i.TargetId, i.Status });
        // The reminder and expiry job scans open introductions by age.
        builder.HasIndex(i => new { i.Status, i.UpdatedAt });
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(i => i.RequesterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(i => i.IntermediaryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(i => i.SecondIntermediaryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(i => i.TargetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Asks.Ask>().WithMany().HasForeignKey(i => i.AskId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Messaging.Conversation>().WithMany().HasForeignKey(i => i.ConversationId).OnDelete(DeleteBehavior.SetNull);
    }
}
