namespace FollowUpFlow.Benchmarks;

/// <summary>A clock that moves only when the benchmark moves it, so timers come due exactly when a scenario says.</summary>
public sealed class SettableTimeProvider(DateTimeOffset utcNow) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _utcNow = utcNow.ToUniversalTime();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _utcNow;
        }
    }

    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        lock (_gate)
        {
            _utcNow += delta;
        }
    }

    public void SetUtcNow(DateTimeOffset value)
    {
        lock (_gate)
        {
            _utcNow = value.ToUniversalTime();
        }
    }
}
