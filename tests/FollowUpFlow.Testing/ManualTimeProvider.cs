namespace FollowUpFlow.Testing;

/// <summary>
/// A clock that moves only when a test says so. Timers are not supported on purpose: code under test
/// that needs them should be driven by explicit ticks, not by a fake timer queue.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _utcNow;
    private TimeZoneInfo _localTimeZone = TimeZoneInfo.Utc;

    public ManualTimeProvider()
        : this(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public ManualTimeProvider(DateTimeOffset utcNow)
    {
        _utcNow = utcNow.ToUniversalTime();
    }

    public override TimeZoneInfo LocalTimeZone
    {
        get
        {
            lock (_gate)
            {
                return _localTimeZone;
            }
        }
    }

    /// <summary>Ticks of the manual clock, so elapsed-time measurements follow it too.</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _utcNow;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public void SetUtcNow(DateTimeOffset value)
    {
        lock (_gate)
        {
            _utcNow = value.ToUniversalTime();
        }
    }

    /// <summary>Moves the clock forward; a negative delta is refused (time does not run backwards in tests either).</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        lock (_gate)
        {
            _utcNow += delta;
        }
    }

    public void SetLocalTimeZone(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        lock (_gate)
        {
            _localTimeZone = zone;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        throw new NotSupportedException("ManualTimeProvider has no timers; drive time-based work explicitly in tests.");

    public override string ToString() => $"ManualTimeProvider({GetUtcNow():O})";
}
