using Entregent.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Features.Accounts;

/// <summary>
/// Bearer tokens for API clients: exchange an e-mail and password for an access token and a refresh token, and
/// a refresh token for a fresh pair. Tokens are ASP.NET Core's own (data-protected), so no secret to manage.
/// </summary>
public static class IssueToken
{
    public sealed record Request(string? Email, string? Password);

    public sealed record RefreshRequest(string? RefreshToken);

    public static async Task<Results<SignInHttpResult, ProblemHttpResult>> HandleAsync(
        Request request, UserManager<Member> users, SignInManager<Member> signIn)
    {
        var outcome = await CheckPasswordAsync(request.Email, request.Password, users, signIn);
        if (!outcome.Succeeded)
        {
            return outcome.Failure!.ToProblem();
        }
        var principal = await signIn.CreateUserPrincipalAsync(outcome.Value!);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    public static async Task<Results<SignInHttpResult, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, SignInManager<Member> signIn, IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider time)
    {
        var protector = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = string.IsNullOrEmpty(request.RefreshToken) ? null : protector.Unprotect(request.RefreshToken);
        // A changed security stamp (new password, "sign out everywhere") invalidates every refresh token issued before.
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } member)
        {
            return Failure.Unauthorized("The refresh token is invalid or expired; sign in again.").ToProblem();
        }
        var principal = await signIn.CreateUserPrincipalAsync(member);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    /// <summary>Shared by the token route and the sign-in page: wrong credentials, lockout and unconfirmed e-mail, told apart.</summary>
    public static async Task<Outcome<Member>> CheckPasswordAsync(string? email, string? password, UserManager<Member> users, SignInManager<Member> signIn)
    {
        var member = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (member is null || string.IsNullOrEmpty(password))
        {
            return Failure.Unauthorized("Wrong e-mail address or password.");
        }
        var result = await signIn.CheckPasswordSignInAsync(member, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return Failure.Forbidden("Too many failed attempts: this account is locked for a few minutes.");
        }
        if (result.IsNotAllowed)
        {
            return Failure.Forbidden("Confirm your e-mail address first: we sent you a link.");
        }
        return result.Succeeded ? member : Failure.Unauthorized("Wrong e-mail address or password.");
    }
}
