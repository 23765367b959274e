using FollowUpFlow.Inbound.Understanding.Dates;

namespace FollowUpFlow.Inbound.Tests.Understanding.Dates;

/// <summary>How mentions relate to each other and to the email: order, spans, borrowed dates, zones, sending time.</summary>
public sealed class TextDateFinderBehaviourTests
{
    private static readonly DateTimeOffset SentAt = DateExpectation.SentAt;

    [Fact]
    public void Reports_every_mention_in_order_with_its_span()
    {
        const string text = "Could we do Dec 8 at 2pm or Dec 9 at 3pm EST?";
        var matches = TextDateFinder.Find(text, SentAt, "America/New_York");
        Assert.Equal(["Dec 8 at 2pm", "Dec 9 at 3pm EST"], matches.Select(m => text.Substring(m.Index, m.Length)));
        Assert.Equal(["2026-12-08T14:00:00-05:00", "2026-12-09T15:00:00-05:00"], matches.Select(m => DateExpectation.Iso(m.Start)));
        Assert.True(matches[1].Confidence > matches[0].Confidence);
    }

    [Fact]
    public void A_second_time_in_the_sentence_borrows_the_date_less_surely()
    {
        var matches = TextDateFinder.Find("Dec 10 at 2pm, or if that doesn't work, 4pm.", SentAt, "America/New_York");
        Assert.Equal(2, matches.Length);
        Assert.Equal("2026-12-10T16:00:00-05:00", DateExpectation.Iso(matches[1].Start));
        Assert.True(matches[1].HasDate);
        Assert.True(matches[1].Confidence < matches[0].Confidence);
    }

    [Fact]
    public void A_time_after_the_sentence_ends_does_not_borrow_the_date()
    {
        var matches = TextDateFinder.Find("See you on Dec 10.\n\nCall me at 4pm.", SentAt, "America/New_York");
        Assert.Equal(2, matches.Length);
        Assert.False(matches[0].HasTime);
        Assert.False(matches[1].HasDate);
        Assert.Equal("2026-11-20T16:00:00-05:00", DateExpectation.Iso(matches[1].Start));
        Assert.True(matches[1].Confidence <= 0.4);
    }

    [Fact]
    public void Quoted_replies_are_reported_where_they_are_so_the_caller_can_skip_them()
    {
        const string text = "Thanks, see you then!\n\n> On Tue, Dec 8, 2026 at 2:00 PM Jane <jane@acme.example> wrote:\n> Interview: Dec 9, 2026 at 10am";
        var matches = TextDateFinder.Find(text, SentAt, "America/New_York");
        Assert.Equal(2, matches.Length);
        Assert.All(matches, m => Assert.True(text.LastIndexOf('\n', m.Index) is var lineStart && text[lineStart + 1] == '>'));
    }

    [Fact]
    public void Confidence_falls_with_what_is_missing()
    {
        double Confidence(string text) => TextDateFinder.Find(text, SentAt, "America/New_York").Single().Confidence;
        double full = Confidence("Tuesday, December 8, 2026 at 2:00 PM EST");
        double noZone = Confidence("Tuesday, December 8, 2026 at 2:00 PM");
        double noYear = Confidence("Tuesday, December 8 at 2:00 PM");
        double relative = Confidence("next Tuesday at 2:00 PM");
        double timeOnly = Confidence("at 2:00 PM");
        Assert.True(full > noZone && noZone > noYear && noYear > relative && relative > timeOnly, $"{full} {noZone} {noYear} {relative} {timeOnly}");
    }

    [Fact]
    public void Relative_words_resolve_in_the_zone_of_the_mention()
    {
        // 23:30 on Friday in New York is already 05:30 on Saturday in Berlin.
        var sentAt = new DateTimeOffset(2026, 11, 20, 23, 30, 0, TimeSpan.FromHours(-5));
        var newYork = TextDateFinder.Find("tomorrow at 3pm", sentAt, "America/New_York").Single();
        var berlin = TextDateFinder.Find("tomorrow at 3pm CET", sentAt, "America/New_York").Single();
        Assert.Equal("2026-11-21T15:00:00-05:00", DateExpectation.Iso(newYork.Start));
        Assert.Equal("2026-11-22T15:00:00+01:00", DateExpectation.Iso(berlin.Start));
    }

    [Theory]
    [InlineData("Dec 29 at 10am", "2026-12-29T10:00:00-05:00")] // the day before sending still counts
    [InlineData("Dec 28 at 10am", "2027-12-28T10:00:00-05:00")]
    [InlineData("Jan 5 at 10am", "2027-01-05T10:00:00-05:00")]
    [InlineData("Feb 29 at 10am", "2028-02-29T10:00:00-05:00")]
    public void Dates_without_a_year_take_the_next_occurrence(string text, string start)
    {
        var sentAt = new DateTimeOffset(2026, 12, 30, 15, 0, 0, TimeSpan.Zero);
        Assert.Equal(start, DateExpectation.Iso(TextDateFinder.Find(text, sentAt, "America/New_York").Single().Start));
    }

    [Theory]
    [InlineData("Not/A_Zone")]
    [InlineData("")]
    public void An_unknown_default_zone_falls_back_to_utc(string zone)
    {
        var match = TextDateFinder.Find("December 8, 2026 at 2pm", SentAt, zone).Single();
        Assert.Equal("UTC", match.TimeZone);
        Assert.Equal("2026-12-08T14:00:00+00:00", DateExpectation.Iso(match.Start));
    }

    [Fact]
    public void Impossible_dates_are_dropped()
    {
        Assert.Empty(TextDateFinder.Find("February 30, 2026 at 2pm and 31.04.2026 um 14 Uhr", SentAt, "Europe/Berlin"));
    }

    [Fact]
    public void Extreme_sending_times_do_not_break_the_arithmetic()
    {
        Assert.Equal(2, TextDateFinder.Find("tomorrow at 3pm, Dec 31", DateTimeOffset.MaxValue, "Pacific/Kiritimati").Length);
        Assert.NotEmpty(TextDateFinder.Find("yesterday? no: today at 3pm", DateTimeOffset.MinValue, "Pacific/Pago_Pago"));
    }

    [Fact]
    public void A_realistic_confirmation_gives_the_interview_first_and_surest()
    {
        const string text = """
            Hi Sam,

            Thanks for your time on the phone yesterday. We'd like to invite you to a video interview with our
            engineering team on Tuesday, December 8, 2026 at 2:00 PM EST. The interview will last 45 minutes.

            If that doesn't work, we could also do Wednesday at 10am.

            Best,
            Rita
            Phone: +1 (555) 123-4567
            Sent from my iPhone
            """;
        var matches = TextDateFinder.Find(text, SentAt, "Europe/Berlin");
        var best = matches.MaxBy(m => m.Confidence)!;
        Assert.Equal("2026-12-08T14:00:00-05:00", DateExpectation.Iso(best.Start));
        Assert.Equal("2026-12-08T14:45:00-05:00", DateExpectation.Iso(best.End!.Value));
        Assert.Equal(2, matches.Length);
        Assert.Equal("2026-11-25T10:00:00+01:00", DateExpectation.Iso(matches[1].Start));
    }
}
