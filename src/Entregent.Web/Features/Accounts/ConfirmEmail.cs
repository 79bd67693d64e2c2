using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Accounts;

/// <summary>Confirm an address with the link's code, or send the link again.</summary>
public static class ConfirmEmail
{
    public sealed record Request(long MemberId, string? Code);

    public sealed record ResendRequest(string? Email);

    public static async Task<Outcome<bool>> ExecuteAsync(Request request, UserManager<Member> users, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var member = await users.FindByIdAsync(request.MemberId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var token = AccountEmails.DecodeToken(request.Code);
        if (member is null || token is null)
        {
            return Failure.Invalid("code", "This confirmation link is invalid.");
        }
        var result = await users.ConfirmEmailAsync(member, token);
        return result.Succeeded ? true : Failure.Invalid("code", "This confirmation link is invalid or has expired.");
    }

    /// <summary>Always "sent", whether or not the address has an account: the answer must not reveal who is a member.</summary>
    public static async Task ResendAsync(ResendRequest request, UserManager<Member> users, EntregentDb db, AccountEmails emails, string baseUrl, CancellationToken cancellationToken)
    {
        var member = string.IsNullOrWhiteSpace(request.Email) ? null : await users.FindByEmailAsync(request.Email.Trim());
        if (member is null || member.EmailConfirmed)
        {
            return;
        }
        var name = await db.Profiles.Where(p => p.MemberId == member.Id).Select(p => p.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? member.Email!;
        var token = await users.GenerateEmailConfirmationTokenAsync(member);
        await emails.SendConfirmationAsync(member, name, token, baseUrl, cancellationToken);
    }
}
