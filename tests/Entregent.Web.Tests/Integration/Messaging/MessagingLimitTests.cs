using System.Net;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Messaging;

/// <summary>The app with <c>Messaging:MessagesPerHour</c> = 4 and <c>Messaging:ConversationsPerDay</c> = 2.</summary>
public sealed class LimitedMessagingApp : EntregentFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Messaging:MessagesPerHour", "4");
        builder.UseSetting("Messaging:ConversationsPerDay", "2");
    }
}

/// <summary>Per-member limits: 429 with Retry-After, counted from the store, lifted as the clock moves on.</summary>
public sealed class MessagingLimitTests(LimitedMessagingApp app) : IClassFixture<LimitedMessagingApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Send_BeyondTheHourlyLimit_TooManyRequestsWithRetryAfter_ThenAllowedAnHourLater()
    {
        var ann = await app.RegisterMemberAsync("Ann Fast", Cancellation);
        var bob = await app.RegisterMemberAsync("Bob Slow", Cancellation);
        await app.ConnectAsync(ann, bob, Cancellation);
        var id = await ann.WriteToAsync([bob], "1", cancellationToken: Cancellation);
        for (var i = 2; i <= 4; i++)
        {
            await ann.ReplyAsync(id, i.ToString(System.Globalization.CultureInfo.InvariantCulture), Cancellation);
        }

        using var refused = await ann.SendMessageAsync(id, "5", Cancellation);
        var problem = await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 3600);
        Assert.True(problem.GetProperty("retryAfterSeconds").GetInt32() > 0);
        // Bob's allowance is his own.
        await bob.ReplyAsync(id, "Mine", Cancellation);

        await app.SignInAgainAsync(Cancellation, ann, bob);
        app.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        await app.SignInAgainAsync(Cancellation, ann, bob);
        await ann.ReplyAsync(id, "5", Cancellation);
    }

    [Fact]
    public async Task Open_BeyondTheDailyLimit_TooManyRequests_WritingAgainStillAllowed()
    {
        var ann = await app.RegisterMemberAsync("Ann Opener", Cancellation);
        var friends = new List<Member>();
        for (var i = 0; i < 3; i++)
        {
            var friend = await app.RegisterMemberAsync("Friend " + i, Cancellation);
            await app.ConnectAsync(ann, friend, Cancellation);
            friends.Add(friend);
        }
        await ann.WriteToAsync([friends[0]], "Hi 0", cancellationToken: Cancellation);
        await ann.WriteToAsync([friends[1]], "Hi 1", cancellationToken: Cancellation);

        using var refused = await ann.SendOpenConversationAsync([friends[2].Handle], "Hi 2", cancellationToken: Cancellation);
        await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Empty(await friends[2].ConversationsAsync("inbox", Cancellation));
        // The direct conversation with friend 0 exists: writing there again is not a new conversation.
        await ann.WriteToAsync([friends[0]], "Again", cancellationToken: Cancellation);
    }
}
