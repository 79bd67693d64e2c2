namespace Entregent.Web.Infrastructure.Email;

/// <summary>
/// An e-mail to one member. <paramref name="HtmlBody"/> is optional; when given, mail clients show it and fall
/// back to <paramref name="TextBody"/>. The sender adds From, Date and Message-Id.
/// </summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);

/// <summary>
/// Sends e-mail out of the app. Configuration picks the implementation (<c>Email:Delivery</c>):
/// <see cref="PickupFolderEmailSender"/> by default, <see cref="SmtpEmailSender"/> for a real relay.
/// </summary>
public interface IEmailSender
{
    /// <summary>Sends <paramref name="message"/>; throws when the recipient is not a valid address or delivery fails.</summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
