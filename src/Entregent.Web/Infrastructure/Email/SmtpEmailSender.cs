using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Infrastructure.Email;

/// <summary>
/// Delivers mail through an SMTP relay with MailKit. A connection per message: MailKit's client is not
/// thread-safe, and the app sends a few messages a minute, not a stream that pooling would pay for.
/// </summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options, TimeProvider timeProvider, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var smtp = settings.Smtp;
        var from = EmailOptions.ParseMailbox(settings.From)!;
        using var mime = MimeMessageFactory.Create(message, from, timeProvider);

        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host!, smtp.Port, SocketOptions(smtp), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Sent message {MessageId} through {SmtpHost}", mime.MessageId, smtp.Host);
        }
    }

    internal static SecureSocketOptions SocketOptions(SmtpOptions smtp) => smtp switch
    {
        { UseStartTls: true } => SecureSocketOptions.StartTls,
        { Port: 465 } => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };
}
