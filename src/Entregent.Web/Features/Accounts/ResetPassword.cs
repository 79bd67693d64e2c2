using Entregent.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Entregent.Web.Features.Accounts;

/// <summary>Forgotten password: mail a one-time link, then set a new password with its code.</summary>
public static class ResetPassword
{
    public sealed record StartRequest(string? Email);

    public sealed record Request(string? Email, string? Code, string? NewPassword);

    /// <summary>Always succeeds from the caller's point of view: the answer must not reveal who is a member.</summary>
    public static async Task StartAsync(StartRequest request, UserManager<Member> users, AccountEmails emails, string baseUrl, CancellationToken cancellationToken)
    {
        var member = string.IsNullOrWhiteSpace(request.Email) ? null : await users.FindByEmailAsync(request.Email.Trim());
        if (member is null)
        {
            return;
        }
        var token = await users.GeneratePasswordResetTokenAsync(member);
        await emails.SendPasswordResetAsync(member, token, baseUrl, cancellationToken);
    }

    public static async Task<Outcome<bool>> ExecuteAsync(Request request, UserManager<Member> users, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var member = string.IsNullOrWhiteSpace(request.Email) ? null : await users.FindByEmailAsync(request.Email.Trim());
        var token = AccountEmails.DecodeToken(request.Code);
        if (member is null || token is null)
        {
            return Failure.Invalid("code", "This reset link is invalid or has expired.");
        }
        if (string.IsNullOrEmpty(request.NewPassword))
        {
            return Failure.Invalid("newPassword", "This field is required.");
        }
        var result = await users.ResetPasswordAsync(member, token, request.NewPassword);
        if (result.Succeeded)
        {
            // A reset also ends a lockout: the person has just proved they own the address.
            await users.SetLockoutEndDateAsync(member, null);
            await users.ResetAccessFailedCountAsync(member);
            return true;
        }
        return result.Errors.Any(e => e.Code == "InvalidToken")
            ? Failure.Invalid("code", "This reset link is invalid or has expired.")
            : Failure.Invalid("newPassword", string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
