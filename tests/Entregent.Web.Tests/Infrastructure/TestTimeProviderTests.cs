namespace Entregent.Web.Tests.Infrastructure;

public class TestTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(86_400)]
    public void Advance_BySeconds_MovesClockAndTimestamp(int seconds)
    {
        var time = new TestTimeProvider(Start);
        var before = time.GetTimestamp();

        time.Advance(TimeSpan.FromSeconds(seconds));

        Assert.Equal(Start.AddSeconds(seconds), time.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(seconds), time.GetElapsedTime(before));
    }

    [Fact]
    public void SetUtcNow_Backwards_Throws()
    {
        var time = new TestTimeProvider(Start);

        Assert.Throws<ArgumentOutOfRangeException>(() => time.SetUtcNow(Start.AddTicks(-1)));
    }

    [Fact]
    public async Task Delay_ClockMovedPastDueTime_Completes()
    {
        var time = new TestTimeProvider(Start);
        var delay = Task.Delay(TimeSpan.FromMinutes(5), time, TestContext.Current.CancellationToken);

        time.Advance(TimeSpan.FromMinutes(4));
        Assert.False(delay.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(1));

        await delay;
    }

    [Fact]
    public async Task PeriodicTimer_ClockMovedThreePeriods_TicksEachTimeAtItsDueTime()
    {
        var time = new TestTimeProvider(Start);
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        var seen = new List<DateTimeOffset>();

        for (var i = 0; i < 3; i++)
        {
            var tick = timer.WaitForNextTickAsync(TestContext.Current.CancellationToken);
            time.Advance(TimeSpan.FromHours(1));
            Assert.True(await tick);
            seen.Add(time.GetUtcNow());
        }

        Assert.Equal([Start.AddHours(1), Start.AddHours(2), Start.AddHours(3)], seen);
    }

    [Fact]
    public void CreateTimer_AdvancePastSeveralPeriods_FiresOncePerPeriodSeeingItsDueTime()
    {
        var time = new TestTimeProvider(Start);
        var fired = new List<DateTimeOffset>();
        using var timer = time.CreateTimer(_ => fired.Add(time.GetUtcNow()), null, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30));

        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal([Start.AddMinutes(10), Start.AddMinutes(40)], fired);
        Assert.Equal(Start.AddHours(1), time.GetUtcNow());
    }

    [Fact]
    public void CreateTimer_Disposed_NeverFires()
    {
        var time = new TestTimeProvider(Start);
        var fired = 0;
        var timer = time.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        timer.Dispose();
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, fired);
        Assert.False(timer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
    }
}
