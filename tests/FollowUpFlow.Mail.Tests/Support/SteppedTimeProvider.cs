namespace FollowUpFlow.Mail.Tests.Support;

/// <summary>
/// A manual clock whose timers fire only when the test moves it forward, so retry waits and timeouts are
/// driven by the test instead of slept through.
/// </summary>
internal sealed class SteppedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private static readonly TimeSpan RealTimeLimit = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<SteppedTimer> _timers = [];
    private DateTimeOffset _now = start;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SteppedTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>How long until each pending timer fires.</summary>
    public IReadOnlyList<TimeSpan> PendingDelays()
    {
        lock (_gate)
        {
            return _timers.Select(t => t.DueAt - _now).ToArray();
        }
    }

    /// <summary>Waits (real time, bounded) until a timer matching <paramref name="match"/> is pending, and returns its delay.</summary>
    public async Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> match)
    {
        using var limit = new CancellationTokenSource(RealTimeLimit);
        while (true)
        {
            foreach (var delay in PendingDelays())
            {
                if (match(delay))
                {
                    return delay;
                }
            }

            await Task.Delay(2, limit.Token);
        }
    }

    /// <summary>Moves the clock forward and fires, outside the lock, every timer that has come due.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        List<SteppedTimer> due;
        lock (_gate)
        {
            _now += delta;
            due = _timers.Where(t => t.DueAt <= _now).OrderBy(t => t.DueAt).ToList();
            foreach (var timer in due)
            {
                _timers.Remove(timer);
                if (timer.Period > TimeSpan.Zero && timer.Period != Timeout.InfiniteTimeSpan)
                {
                    timer.DueAt = _now + timer.Period;
                    _timers.Add(timer);
                }
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    private sealed class SteppedTimer(SteppedTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; set; }

        public TimeSpan Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                Period = period;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    return true;
                }

                DueAt = owner._now + dueTime;
                owner._timers.Add(this);
            }

            // A timer due now fires at once, as a real one would.
            if (dueTime == TimeSpan.Zero)
            {
                owner.Advance(TimeSpan.Zero);
            }

            return true;
        }

        public void Fire() => callback(state);

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
            return default;
        }
    }
}
