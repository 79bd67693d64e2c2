using System.Text;
using System.Text.Encodings.Web;
using Entregent.Web.Infrastructure.Email;
using Microsoft.AspNetCore.WebUtilities;

namespace Entregent.Web.Features.Accounts;

/// <summary>The mails an account receives: address confirmation and password reset, each with a one-time link.</summary>
public sealed class AccountEmails(IEmailSender sender)
{
    /// <summary>Identity tokens contain '+' and '/'; Base64Url keeps them intact in a query string.</summary>
    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? DecodeToken(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public Task SendConfirmationAsync(Member member, string displayName, string token, string baseUrl, CancellationToken cancellationToken)
    {
        var link = $"{baseUrl.TrimEnd('/')}/account/confirm-email?member={member.Id}&code={EncodeToken(token)}";
        return sender.SendAsync(new EmailMessage(
            member.Email!,
            "Confirm your e-mail address for Entregent",
            $"Hello {displayName},\n\nConfirm your address by opening this link:\n{link}\n\nIf you did not create an account, ignore this message.\n",
            $"<p>Hello {HtmlEncoder.Default.Encode(displayName)},</p><p><a href=\"{HtmlEncoder.Default.Encode(link)}\">Confirm your e-mail address</a></p><p>If you did not create an account, ignore this message.</p>"),
            cancellationToken);
    }

    public Task SendPasswordResetAsync(Member member, string token, string baseUrl, CancellationToken cancellationToken)
    {
        var link = $"{baseUrl.TrimEnd('/')}/account/reset-password?email={Uri.EscapeDataString(member.Email!)}&code={EncodeToken(token)}";
        return sender.SendAsync(new EmailMessage(
            member.Email!,
            "Reset your Entregent password",
            $"Someone asked to reset the password of this account.\n\nChoose a new password here:\n{link}\n\nIf it was not you, ignore this message; your password is unchanged.\n",
            $"<p>Someone asked to reset the password of this account.</p><p><a href=\"{HtmlEncoder.Default.Encode(link)}\">Choose a new password</a></p><p>If it was not you, ignore this message; your password is unchanged.</p>"),
            cancellationToken);
    }
}
