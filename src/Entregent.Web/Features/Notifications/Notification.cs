using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entregent.Web.Features.Notifications;

/// <summary>What a notification is about; each kind can be turned off in the centre and in the digest.</summary>
public enum NotificationKind
{
    InvitationReceived = 0,
    InvitationAccepted = 1,

    /// <summary>An introduction waits for the recipient, or moved on (forwarded, accepted, declined).</summary>
    Introduction = 2,

    /// <summary>A recommendation was written for, or requested of, the recipient.</summary>
    Recommendation = 3,
    Endorsement = 4,
    Mention = 5,

    /// <summary>A comment on the recipient's post, or a reply to their comment.</summary>
    Reply = 6,
    Reaction = 7,

    /// <summary>Join requests, invitations, approvals, pending posts and new posts in the recipient's groups.</summary>
    GroupActivity = 8,

    /// <summary>A connection started a new position and chose to share it.</summary>
    NewPosition = 9,
    WorkAnniversary = 10,

    /// <summary>A connection asks whether the recipient's details are still right ("still at Acme?").</summary>
    DetailsFlagged = 11,

    /// <summary>A saved search or keyword watch found something new.</summary>
    WatchMatch = 12,
}

/// <summary>One entry of a member's notification centre.</summary>
public sealed class Notification
{
    public const int TextMaxLength = 300;
    public const int UrlMaxLength = 300;
    public const int DedupeKeyMaxLength = 120;

    public long Id { get; set; }
    public long RecipientId { get; set; }
    public NotificationKind Kind { get; set; }

    /// <summary>The member who did it, if one did (shown with their photo; hidden if a block comes later).</summary>
    public long? ActorId { get; set; }

    /// <summary>A plain-text line (encoded when shown), e.g. the start of a comment or a position title.</summary>
    public required string Text { get; set; }

    /// <summary>The local path the notification opens ("/posts/12#comment-40").</summary>
    public required string Url { get; set; }

    /// <summary>
    /// Optional; unique per recipient, so an event noticed twice (a retried job, a re-read feed) notifies once
    /// ("anniversary:2026:position:41").
    /// </summary>
    public string? DedupeKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>When a digest e-mail carried it; never carried twice.</summary>
    public DateTimeOffset? EmailedAt { get; set; }
}

public enum DigestFrequency
{
    Off = 0,
    Daily = 1,
    Weekly = 2,
}

/// <summary>A member's notification settings: the digest, and the kinds turned off (absent row: defaults).</summary>
public sealed class NotificationSettings
{
    public long MemberId { get; set; }
    public DigestFrequency Digest { get; set; } = DigestFrequency.Weekly;

    /// <summary>Kinds not shown in the centre (nor e-mailed).</summary>
    public List<NotificationKind> MutedKinds { get; set; } = [];

    /// <summary>Kinds shown in the centre but left out of the digest.</summary>
    public List<NotificationKind> NotEmailedKinds { get; set; } = [];

    public DateTimeOffset? LastDigestAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.Property(n => n.Text).HasMaxLength(Notification.TextMaxLength);
        builder.Property(n => n.Url).HasMaxLength(Notification.UrlMaxLength);
        builder.Property(n => n.DedupeKey).HasMaxLength(Notification.DedupeKeyMaxLength);
        // The centre, newest first, and the unread count.
        builder.HasIndex(n => new { n.RecipientId, n.CreatedAt });
        builder.HasIndex(n => new { n.RecipientId, n.ReadAt });
        builder.HasIndex(n => new { n.RecipientId, n.DedupeKey }).IsUnique().HasFilter("\"DedupeKey\" IS NOT NULL");
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(n => n.ActorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationSettingsConfiguration : IEntityTypeConfiguration<NotificationSettings>
{
    public void Configure(EntityTypeBuilder<NotificationSettings> builder)
    {
        builder.ToTable("notification_settings");
        builder.HasKey(s => s.MemberId);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
