using Entregent.Web.Features.Notifications;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Tests.Integration.Notifications;

/// <summary>The e-mail digest, run by its job on the test clock, read from the pickup folder.</summary>
public class DigestTests(EntregentFactory app) : IntegrationTest(app)
{
    private static readonly string[] WatchMatch = ["watchMatch"];
    private static readonly string[] WorkAnniversary = ["workAnniversary"];

    private DateTime _day;

    /// <summary>
    /// 06:00 UTC on the next day, before the digest hour. The job's hourly timer also runs in the background, at every
    /// hour the test clock passes through (<see cref="TestTimeProvider.SetUtcNow"/> fires each tick on the way), so a
    /// test sets up before 07:00 and then only moves through days on which the outcome it expects is the same at every
    /// hour from 07:00 on.
    /// </summary>
    private void StartBeforeTheDigestHour()
    {
        _day = App.Time.GetUtcNow().UtcDateTime.Date.AddDays(1);
        App.Time.SetUtcNow(new DateTimeOffset(_day.AddHours(6), TimeSpan.Zero));
    }

    /// <summary>08:00 UTC <paramref name="days"/> after the day the test started, then one pass of the job.</summary>
    private async Task RunOnMorningAsync(int days)
    {
        App.Time.SetUtcNow(new DateTimeOffset(_day.AddDays(days).AddHours(8), TimeSpan.Zero));
        await App.RunNotificationJobAsync(Cancellation);
    }

