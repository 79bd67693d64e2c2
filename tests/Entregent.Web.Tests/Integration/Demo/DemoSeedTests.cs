using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Entregent.Web.Features.Demo;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Entregent.Web.Tests.Integration.Demo;

/// <summary>The app started with <c>Demo:Seed</c> (what <c>--demo</c> sets).</summary>
public sealed class DemoApp : EntregentFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Seed", "true");
    }
}

/// <summary>A newcomer signing in as demo1 finds a living network: connections, invitations waiting, people to meet.</summary>
public sealed class DemoSeedTests(DemoApp app) : IClassFixture<DemoApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo1_SignsIn_HasConnectionsInvitationsAndSuggestions()
    {
        var tokens = await app.SignInAsync("demo1@" + SeedDemoNetwork.EmailDomain, SeedDemoNetwork.Password, Cancellation);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);

        var connections = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/connections", Cancellation);
        var received = await client.GetFromJsonAsync<JsonElement>("/api/v1/invitations?direction=received", Cancellation);
        var sent = await client.GetFromJsonAsync<JsonElement>("/api/v1/invitations?direction=sent", Cancellation);
        var suggestions = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/suggestions", Cancellation);

        Assert.True(connections.GetProperty("total").GetInt32() > 0);
        Assert.Equal(3, received.GetProperty("total").GetInt32());
        Assert.Contains(received.GetProperty("items").EnumerateArray(), i => i.GetProperty("note").GetString()?.Contains("Lyon", StringComparison.Ordinal) == true);
        Assert.Equal(1, sent.GetProperty("total").GetInt32());
        Assert.NotEmpty(suggestions.EnumerateArray());
        Assert.All(suggestions.EnumerateArray(), s => Assert.NotEqual("first", s.GetProperty("member").GetProperty("degree").GetString()));
    }
}
