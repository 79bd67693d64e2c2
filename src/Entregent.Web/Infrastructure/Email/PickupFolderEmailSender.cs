using System.Globalization;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Infrastructure.Email;

/// <summary>
/// Delivers mail as .eml files in <c>Email:PickupDirectory</c>: the default, so a fresh install works without a mail
/// server, and developers can open what would have been sent. A relay's pickup service or a person can take them
/// from there.
/// </summary>
/// <remarks>
/// Names are <c>{UTC time to 100 ns}Z-{random}.eml</c>, so they sort by sending time and never collide. Each file is
/// written under a dot-prefixed .tmp name and then renamed, so a watcher never picks up half a message.
/// </remarks>
public sealed class PickupFolderEmailSender(IOptions<EmailOptions> options, TimeProvider timeProvider) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var from = EmailOptions.ParseMailbox(settings.From)!;
        using var mime = MimeMessageFactory.Create(message, from, timeProvider);

        var folder = Path.GetFullPath(settings.PickupDirectory!);
        Directory.CreateDirectory(folder);
        var unique = Guid.NewGuid().ToString("N");
        var name = string.Create(CultureInfo.InvariantCulture, $"{timeProvider.GetUtcNow().UtcDateTime:yyyyMMdd'T'HHmmssfffffff}Z-{unique}.eml");
        var temporary = Path.Combine(folder, $".{unique}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await mime.WriteToAsync(stream, cancellationToken);
            }

            File.Move(temporary, Path.Combine(folder, name));
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
