using System.Text;
using FollowUpFlow.Inbound.Calendar;
using Xunit.Abstractions;

namespace FollowUpFlow.Inbound.Tests.Calendar;

/// <summary>Hostile and absurd calendars: read within the time budget, with the cap that was hit reported.</summary>
[Collection(nameof(TimedTests))]
public sealed class ICalendarLimitsTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Pathological() => new()
    {
        { "two million characters of tiny lines", Repeat("A:B\n", 500_000) },
        { "one line folded half a million times", "BEGIN:VEVENT\r\nDESCRIPTION:" + Repeat("abc\r\n ", 400_000) + "\r\nEND:VEVENT" },
        { "lone carriage returns only", new string('\r', 1_000_000) },
        { "folds of nothing", Repeat("\r ", 500_000) },
        { "empty lines between folds", "SUMMARY:x" + Repeat("\n\n\t", 300_000) },
        { "components nested without end", Repeat("BEGIN:X-DEEP\n", 50_000) },
        { "thousands of events", Repeat("BEGIN:VEVENT\nUID:x\nDTSTART:20250101T000000Z\nEND:VEVENT\n", 20_000) },
        { "an event with thousands of properties", "BEGIN:VEVENT\n" + Repeat("X-P;A=1:v\n", 20_000) },
        { "thousands of parameters on one line", "BEGIN:VEVENT\nX-P" + Repeat(";A=\"b,c\",d", 100_000) + ":v\nEND:VEVENT" },
        { "unterminated quotes everywhere", Repeat("X-P;A=\"" + new string('"', 3) + "x;B=\"y\n", 20_000) },
        { "thousands of distinct long zone names", DistinctZoneNames(2_000) },
        { "a huge time zone used by every event", HugeTimeZone() },
        { "rules that never match", NeverMatchingRules() },
        { "a busy zone used across a thousand new years", BusyZoneAcrossYears() },
        { "escapes and carets everywhere", "BEGIN:VEVENT\nDESCRIPTION:" + Repeat("\\\\\\n\\,", 300_000) + "\nATTENDEE;CN=" + Repeat("^^^n^'", 200_000) + ":mailto:a@b\nEND:VEVENT" },
    };

    [Theory]
    [MemberData(nameof(Pathological))]
    public void A_pathological_calendar_is_read_within_the_budget(string name, string text)
    {
        var document = ICalendarReader.Parse(text);

        var milliseconds = ParseTiming.FastestMilliseconds(() => ICalendarReader.Parse(text));

        output.WriteLine($"{name}: {text.Length} characters, {milliseconds:F1} ms");
        Assert.True(milliseconds < ParseTiming.BudgetMilliseconds, $"{name}: {milliseconds:F1} ms");
        Assert.True(document.Problems.Length <= 201, $"{name}: {document.Problems.Length} problems");
    }

    [Theory]
    [InlineData(500_000, "content lines")]
    [InlineData(20_000, "VEVENTs")]
    public void The_cap_that_was_hit_is_reported(int repeats, string cap)
    {
        var document = ICalendarReader.Parse(Repeat("BEGIN:VEVENT\nEND:VEVENT\n", repeats));

        Assert.Contains(document.Problems, p => p.Contains(cap, StringComparison.Ordinal));
    }

    [Fact]
    public void A_custom_zone_asked_about_too_many_years_reads_the_later_times_as_floating()
    {
        var events = Enumerable.Range(0, 80).SelectMany(i => new[] { "BEGIN:VEVENT", $"DTSTART;TZID=Head office:{2000 + (i * 20)}0615T120000", "END:VEVENT" });

        var document = ICalendarReader.Parse(Ics.Calendar([.. Ics.UsEasternZone("Head office"), .. events]));

        Assert.Equal(CalendarTimeKind.Zoned, document.Events[0].Start!.Kind);
        Assert.Equal(CalendarTimeKind.Floating, document.Events[^1].Start!.Kind);
        Assert.Contains(document.Problems, p => p.Contains("asked about more than 50 years", StringComparison.Ordinal));
    }

    [Fact]
    public void Input_beyond_the_length_cap_is_cut_with_a_problem()
    {
        var document = ICalendarReader.Parse(Ics.Event("UID:first") + new string(' ', 2_000_001));

        Assert.Equal("first", Assert.Single(document.Events).Uid);
        Assert.Contains(document.Problems, p => p.Contains("only the start is read", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_stop_growing_at_the_cap()
    {
        var document = ICalendarReader.Parse(Repeat("junk\n", 10_000));

        Assert.Equal("Too many problems; the rest are not recorded.", document.Problems[^1]);
        Assert.Equal(201, document.Problems.Length);
    }

    [Theory]
    [InlineData("zoom.us/")]
    [InlineData("a.zoom.us/x")]
    [InlineData("meet.google.com/")]
    [InlineData("https://teams.microsoft.com/l/")]
    [InlineData("xwebex.com/")]
    public void Scanning_a_pathological_text_for_links_is_within_the_budget(string unit)
    {
        var text = Repeat(unit, 1_000_000 / unit.Length) + " https://acme.zoom.us/j/1";

        var milliseconds = ParseTiming.FastestMilliseconds(() => CalendarMeetingLinks.FindIn(text));

        Assert.True(milliseconds < ParseTiming.BudgetMilliseconds, $"{milliseconds:F1} ms");
        Assert.NotNull(CalendarMeetingLinks.FindIn(text));
    }

    private static string Repeat(string unit, int times) => new StringBuilder(unit.Length * times).Insert(0, unit, times).ToString();

    private static string DistinctZoneNames(int count)
    {
        var text = new StringBuilder("BEGIN:VCALENDAR\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("BEGIN:VEVENT\nDTSTART;TZID=\"/vendor/").Append(i).Append('/').Append('x', 200).Append("/Nowhere\":20250101T000000\nEND:VEVENT\n");
        }

        return text.ToString();
    }

    private static string HugeTimeZone()
    {
        var text = new StringBuilder("BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:Huge\n");
        for (var i = 0; i < 200; i++)
        {
            text.Append(i % 2 == 0 ? "BEGIN:STANDARD\n" : "BEGIN:DAYLIGHT\n")
                .Append("DTSTART:").Append(1601 + i).Append("0101T020000\n")
                .Append("TZOFFSETFROM:+0100\nTZOFFSETTO:").Append(i % 2 == 0 ? "+0100" : "+0200").Append('\n')
                .Append("RRULE:FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYDAY=SU,MO,TU,WE,TH,FR,SA,1SU,-1SU\n")
                .Append("RDATE:").AppendJoin(',', Enumerable.Range(0, 200).Select(d => $"{1700 + d}0301T020000")).Append('\n')
                .Append(i % 2 == 0 ? "END:STANDARD\n" : "END:DAYLIGHT\n");
        }

        text.Append("END:VTIMEZONE\n");
        for (var i = 0; i < 2_000; i++)
        {
            text.Append("BEGIN:VEVENT\nDTSTART;TZID=Huge:").Append(2000 + (i % 50)).Append("0615T1200").Append((i % 60).ToString("D2", null)).Append("\nDURATION:P1DT1H\nEND:VEVENT\n");
        }

        return text.ToString();
    }

    private static string BusyZoneAcrossYears()
    {
        var text = new StringBuilder("BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:Busy\n");
        for (var i = 0; i < 64; i++)
        {
            text.Append("BEGIN:DAYLIGHT\nDTSTART:1601").Append(((i % 12) + 1).ToString("D2", null)).Append("01T020000\n")
                .Append("TZOFFSETFROM:+0100\nTZOFFSETTO:+0").Append(i % 10).Append("00\n")
                .Append("RRULE:FREQ=YEARLY;BYMONTH=1,6,12;BYDAY=-1SU,1SA\n")
                .Append("RDATE:").AppendJoin(',', Enumerable.Range(0, 64).Select(d => $"{2000 + d}1231T233000")).Append('\n')
                .Append("END:DAYLIGHT\n");
        }

        text.Append("END:VTIMEZONE\n");
        for (var i = 0; i < 1_000; i++)
        {
            text.Append("BEGIN:VEVENT\nDTSTART;TZID=Busy:").Append(2000 + (i * 7)).Append("1231T233000\nDURATION:P1DT1H\nEND:VEVENT\n");
        }

        return text.ToString();
    }

    private static string NeverMatchingRules()
    {
        var text = new StringBuilder("BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:Never\n");
        for (var i = 0; i < 64; i++)
        {
            text.Append("BEGIN:STANDARD\nDTSTART:00010101T000000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\n")
                .Append("RRULE:FREQ=YEARLY;INTERVAL=100;BYMONTH=2;BYMONTHDAY=30,31\nEND:STANDARD\n");
        }

        text.Append("END:VTIMEZONE\n");
        for (var i = 0; i < 1_000; i++)
        {
            text.Append("BEGIN:VEVENT\nDTSTART;TZID=Never:99991231T120000\nEND:VEVENT\n");
        }

        return text.ToString();
    }
}
