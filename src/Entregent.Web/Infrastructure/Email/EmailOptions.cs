using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace Entregent.Web.Infrastructure.Email;

public enum EmailDelivery
{
    /// <summary>Write .eml files to <see cref="EmailOptions.PickupDirectory"/>: no mail server needed.</summary>
    PickupFolder,

    /// <summary>Relay through the server in <see cref="EmailOptions.Smtp"/>.</summary>
    Smtp,
}

/// <summary>The <c>Email</c> configuration section.</summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string SectionName = "Email";

    /// <summary>How mail leaves the app. Default <see cref="EmailDelivery.PickupFolder"/>.</summary>
    public EmailDelivery Delivery { get; set; } = EmailDelivery.PickupFolder;

    /// <summary>The From mailbox, with an optional display name. Default <c>Entregent &lt;no-reply@localhost&gt;</c>.</summary>
    [Required(ErrorMessage = "Email:From is required.")]
    public string From { get; set; } = "Entregent <no-reply@localhost>";

    /// <summary>Where <see cref="PickupFolderEmailSender"/> writes. Default <c>{Storage:DataPath}/mail</c>.</summary>
    public string? PickupDirectory { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>
    /// <see cref="From"/> parsed. Addresses without a domain are refused: MimeKit accepts them by default, but no
    /// relay delivers them and receivers reject them.
    /// </summary>
    internal static MailboxAddress? ParseMailbox(string? text) =>
        !string.IsNullOrWhiteSpace(text)
        && text.IndexOfAny(['\r', '\n']) < 0
        && MailboxAddress.TryParse(text, out var mailbox)
        && !string.IsNullOrEmpty(mailbox.LocalPart)
        && !string.IsNullOrEmpty(mailbox.Domain)
            ? mailbox
            : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ParseMailbox(From) is null)
        {
            yield return new ValidationResult($"Email:From '{From}' is not a mailbox such as 'Entregent <no-reply@example.org>'.", [nameof(From)]);
        }

        if (Delivery == EmailDelivery.PickupFolder && string.IsNullOrWhiteSpace(PickupDirectory))
        {
            yield return new ValidationResult("Email:PickupDirectory is required for pickup-folder delivery.", [nameof(PickupDirectory)]);
        }

        if (Delivery == EmailDelivery.Smtp)
        {
            if (string.IsNullOrWhiteSpace(Smtp.Host))
            {
                yield return new ValidationResult("Email:Smtp:Host is required when Email:Delivery is Smtp.", ["Smtp.Host"]);
            }

            if (Smtp.Port is < 1 or > 65535)
            {
                yield return new ValidationResult("Email:Smtp:Port must be between 1 and 65535.", ["Smtp.Port"]);
            }

            if (!string.IsNullOrEmpty(Smtp.Username) && Smtp.Password is null)
            {
                yield return new ValidationResult("Email:Smtp:Password is required when Email:Smtp:Username is set.", ["Smtp.Password"]);
            }
        }
    }
}

/// <summary>The <c>Email:Smtp</c> configuration section.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    /// <summary>Default 587, the submission port.</summary>
    public int Port { get; set; } = 587;

    /// <summary>Authenticates only when set.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// Default true: require STARTTLS, failing rather than sending credentials in clear. When false, port 465 uses
    /// TLS from the first byte and any other port sends in clear (a relay on the same host).
    /// </summary>
    public bool UseStartTls { get; set; } = true;
}
