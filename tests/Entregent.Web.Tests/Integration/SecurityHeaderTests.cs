using Entregent.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Tests.Integration;

public class SecurityHeaderTests(EntregentFactory app) : IntegrationTest(app)
{
    [Theory]
    [InlineData("/api/docs")]
    [InlineData("/health")]
    [InlineData("/api/v1/members/nobody-here")]
    [InlineData("/api/v1/me")]
    [InlineData("/openapi/v1.json")]
    public async Task AnyResponse_Anonymous_SecurityHeaders(string path)
    {
        using var client = AnonymousClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task ApiResponse_Member_SecurityHeadersAndStrictScripts()
    {
        var ada = await RegisterMemberAsync("Ada Headers");

        using var response = await ada.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative), Cancellation);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public void SessionCookie_Configured_HttpOnlyLaxNamedEntregent()
    {
        var options = App.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var context = new DefaultHttpContext { RequestServices = App.Services };
        context.Request.Scheme = "https";

        var cookie = options.Cookie.Build(context);

        Assert.Equal("entregent", options.Cookie.Name);
        Assert.True(cookie.HttpOnly);
        Assert.True(cookie.Secure);
        Assert.Equal(SameSiteMode.Lax, cookie.SameSite);
    }
}
