using System.ComponentModel.DataAnnotations;

namespace Entregent.Web.Features.Messaging;

/// <summary>The <c>Messaging</c> configuration section: how much one member may write (DESIGN: messages are rate-limited per member).</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Messages a member may send in any hour, all conversations together. Default 200.</summary>
    [Range(1, 100_000)]
    public int MessagesPerHour { get; set; } = 200;

    /// <summary>New conversations a member may open in any 24 hours (writing again in an existing one is not new). Default 50.</summary>
    [Range(1, 10_000)]
    public int ConversationsPerDay { get; set; } = 50;

    /// <summary>The most members in one conversation, its author included. Default 50.</summary>
    [Range(2, 500)]
    public int MaxParticipants { get; set; } = 50;
}
