using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Entregent.Web.Tests.Infrastructure;

/// <summary>A member registered through the API, with a client that acts as them.</summary>
/// <param name="Client">Sends <c>Authorization: Bearer</c> with <paramref name="AccessToken"/> on every request.</param>
public sealed record Member(
    string Handle,
    string DisplayName,
    string Email,
    string Password,
    string AccessToken,
    string RefreshToken,
    HttpClient Client);

/// <summary>
/// What a member does, through the public API, as the app's own clients would. Add a feature's actions in
/// a file of their own here (e.g. <c>MemberActions.Connections.cs</c> holding <c>ConnectAsync(a, b)</c>) as
/// a partial of this class, and a one-line forwarder on <see cref="IntegrationTest"/>.
/// </summary>
public static partial class MemberActions
{
    /// <summary>Strong enough for any sane password policy: long, with all four character classes.</summary>
    public const string DefaultPassword = "Passw0rd!-long";

    private static int _sequence;

    /// <summary>A client with no credentials.</summary>
    public static HttpClient AnonymousClient(this EntregentFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.CreateClient();
    }

    /// <summary>
    /// Registers a member (<c>POST /api/v1/accounts</c>) with a unique e-mail, signs them in
    /// (<c>POST /api/v1/accounts/token</c>) and returns them with a bearer-authenticated client.
    /// </summary>
    public static async Task<Member> RegisterMemberAsync(this EntregentFactory app, string displayName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var number = Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture);
        var local = new string([.. displayName.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
        var email = $"{(local.Length == 0 ? "member" : local)}.{number}.{Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..8]}@example.org";

        using var anonymous = app.CreateClient();
        using var registered = await anonymous.PostAsJsonAsync(
            "/api/v1/accounts",
            new RegisterRequest(email, DefaultPassword, displayName),
            cancellationToken);
        await EnsureSuccessAsync(registered, $"register {email}", cancellationToken);
        var account = await registered.Content.ReadFromJsonAsync<RegisterResponse>(cancellationToken)
            ?? throw new InvalidOperationException("POST /api/v1/accounts returned no body.");

        var tokens = await SignInAsync(app, email, DefaultPassword, cancellationToken);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return new Member(account.Handle, displayName, email, DefaultPassword, tokens.AccessToken, tokens.RefreshToken, client);
    }

    /// <summary>Signs in with e-mail and password (<c>POST /api/v1/accounts/token</c>).</summary>
    public static async Task<TokenResponse> SignInAsync(this EntregentFactory app, string email, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var anonymous = app.CreateClient();
        using var response = await anonymous.PostAsJsonAsync("/api/v1/accounts/token", new TokenRequest(email, password), cancellationToken);
        await EnsureSuccessAsync(response, $"sign in {email}", cancellationToken);
        return await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
            ?? throw new InvalidOperationException("POST /api/v1/accounts/token returned no body.");
    }

    /// <summary>Like EnsureSuccessStatusCode, but the failure says what was attempted and what the app answered.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, string action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException(
                $"Could not {action}: {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered " +
                $"{(int)response.StatusCode} {response.StatusCode}. {body}",
                null,
                response.StatusCode);
        }
    }

    public sealed record RegisterRequest(string Email, string Password, string DisplayName);

    public sealed record RegisterResponse(string Handle);

    public sealed record TokenRequest(string Email, string Password);

    public sealed record TokenResponse(string AccessToken, long ExpiresIn, string RefreshToken);
}
