using MimeKit;
using MimeKit.Utils;

namespace Entregent.Web.Infrastructure.Email;

/// <summary>Builds the RFC 5322 message both senders deliver, so they cannot differ in headers or bodies.</summary>
internal static class MimeMessageFactory
{
    public static MimeMessage Create(EmailMessage email, MailboxAddress from, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(email);
        var to = EmailOptions.ParseMailbox(email.To)
            ?? throw new ArgumentException($"'{email.To}' is not a valid e-mail address.", nameof(email));
        // MimeKit folds and encodes header text, but a line break in a subject is a caller bug worth surfacing.
        if (email.Subject.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("The subject must be a single line.", nameof(email));
        }

        var message = new MimeMessage
        {
            Subject = email.Subject,
            Date = timeProvider.GetUtcNow(),
            MessageId = MimeUtils.GenerateMessageId(from.Domain),
        };
        message.From.Add(from);
        message.To.Add(to);

        var body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody };
        message.Body = body.ToMessageBody();
        return message;
    }
}
