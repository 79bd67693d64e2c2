using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entregent.Web.Features.Messaging;

public enum ConversationKind
{
    Direct = 0,
    Group = 1,

    /// <summary>Opened by an accepted introduction between the requester, the intermediaries and the target.</summary>
    Introduction = 2,
}

/// <summary>A thread of messages between a fixed set of participants.</summary>
public sealed class Conversation
{
    public const int SubjectMaxLength = 200;

    public long Id { get; set; }
    public ConversationKind Kind { get; set; }
    public string? Subject { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastMessageAt { get; set; }
    public List<ConversationParticipant> Participants { get; set; } = [];
}

public enum ConversationFolder
{
    Inbox = 0,

    /// <summary>Started by someone the participant was not connected to: waits until accepted (then Inbox).</summary>
    Requests = 1,

    Archived = 2,
}

/// <summary>A member in a conversation, with how far they have read (for unread counts).</summary>
public sealed class ConversationParticipant
{
    public ConversationFolder Folder { get; set; }

    /// <summary>The participant left (group conversations): they keep what came before and get nothing after.</summary>
    public DateTimeOffset? LeftAt { get; set; }

    public long ConversationId { get; set; }
    public long MemberId { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
    public DateTimeOffset? LastReadAt { get; set; }
}

public sealed class Message
{
    public const int BodyMaxLength = 4000;

    public long Id { get; set; }
    public long ConversationId { get; set; }
    public long AuthorId { get; set; }

    /// <summary>Plain text; shown encoded, never as HTML.</summary>
    public required string Body { get; set; }
    public DateTimeOffset SentAt { get; set; }

    /// <summary>
    /// The sender's own key for this message (a browser tab's random id): sending the same key twice returns the first
    /// message instead of a duplicate, so a retried send after a lost answer is harmless.
    /// </summary>
    public string? ClientKey { get; set; }
}

/// <summary>
/// Messages from one member to another (both in one conversation, direct or group), counted per direction:
/// relationship strength counts two-way traffic only, and "reconnect" reads when two members last wrote.
/// </summary>
public sealed class Correspondence
{
    public long FromId { get; set; }
    public long ToId { get; set; }
    public int MessageCount { get; set; }
    public DateTimeOffset LastMessageAt { get; set; }
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.ToTable("conversations");
        builder.Property(c => c.Subject).HasMaxLength(Conversation.SubjectMaxLength);
        builder.HasMany(c => c.Participants).WithOne().HasForeignKey(p => p.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConversationParticipantConfiguration : IEntityTypeConfiguration<ConversationParticipant>
{
    public void Configure(EntityTypeBuilder<ConversationParticipant> builder)
    {
        builder.ToTable("conversation_participants");
        builder.HasKey(p => new { p.ConversationId, p.MemberId });
        // "My conversations" by folder.
        builder.HasIndex(p => new { p.MemberId, p.Folder });
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToTable("messages");
        builder.Property(m => m.Body).HasMaxLength(Message.BodyMaxLength);
        builder.HasIndex(m => new { m.ConversationId, m.SentAt });
        builder.Property(m => m.ClientKey).HasMaxLength(64);
        builder.HasIndex(m => new { m.AuthorId, m.ClientKey }).IsUnique().HasFilter("\"ClientKey\" IS NOT NULL");
        // The rate limits count an author's messages over the last hour and day.
        builder.HasIndex(m => new { m.AuthorId, m.SentAt });
        builder.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CorrespondenceConfiguration : IEntityTypeConfiguration<Correspondence>
{
    public void Configure(EntityTypeBuilder<Correspondence> builder)
    {
        builder.ToTable("correspondence");
        builder.HasKey(c => new { c.FromId, c.ToId });
        builder.HasIndex(c => c.ToId);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(c => c.FromId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.Member>().WithMany().HasForeignKey(c => c.ToId).OnDelete(DeleteBehavior.Cascade);
    }
}
