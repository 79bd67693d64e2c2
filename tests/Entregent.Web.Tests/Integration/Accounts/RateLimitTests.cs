using System.Net;
using System.Net.Http.Json;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Accounts;

/// <summary>The app with the account routes limited to <see cref="Permits"/> requests a minute per address.</summary>
public sealed class ThrottledApp : EntregentFactory
{
    public const int Permits = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:AccountPermits", Permits.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:AccountWindowSeconds", "60");
    }
}

/// <summary>
/// One test per route and a fresh app each (<c>IClassFixture</c> per class would share the window): the limiter
/// counts every request of the app from the one test address.
/// </summary>
public sealed class RegisterRateLimitTests(ThrottledApp app) : IClassFixture<ThrottledApp>
{
    [Fact]
    public async Task Register_BeyondThePermits_TooManyRequestsWithRetryAfter() =>
        await RateLimitAssertions.AssertThrottledAsync(app, (client, n) => client.PostAsJsonAsync(
            new Uri("/api/v1/accounts", UriKind.Relative),
            new { email = $"flood.{n}.{Guid.NewGuid():N}@example.org", password = MemberActions.DefaultPassword, displayName = "Flood " + n },
            TestContext.Current.CancellationToken));
}

public sealed class TokenRateLimitTests(ThrottledApp app) : IClassFixture<ThrottledApp>
{
    [Fact]
    public async Task Token_BeyondThePermits_TooManyRequestsWithRetryAfter() =>
        await RateLimitAssertions.AssertThrottledAsync(app, (client, n) => client.PostAsJsonAsync(
            new Uri("/api/v1/accounts/token", UriKind.Relative),
            new { email = "guess@example.org", password = "guess-number-" + n },
            TestContext.Current.CancellationToken));
}

internal static class RateLimitAssertions
{
    public static async Task AssertThrottledAsync(ThrottledApp app, Func<HttpClient, int, Task<HttpResponseMessage>> send)
    {
        using var client = app.CreateClient();
        for (var n = 1; n <= ThrottledApp.Permits; n++)
        {
            using var allowed = await send(client, n);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var refused = await send(client, ThrottledApp.Permits + 1);

        await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        var retryAfter = Assert.Single(refused.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        // Other routes are not limited by the account policy.
        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