    [Fact]
    public async Task Daily_OncePerDay_EachNotificationMailedOnceAndGroupedByKind()
    {
        StartBeforeTheDigestHour();
        var ada = await RegisterMemberAsync("Ada Daily");
        var bob = await RegisterMemberAsync("Bob Actor");
        await ada.SetNotificationSettingsAsync(new { digest = "daily" }, Cancellation);
        await App.NotifyInStoreAsync(ada, NotificationKind.Endorsement, bob, "/me", "endorsed you for Negotiation", cancellationToken: Cancellation);
        await App.NotifyInStoreAsync(ada, NotificationKind.WatchMatch, null, "/search?q=graph", "3 new people match 'graph'", cancellationToken: Cancellation);

        await RunOnMorningAsync(0);
        await App.RunNotificationJobAsync(Cancellation);
        var first = await App.DigestsToAsync(ada, Cancellation);
        await App.NotifyInStoreAsync(ada, NotificationKind.WatchMatch, null, "/search?q=later", "later match", cancellationToken: Cancellation);
        App.Time.Advance(TimeSpan.FromHours(3));
        await App.RunNotificationJobAsync(Cancellation);
        var sameDay = await App.DigestsToAsync(ada, Cancellation);
        await RunOnMorningAsync(1);
        var nextDay = await App.DigestsToAsync(ada, Cancellation);

        var (subject, text) = Assert.Single(first);
        Assert.Contains("2 new", subject, StringComparison.Ordinal);
        Assert.Contains("Bob Actor endorsed you for Negotiation", text, StringComparison.Ordinal);
        Assert.Contains("Endorsements", text, StringComparison.Ordinal);
        Assert.Contains("Watches", text, StringComparison.Ordinal);
        Assert.Contains("/search?q=graph", text, StringComparison.Ordinal);
        Assert.Single(sameDay);
        Assert.Equal(2, nextDay.Count);
        Assert.Contains("later match", nextDay[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Negotiation", nextDay[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weekly_NotBeforeSevenDays()
    {
        StartBeforeTheDigestHour();
        var ada = await RegisterMemberAsync("Ada Weekly");
        await App.NotifyInStoreAsync(ada, NotificationKind.WatchMatch, null, "/search?q=w1", "first week", cancellationToken: Cancellation);

        await RunOnMorningAsync(0);
        await App.NotifyInStoreAsync(ada, NotificationKind.WatchMatch, null, "/search?q=w2", "second week", cancellationToken: Cancellation);
        await RunOnMorningAsync(6);
        var afterSixDays = await App.DigestsToAsync(ada, Cancellation);
        await RunOnMorningAsync(7);
        var afterSeven = await App.DigestsToAsync(ada, Cancellation);

        Assert.Single(afterSixDays);
        Assert.Equal(2, afterSeven.Count);
        Assert.Contains("second week", afterSeven[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_NothingToSendOffReadOrNotEmailed_NoMail()
    {
        StartBeforeTheDigestHour();
        var quiet = await RegisterMemberAsync("Quinn Quiet");
        var off = await RegisterMemberAsync("Olga Off");
        var reader = await RegisterMemberAsync("Rob Reader");
        var picky = await RegisterMemberAsync("Pia Picky");
        await off.SetNotificationSettingsAsync(new { digest = "off" }, Cancellation);
        await picky.SetNotificationSettingsAsync(new { notEmailedKinds = WatchMatch, mutedKinds = WorkAnniversary }, Cancellation);
        await App.NotifyInStoreAsync(off, NotificationKind.WatchMatch, null, "/search?q=o", cancellationToken: Cancellation);
        await App.NotifyInStoreAsync(reader, NotificationKind.WatchMatch, null, "/search?q=r", cancellationToken: Cancellation);
        using (await reader.Client.PostAsync(new Uri("/api/v1/notifications/read-all", UriKind.Relative), null, Cancellation)) { }
        await App.NotifyInStoreAsync(picky, NotificationKind.WatchMatch, null, "/search?q=p", "kept in the centre", cancellationToken: Cancellation);
        await App.NotifyInStoreAsync(picky, NotificationKind.WorkAnniversary, null, "/in/x", "muted", cancellationToken: Cancellation);

        await RunOnMorningAsync(0);

        Assert.Empty(await App.DigestsToAsync(quiet, Cancellation));
        Assert.Empty(await App.DigestsToAsync(off, Cancellation));
        Assert.Empty(await App.DigestsToAsync(reader, Cancellation));
        Assert.Empty(await App.DigestsToAsync(picky, Cancellation));
        // Not e-mailed is still shown in the centre.
        await App.SignInAgainAsync(Cancellation, picky);
        Assert.Equal(["watchMatch"], await picky.NotificationKindsAsync(Cancellation));
    }

    [Fact]
    public async Task Digest_BeforeTheDigestHour_Waits()
    {
        StartBeforeTheDigestHour();
        var ada = await RegisterMemberAsync("Ada Early");
        await App.NotifyInStoreAsync(ada, NotificationKind.WatchMatch, null, "/search?q=e", cancellationToken: Cancellation);
        App.Time.Advance(TimeSpan.FromMinutes(30));

        await App.RunNotificationJobAsync(Cancellation);
        var early = await App.DigestsToAsync(ada, Cancellation);
        App.Time.Advance(TimeSpan.FromHours(1));
        await App.RunNotificationJobAsync(Cancellation);

        Assert.Empty(early);
        Assert.Single(await App.DigestsToAsync(ada, Cancellation));
    }

    [Fact]
    public async Task Digest_MoreHiddenNotificationsThanABatch_LaterOnesStillMailed()
    {
        StartBeforeTheDigestHour();
        var ada = await RegisterMemberAsync("Ada Many");
        var bob = await RegisterMemberAsync("Bob Noisy");
        var cleo = await RegisterMemberAsync("Cleo Quiet");
        await ada.SetNotificationSettingsAsync(new { digest = "daily" }, Cancellation);
        var adaId = await App.MemberIdAsync(ada, Cancellation);
        var bobId = await App.MemberIdAsync(bob, Cancellation);
        // More of Bob's than one digest run reads (four times the items a digest lists), all hidden once Ada blocks him.
        var batch = App.Services.GetRequiredService<IOptions<NotificationOptions>>().Value.DigestMaxItems * 4;
        await App.InStoreAsync(async db =>
        {
            for (var i = 0; i < batch + 5; i++)
            {
                await Notify.AddAsync(db, App.Time, adaId, NotificationKind.Reaction, bobId, "reacted to your post", "/me", null, Cancellation);
            }
            await db.SaveChangesAsync(Cancellation);
            return 0;
        });
        await ada.BlockAsync(bob, Cancellation);
        await App.NotifyInStoreAsync(ada, NotificationKind.Endorsement, cleo, "/me", "endorsed you for Patience", cancellationToken: Cancellation);

        await RunOnMorningAsync(0);
        await RunOnMorningAsync(1);

        var (_, text) = Assert.Single(await App.DigestsToAsync(ada, Cancellation));
        Assert.Contains("Cleo Quiet endorsed you for Patience", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bob Noisy", text, StringComparison.Ordinal);
    }

    /// <summary>The visibility table for the digest: the same rows as the centre's.</summary>
    [Theory]
    [MemberData(nameof(VisibilitySetUp.Situations), MemberType = typeof(VisibilitySetUp))]
    public async Task Visibility_Digest_LeavesOutWhatIsNoLongerVisible(string situation)
    {
        StartBeforeTheDigestHour();
        var (recipient, _, visible) = await VisibilitySetUp.ArrangeAsync(App, situation, Cancellation);

        await RunOnMorningAsync(0);

        Assert.Equal(visible ? 1 : 0, (await App.DigestsToAsync(recipient, Cancellation)).Count);
    }
}
