using FollowUpFlow.Core.Tests.Support;
using FollowUpFlow.Core.Workflow.Timing;

namespace FollowUpFlow.Core.Tests.Timing;

/// <summary>Whole days on the local calendar, shorter delays exact; gaps and overlaps resolved deliberately.</summary>
public sealed class TimelineTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById(TestData.Berlin);
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void Seven_days_across_spring_forward_keep_the_wall_clock_time()
    {
        var friday = TestData.Local(TestData.Berlin, 2026, 3, 27, 15); // CET

        var due = Timeline.After(friday, TimeSpan.FromDays(7), Berlin);

        Assert.Equal(new DateTime(2026, 4, 3, 15, 0, 0), TestData.WallClock(due, TestData.Berlin)); // CEST
        Assert.Equal(TimeSpan.FromHours(167), due - friday);
    }

    [Fact]
    public void Seven_days_across_fall_back_keep_the_wall_clock_time()
    {
        var start = TestData.Local("America/New_York", 2026, 10, 30, 9);

        var due = Timeline.After(start, TimeSpan.FromDays(7), NewYork);

        Assert.Equal(new DateTime(2026, 11, 6, 9, 0, 0), TestData.WallClock(due, "America/New_York"));
        Assert.Equal(TimeSpan.FromHours(169), due - start);
    }

    [Fact]
    public void Shorter_delays_are_exact_durations_even_across_a_change()
    {
        var start = TestData.Local(TestData.Berlin, 2026, 3, 29, 1, 30);

        Assert.Equal(start.AddHours(1), Timeline.After(start, TimeSpan.FromHours(1), Berlin));
        Assert.Equal(start.AddHours(18), Timeline.After(start, TimeSpan.FromHours(18), Berlin));
        Assert.Equal(start.AddMinutes(30), Timeline.After(start, TimeSpan.FromMinutes(30), Berlin));
    }

    [Fact]
    public void A_wall_clock_time_in_the_spring_gap_moves_forward_by_the_gap()
    {
        var instant = Timeline.AtLocal(new DateTime(2026, 3, 29, 2, 30, 0), Berlin);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), instant);
        Assert.Equal(new DateTime(2026, 3, 29, 3, 30, 0), TestData.WallClock(instant, TestData.Berlin));
    }

    [Fact]
    public void An_ambiguous_wall_clock_time_is_its_first_occurrence()
    {
        var instant = Timeline.AtLocal(new DateTime(2026, 10, 25, 2, 30, 0), Berlin);

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), instant);
    }

    [Fact]
    public void A_day_delay_landing_in_the_gap_is_shifted_not_lost()
    {
        var saturday = TestData.Local(TestData.Berlin, 2026, 3, 28, 2, 30);

        var due = Timeline.After(saturday, TimeSpan.FromDays(1), Berlin);

        Assert.Equal(new DateTime(2026, 3, 29, 3, 30, 0), TestData.WallClock(due, TestData.Berlin));
    }

    [Theory]
    [InlineData(20, false)]
    [InlineData(21, true)]
    [InlineData(23, true)]
    [InlineData(0, true)]
    [InlineData(6, true)]
    [InlineData(7, false)]
    [InlineData(12, false)]
    public void Night_spans_midnight(int hour, bool night) =>
        Assert.Equal(night, Timeline.IsNight(TestData.Local(TestData.Berlin, 2026, 3, 11, hour), Berlin, 21, 7));

    [Theory]
    [InlineData(1, 5, 0, false)]
    [InlineData(1, 5, 3, true)]
    [InlineData(8, 8, 8, false)]
    public void Night_within_a_day_and_no_night_at_all(int start, int end, int hour, bool night) =>
        Assert.Equal(night, Timeline.IsNight(TestData.Local(TestData.Berlin, 2026, 3, 11, hour), Berlin, start, end));

    [Fact]
    public void The_next_morning_after_the_gap_night_is_still_nine_local()
    {
        var saturdayNight = TestData.Local(TestData.Berlin, 2026, 3, 28, 23);

        var morning = Timeline.NextMorning(saturdayNight, Berlin, 9);

        Assert.Equal(new DateTime(2026, 3, 29, 9, 0, 0), TestData.WallClock(morning, TestData.Berlin));
        Assert.Equal(TimeSpan.FromHours(9), morning - saturdayNight);
    }

    [Fact]
    public void Results_are_utc_and_extremes_clamp_instead_of_throwing()
    {
        Assert.Equal(TimeSpan.Zero, Timeline.After(TestData.Start, TimeSpan.FromDays(7), Berlin).Offset);
        Assert.Equal(DateTimeOffset.MaxValue, Timeline.After(DateTimeOffset.MaxValue.AddDays(-1), TimeSpan.FromDays(7), Berlin));
        Assert.Equal(DateTimeOffset.MaxValue, Timeline.After(DateTimeOffset.MaxValue, TimeSpan.FromHours(1), Berlin));
        Assert.Equal(DateTimeOffset.MinValue, Timeline.After(DateTimeOffset.MinValue, TimeSpan.FromHours(-1), Berlin));
        _ = Timeline.NextMorning(DateTimeOffset.MaxValue, Berlin, 9);
        _ = Timeline.NextMorning(DateTimeOffset.MinValue, Berlin, 9);
        _ = Timeline.IsNight(DateTimeOffset.MaxValue, Berlin, 21, 7);
        _ = Timeline.After(new DateTimeOffset(1890, 6, 1, 12, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(3), TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));
    }
}
