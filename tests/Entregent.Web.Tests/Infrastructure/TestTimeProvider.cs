namespace Entregent.Web.Tests.Infrastructure;

/// <summary>
/// A clock the test moves by hand: <see cref="Advance"/> or <see cref="SetUtcNow"/>. It starts at the real
/// current time (so anything the framework stamps with the real clock still lines up) in UTC.
/// </summary>
/// <remarks>
/// Timers made from it (<c>PeriodicTimer</c>, <c>Task.Delay(.., timeProvider)</c>, token timeouts) fire only
/// when the test moves the clock past their due time, on the test's thread, each seeing the clock at its own
/// due time; so a recurring job runs exactly when the test says. A timer due "now" fires on the next move,
/// even <c>Advance(TimeSpan.Zero)</c>. Same idea as Microsoft.Extensions.Time.Testing's FakeTimeProvider,
/// without the package.
/// </remarks>
public sealed class TestTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly DateTimeOffset _start;
    private DateTimeOffset _now;

    public TestTimeProvider()
        : this(System.GetUtcNow())
    {
    }

    public TestTimeProvider(DateTimeOffset start)
    {
        _start = start;
        _now = start;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>Monotonic ticks that move with the clock, so elapsed-time measurements agree with it.</summary>
    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return (_now - _start).Ticks;
        }
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing every timer that falls due.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        SetUtcNow(GetUtcNow() + delta);
    }

    /// <summary>Moves the clock to <paramref name="value"/> (never backwards), firing every timer that falls due.</summary>
    public void SetUtcNow(DateTimeOffset value)
    {
        while (true)
        {
            ManualTimer? due;
            lock (_gate)
            {
                if (value < _now)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), value, $"The clock only moves forward; it reads {_now:O}.");
                }

                due = null;
                foreach (var timer in _timers)
                {
                    if (timer.DueAt is { } at && at <= value && (due is null || at < due.DueAt))
                    {
                        due = timer;
                    }
                }

                if (due is null)
                {
                    _now = value;
                    return;
                }

                _now = due.DueAt!.Value;
                due.DueAt = due.Period > TimeSpan.Zero ? _now + due.Period : null;
            }

            // Outside the lock: a callback may read the clock or change timers.
            due.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class ManualTimer(TestTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? DueAt { get; set; }

        public TimeSpan Period { get; private set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                if (!owner._timers.Contains(this))
                {
                    return false;
                }

                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner._now + dueTime;
                return true;
            }
        }

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
