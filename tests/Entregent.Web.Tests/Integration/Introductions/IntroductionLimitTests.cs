using System.Globalization;
using System.Net;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Introductions;

/// <summary>The app with <c>Introductions:WeeklyLimit</c> = 2 (reminders and expiry at their defaults: 7 and 30 days).</summary>
public sealed class LimitedIntroductionsApp : EntregentFactory
{
    public const int WeeklyLimit = 2;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Introductions:WeeklyLimit", WeeklyLimit.ToString(CultureInfo.InvariantCulture));
    }
}

/// <summary>The weekly limit (429 with Retry-After), the reminder after 7 days and the expiry after 30, run by the job on the app's clock.</summary>
public sealed class IntroductionLimitTests(LimitedIntroductionsApp app) : IClassFixture<LimitedIntroductionsApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Request_BeyondTheWeeklyLimit_TooManyRequestsWithRetryAfter()
    {
        var ada = await app.RegisterMemberAsync("Ada Eager", Cancellation);
        var bob = await app.RegisterMemberAsync("Bob Busy", Cancellation);
        await app.ConnectAsync(ada, bob, Cancellation);
        var targets = new List<Member>();
        for (var i = 0; i <= LimitedIntroductionsApp.WeeklyLimit; i++)
        {
            var target = await app.RegisterMemberAsync("Target " + i, Cancellation);
            await app.ConnectAsync(bob, target, Cancellation);
            targets.Add(target);
        }
        for (var i = 0; i < LimitedIntroductionsApp.WeeklyLimit; i++)
        {
            await ada.RequestIntroductionAsync(targets[i], bob, cancellationToken: Cancellation);
            app.Time.Advance(TimeSpan.FromMinutes(1));
        }

        using (var refused = await ada.SendIntroductionRequestAsync(targets[^1].Handle, bob.Handle, "One too many", Cancellation))
        {
            var problem = await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
            var retryAfter = TimeSpan.FromSeconds(problem.GetProperty("retryAfterSeconds").GetInt32());
            Assert.InRange(retryAfter, TimeSpan.FromDays(7) - TimeSpan.FromMinutes(3), TimeSpan.FromDays(7));
            Assert.Equal(retryAfter, refused.Headers.RetryAfter?.Delta);
        }
        // Withdrawing does not give the allowance back.
        var sent = await ada.GetJsonAsync("/api/v1/introductions?box=sent", Cancellation);
        using (var withdrawn = await ada.Client.DeleteAsync(new Uri($"/api/v1/introductions/{sent.GetProperty("items")[0].Id()}", UriKind.Relative), Cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        }
        using (var still = await ada.SendIntroductionRequestAsync(targets[^1].Handle, bob.Handle, "Still too many", Cancellation))
        {
            await AssertProblemAsync(still, HttpStatusCode.TooManyRequests);
        }
    }

    [Fact]
    public async Task Untouched_RemindedOnceAfterSevenDaysThenExpiredAfterThirty()
    {
        var ada = await app.RegisterMemberAsync("Ada Waiting", Cancellation);
        var bob = await app.RegisterMemberAsync("Bob Slow", Cancellation);
        var cyd = await app.RegisterMemberAsync("Cyd Waited", Cancellation);
        await app.ConnectAsync(ada, bob, Cancellation);
        await app.ConnectAsync(bob, cyd, Cancellation);
        var id = (await ada.RequestIntroductionAsync(cyd, bob, cancellationToken: Cancellation)).Id();

        app.Time.Advance(TimeSpan.FromDays(6));
        await Task.Delay(200, Cancellation);
        Assert.Equal(0, await RemindersToAsync(bob));

        app.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        await EventuallyAsync(async () => await RemindersToAsync(bob) == 1);
        app.Time.Advance(TimeSpan.FromDays(2));
        await Task.Delay(200, Cancellation);
        Assert.Equal(1, await RemindersToAsync(bob));
        await app.SignInAgainAsync(Cancellation, ada);
        Assert.Equal("awaitingIntermediary", (await ada.GetJsonAsync($"/api/v1/introductions/{id}", Cancellation)).GetProperty("status").GetString());

        app.Time.Advance(TimeSpan.FromDays(21));
        await app.SignInAgainAsync(Cancellation, ada, bob);
        await EventuallyAsync(async () =>
            (await ada.GetJsonAsync($"/api/v1/introductions/{id}", Cancellation)).GetProperty("status").GetString() == "expired");
        using var late = await bob.AnswerIntroductionAsync(id, "forward", cancellationToken: Cancellation);
        await AssertProblemAsync(late, HttpStatusCode.Conflict, "status");
    }

    private async Task<int> RemindersToAsync(Member member)
    {
        var mails = await app.MailsToAsync(member.Email, Cancellation);
        var count = mails.Count(m => (m.Subject ?? "").StartsWith("Reminder", StringComparison.Ordinal));
        foreach (var mail in mails)
        {
            mail.Dispose();
        }
        return count;
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(100, Cancellation);
        }
        Assert.Fail("The job did not get there within 10 seconds.");
    }
}
