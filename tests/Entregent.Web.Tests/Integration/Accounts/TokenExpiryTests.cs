using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Entregent.Web.Tests.Infrastructure;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Accounts;

/// <summary>Token lifetimes, on the app's clock. A class of its own: its tests move the clock of their store.</summary>
public class TokenExpiryTests(EntregentFactory app) : IntegrationTest(app)
{
    private static readonly Uri Refresh = new("/api/v1/accounts/token/refresh", UriKind.Relative);

    [Fact]
    public async Task AccessToken_AfterAnHour_Unauthorized()
    {
        var ada = await RegisterMemberAsync("Ada Hour");
        using (var before = await ada.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative), Cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        App.Time.Advance(TimeSpan.FromMinutes(61));

        using var after = await ada.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Refresh_AfterFifteenDays_Unauthorized()
    {
        var ada = await RegisterMemberAsync("Ada Fortnight");
        using var client = AnonymousClient();
        App.Time.Advance(TimeSpan.FromDays(13));
        using (var stillValid = await client.PostAsJsonAsync(Refresh, new { refreshToken = ada.RefreshToken }, Cancellation))
        {
            var access = (await stillValid.ReadJsonAsync(Cancellation)).GetProperty("accessToken").GetString();
            using var renewed = AnonymousClient();
            renewed.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
            using var me = await renewed.GetAsync(new Uri("/api/v1/me", UriKind.Relative), Cancellation);
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        App.Time.Advance(TimeSpan.FromDays(2));

        using var response = await client.PostAsJsonAsync(Refresh, new { refreshToken = ada.RefreshToken }, Cancellation);
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
