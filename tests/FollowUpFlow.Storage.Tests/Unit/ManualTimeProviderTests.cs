using FollowUpFlow.Testing;

namespace FollowUpFlow.Storage.Tests.Unit;

public sealed class ManualTimeProviderTests
{
    [Fact]
    public void Clock_moves_only_when_told()
    {
        var start = new DateTimeOffset(2025, 5, 1, 8, 0, 0, TimeSpan.FromHours(2));
        var time = new ManualTimeProvider(start);
        var stamp = time.GetTimestamp();

        Assert.Equal(start, time.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, time.GetUtcNow().Offset);
        time.Advance(TimeSpan.FromMinutes(90));
        Assert.Equal(start.AddMinutes(90), time.GetUtcNow());
        Assert.Equal(TimeSpan.FromMinutes(90), time.GetElapsedTime(stamp));
        time.SetUtcNow(start.AddDays(-1));
        Assert.Equal(start.AddDays(-1), time.GetUtcNow());
        Assert.Throws<ArgumentOutOfRangeException>(() => time.Advance(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void Local_time_zone_is_settable_and_timers_are_refused()
    {
        var time = new ManualTimeProvider();
        Assert.Equal(TimeZoneInfo.Utc, time.LocalTimeZone);
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test+3", TimeSpan.FromHours(3), "Test+3", "Test+3");
        time.SetLocalTimeZone(zone);
        Assert.Equal(TimeSpan.FromHours(3), time.GetLocalNow().Offset);
        Assert.Throws<NotSupportedException>(() => time.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));
    }
}
