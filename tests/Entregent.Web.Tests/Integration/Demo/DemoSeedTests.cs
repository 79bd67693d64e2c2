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

    /// <summary>A client signed in as demo1 (the administrator the demo's README names).</summary>
    private async Task<HttpClient> Demo1Async()
    {
        var tokens = await app.SignInAsync("demo1@" + SeedDemoNetwork.EmailDomain, SeedDemoNetwork.Password, Cancellation);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return client;
    }

    [Fact]
    public async Task Demo1_SignsIn_HasConnectionsInvitationsAndSuggestions()
    {
        using var client = await Demo1Async();

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

    [Fact]
    public async Task Demo1_SignsIn_FeedGroupsAndNotificationsAreAlive()
    {
        using var client = await Demo1Async();

        var feed = await client.GetFromJsonAsync<JsonElement>("/api/v1/feed", Cancellation);
        var groups = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/groups", Cancellation);
        var notifications = await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Cancellation);
        var hashtag = await client.GetFromJsonAsync<JsonElement>("/api/v1/hashtags/hiring/posts", Cancellation);

        // A full first page, newest first, from more than one kind of source (connections, groups, the followed #hiring).
        var items = feed.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(20, items.Count);
        Assert.NotNull(feed.GetProperty("next").GetString());
        var dates = items.Select(i => i.GetProperty("post").GetProperty("createdAt").GetDateTimeOffset()).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.True(items.Select(i => i.GetProperty("why").GetProperty("kind").GetString()).Distinct().Count() > 1);
        Assert.Equal(3, groups.GetProperty("groups").GetArrayLength());
        Assert.Contains(notifications.GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "reply");
        Assert.NotEmpty(hashtag.GetProperty("posts").EnumerateArray());
    }
}
