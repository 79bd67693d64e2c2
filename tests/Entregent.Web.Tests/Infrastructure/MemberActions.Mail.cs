using System.Text.RegularExpressions;
using MimeKit;

namespace Entregent.Web.Tests.Infrastructure;

/// <summary>What a member finds in their mailbox: the app's pickup folder, one .eml file per message.</summary>
public static partial class MemberActions
{
    /// <summary>Every message the app has sent to <paramref name="email"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> MailsToAsync(this EntregentFactory app, string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!Directory.Exists(app.MailPath))
        {
            return [];
        }

        var found = new List<MimeMessage>();
        foreach (var file in Directory.GetFiles(app.MailPath, "*.eml").Order(StringComparer.Ordinal))
        {
            var message = await MimeMessage.LoadAsync(file, cancellationToken);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, email, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(message);
            }
            else
            {
                message.Dispose();
            }
        }

        return found;
    }

    /// <summary>
    /// Opens the latest mail to <paramref name="email"/> whose subject contains <paramref name="subject"/> and
    /// returns the query parameters of the link in it (member, email, code…).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> OpenMailLinkAsync(this EntregentFactory app, string email, string subject,
        CancellationToken cancellationToken = default)
    {
        var mails = await app.MailsToAsync(email, cancellationToken);
        try
        {
            var mail = mails.LastOrDefault(m => (m.Subject ?? "").Contains(subject, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidOperationException($"No mail to {email} with a subject containing '{subject}'.");
            var link = LinkPattern().Match(mail.TextBody ?? "");
            if (!link.Success)
            {
                throw new InvalidOperationException($"The mail '{mail.Subject}' holds no link: {mail.TextBody}");
            }

            var query = new Uri(link.Value).Query.TrimStart('?');
            return query.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""), StringComparer.Ordinal);
        }
        finally
        {
            foreach (var mail in mails)
            {
                mail.Dispose();
            }
        }
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
