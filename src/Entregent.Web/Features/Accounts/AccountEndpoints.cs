using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Entregent.Web.Features.Accounts;

public static class AccountEndpoints
{
    public const string RateLimitPolicy = "accounts";

    public static RouteGroupBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/accounts").WithTags("Accounts").RequireRateLimiting(RateLimitPolicy);

        group.MapPost("/", async Task<Results<Created<Register.Response>, ProblemHttpResult>> (
            Register.Request request, UserManager<Member> users, EntregentDb db, TimeProvider time, AccountEmails emails,
            HttpRequest http, CancellationToken cancellationToken) =>
        {
            var outcome = await Register.ExecuteAsync(request, users, db, time, emails, BaseUrl(http), cancellationToken);
            return outcome.Succeeded
                ? TypedResults.Created($"/api/v1/members/{outcome.Value.Response.Handle}", outcome.Value.Response)
                : outcome.Failure!.ToProblem();
        }).WithSummary("Register an account (the first one administers the instance)");

        group.MapPost("/token", IssueToken.HandleAsync).WithSummary("Exchange e-mail and password for a bearer token");
        group.MapPost("/token/refresh", IssueToken.RefreshAsync).WithSummary("Exchange a refresh token for a new bearer token");

        group.MapPost("/confirm-email", async (ConfirmEmail.Request request, UserManager<Member> users, CancellationToken cancellationToken) =>
            (await ConfirmEmail.ExecuteAsync(request, users, cancellationToken)).ToNoContent())
            .WithSummary("Confirm an e-mail address with the code from the mail");

        group.MapPost("/confirmation-email", async (ConfirmEmail.ResendRequest request, UserManager<Member> users, EntregentDb db,
            AccountEmails emails, HttpRequest http, CancellationToken cancellationToken) =>
        {
            await ConfirmEmail.ResendAsync(request, users, db, emails, BaseUrl(http), cancellationToken);
            return TypedResults.Accepted((string?)null);
        }).WithSummary("Send the confirmation mail again");

        group.MapPost("/password-reset", async (ResetPassword.StartRequest request, UserManager<Member> users, AccountEmails emails,
            HttpRequest http, CancellationToken cancellationToken) =>
        {
            await ResetPassword.StartAsync(request, users, emails, BaseUrl(http), cancellationToken);
            return TypedResults.Accepted((string?)null);
        }).WithSummary("Mail a password-reset link");

        group.MapPost("/password-reset/confirm", async (ResetPassword.Request request, UserManager<Member> users, CancellationToken cancellationToken) =>
            (await ResetPassword.ExecuteAsync(request, users, cancellationToken)).ToNoContent())
            .WithSummary("Set a new password with the code from the mail");

        group.MapPost("/sign-out-everywhere", async Task<NoContent> (System.Security.Claims.ClaimsPrincipal user, UserManager<Member> users) =>
        {
            var member = await users.GetUserAsync(user);
            if (member is not null)
            {
                await users.UpdateSecurityStampAsync(member);
            }
            return TypedResults.NoContent();
        }).RequireAuthorization().WithSummary("Invalidate every refresh token and session of the caller");

        return group;
    }

    /// <summary>Where links in mails point: the configured public address, else the address this request came to.</summary>
    public static string BaseUrl(HttpRequest request)
    {
        var configured = request.HttpContext.RequestServices.GetRequiredService<IConfiguration>()["App:PublicUrl"];
        return string.IsNullOrWhiteSpace(configured) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : configured;
    }
}
