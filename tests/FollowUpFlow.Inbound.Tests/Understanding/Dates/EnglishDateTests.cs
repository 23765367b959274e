namespace FollowUpFlow.Inbound.Tests.Understanding.Dates;

/// <summary>English mentions, read in New York unless they name a zone. Sent Friday 2026-11-20 09:15 UTC.</summary>
public sealed class EnglishDateTests
{
    private const string NewYork = "America/New_York";

    [Theory]
    // Full dates with times and zones.
    [InlineData("Tuesday, December 8, 2026 at 2:00 PM EST", "2026-12-08T14:00:00-05:00", null, NewYork, "ZDT >=0.9")]
    [InlineData("Tue, Dec 8 at 2pm ET", "2026-12-08T14:00:00-05:00", null, NewYork, "ZDT >=0.85")]
    [InlineData("December 8th, 2026, 2:00–2:45 p.m. Eastern", "2026-12-08T14:00:00-05:00", "2026-12-08T14:45:00-05:00", NewYork, "ZDT >=0.9")]
    [InlineData("8 Dec 2026, 10:00–11:00 (GMT+1)", "2026-12-08T10:00:00+01:00", "2026-12-08T11:00:00+01:00", "Etc/GMT-1", "ZDT >=0.9")]
    [InlineData("Dec. 8, 2026 @ 2pm PST", "2026-12-08T14:00:00-08:00", null, "America/Los_Angeles", "ZDT >=0.9")]
    [InlineData("Monday, Dec 14th at 9:30am Central", "2026-12-14T09:30:00-06:00", null, "America/Chicago", "ZDT >=0.85")]
    [InlineData("Tuesday, December 8, 2026 2:00 PM - 3:00 PM (GMT-05:00) Eastern Time (US & Canada)", "2026-12-08T14:00:00-05:00", "2026-12-08T15:00:00-05:00", NewYork, "ZDT >=0.9")]
    [InlineData("2:00pm - 2:45pm, Tuesday, December 8, 2026 (Eastern Time - US & Canada)", "2026-12-08T14:00:00-05:00", "2026-12-08T14:45:00-05:00", NewYork, "ZDT >=0.9")]
    [InlineData("When: Thursday, December 10, 2026 3:30 PM-4:15 PM. (UTC-08:00) Pacific Time (US & Canada)", "2026-12-10T15:30:00-08:00", "2026-12-10T16:15:00-08:00", "America/Los_Angeles", "ZDT >=0.9")]
    [InlineData("Thursday, December 10 | 3:30 – 4:15 PM (PT)", "2026-12-10T15:30:00-08:00", "2026-12-10T16:15:00-08:00", "America/Los_Angeles", "ZDT >=0.85")]
    [InlineData("Thursday, December 10 at 11:00 AM (Eastern Time - New York)", "2026-12-10T11:00:00-05:00", null, NewYork, "ZDT >=0.85")]
    // No zone: the default zone, confidence about 0.7.
    [InlineData("December 8, 2026 at 2pm", "2026-12-08T14:00:00-05:00", null, NewYork, "DT ~0.7")]
    [InlineData("8th of December at 3pm", "2026-12-08T15:00:00-05:00", null, NewYork, "DT ~0.65")]
    [InlineData("Dec 8 at noon", "2026-12-08T12:00:00-05:00", null, NewYork, "DT ~0.65")]
    [InlineData("Dec 8 at 12:00 noon", "2026-12-08T12:00:00-05:00", null, NewYork, "DT")]
    [InlineData("Dec 8 at 12am", "2026-12-08T00:00:00-05:00", null, NewYork, "DT")]
    [InlineData("Dec 8 at 2.30pm", "2026-12-08T14:30:00-05:00", null, NewYork, "DT")]
    [InlineData("On Tue, Dec 8, 2026 at 2:00 PM Jane Smith <jane@acme.example> wrote:", "2026-12-08T14:00:00-05:00", null, NewYork, "DT ~0.7")]
    [InlineData("Sent from my iPhone on Dec 8, 2026, at 9:41 AM", "2026-12-08T09:41:00-05:00", null, NewYork, "DT")]
    // Numbers: month first in English and US zones, day first when the first number is over 12; ISO always.
    [InlineData("12/08/2026 2:00 PM", "2026-12-08T14:00:00-05:00", null, NewYork, "DT <0.7")]
    [InlineData("13/08/2026 2:00 PM", "2026-08-13T14:00:00-04:00", null, NewYork, "DT ~0.7")]
    [InlineData("2 PM on 12/8", "2026-12-08T14:00:00-05:00", null, NewYork, "DT")]
    [InlineData("Tue 12/8 at 2pm", "2026-12-08T14:00:00-05:00", null, NewYork, "DT")]
    [InlineData("2026-12-08 14:00", "2026-12-08T14:00:00-05:00", null, NewYork, "DT ~0.7")]
    [InlineData("2026-12-08T14:00:00+01:00", "2026-12-08T14:00:00+01:00", null, "Etc/GMT-1", "ZDT >=0.9")]
    [InlineData("2026-12-08T14:00:00-05:00", "2026-12-08T14:00:00-05:00", null, "Etc/GMT+5", "ZDT >=0.9")]
    [InlineData("2026-12-08T14:00:00Z", "2026-12-08T14:00:00+00:00", null, "UTC", "ZDT >=0.9")]
    [InlineData("Date: Fri, 20 Nov 2026 09:15:00 +0000", "2026-11-20T09:15:00+00:00", null, "UTC", "ZDT >=0.9")]
    // Ranges: am/pm carries over, flips when the range would run backwards, and crosses midnight.
    [InlineData("from 2 to 3pm on Dec 8", "2026-12-08T14:00:00-05:00", "2026-12-08T15:00:00-05:00", NewYork, "DT")]
    [InlineData("between 2 and 3pm on Dec 8", "2026-12-08T14:00:00-05:00", "2026-12-08T15:00:00-05:00", NewYork, "DT")]
    [InlineData("Dec 8, 11-1pm", "2026-12-08T11:00:00-05:00", "2026-12-08T13:00:00-05:00", NewYork, "DT")]
    [InlineData("Dec 8, 9am-5", "2026-12-08T09:00:00-05:00", "2026-12-08T17:00:00-05:00", NewYork, "DT")]
    [InlineData("Dec 8 at 10am to 12pm", "2026-12-08T10:00:00-05:00", "2026-12-08T12:00:00-05:00", NewYork, "DT")]
    [InlineData("December 8 at 11:30 PM - 12:30 AM", "2026-12-08T23:30:00-05:00", "2026-12-09T00:30:00-05:00", NewYork, "DT")]
    // Durations nearby give the end.
    [InlineData("Dec 8, 2026 at 2pm. The interview will last 45 minutes.", "2026-12-08T14:00:00-05:00", "2026-12-08T14:45:00-05:00", NewYork, "DT")]
    [InlineData("We'd like to schedule a 30-minute call on Tuesday at 2pm.", "2026-11-24T14:00:00-05:00", "2026-11-24T14:30:00-05:00", NewYork, "DTR")]
    [InlineData("Tuesday at 2pm (1 hour). Please arrive 15 minutes early.", "2026-11-24T14:00:00-05:00", "2026-11-24T15:00:00-05:00", NewYork, "DTR")]
    [InlineData("The interview is on Dec 8 at 2pm. Please arrive 15 minutes early.", "2026-12-08T14:00:00-05:00", null, NewYork, "DT")]
    [InlineData("Dec 8 at 2pm, it should take about an hour and a half", "2026-12-08T14:00:00-05:00", "2026-12-08T15:30:00-05:00", NewYork, "DT")]
    [InlineData("Dec 8 at 2pm for 45 mins", "2026-12-08T14:00:00-05:00", "2026-12-08T14:45:00-05:00", NewYork, "DT")]
    [InlineData("Dec 8 at 2pm; we will follow up in 2 hours", "2026-12-08T14:00:00-05:00", null, NewYork, "DT")]
    // A time alone takes the nearest date before it in the same sentence or on the next line.
    [InlineData("We'd like to meet on Thursday, Dec 10 for a call at 3:30pm PT.", "2026-12-10T15:30:00-08:00", null, "America/Los_Angeles", "ZDT >=0.85")]
    [InlineData("Date: Thursday, Dec 10\nTime: 3:30pm PT", "2026-12-10T15:30:00-08:00", null, "America/Los_Angeles", "ZDT >=0.85")]
    // Relative words and weekdays, resolved against the sending day in the mention's zone.
    [InlineData("tomorrow at 3pm", "2026-11-21T15:00:00-05:00", null, NewYork, "DTR <0.7")]
    [InlineData("today at 4:30", "2026-11-20T16:30:00-05:00", null, NewYork, "DTR <0.6")]
    [InlineData("Are you free tomorrow afternoon at 3?", "2026-11-21T15:00:00-05:00", null, NewYork, "DTR")]
    [InlineData("Let's talk tonight at 8", "2026-11-20T20:00:00-05:00", null, NewYork, "DTR")]
    [InlineData("next Tuesday at 10am", "2026-11-24T10:00:00-05:00", null, NewYork, "DTR <0.7")]
    [InlineData("on Thursday at 11am", "2026-11-26T11:00:00-05:00", null, NewYork, "DTR")]
    [InlineData("this Friday", "2026-11-20T00:00:00-05:00", null, NewYork, "DR <0.6")]
    [InlineData("next Friday", "2026-11-27T00:00:00-05:00", null, NewYork, "DR")]
    [InlineData("Monday the 14th", "2026-12-14T00:00:00-05:00", null, NewYork, "DR <0.6")]
    // Dates without a year: the next one on or after the day before sending.
    [InlineData("Can you do Tue, Jan 5?", "2027-01-05T00:00:00-05:00", null, NewYork, "D <0.6")]
    [InlineData("Nov 19 at 10am", "2026-11-19T10:00:00-05:00", null, NewYork, "DT")]
    [InlineData("Nov 18 at 10am", "2027-11-18T10:00:00-05:00", null, NewYork, "DT")]
    // Weekday and date disagree: the date wins, with less confidence.
    [InlineData("Wednesday, December 8, 2026 at 2pm EST", "2026-12-08T14:00:00-05:00", null, NewYork, "ZDT <0.7")]
    // A time with no date at all: today, low confidence.
    [InlineData("the meeting is at 14:00", "2026-11-20T14:00:00-05:00", null, NewYork, "T <=0.4")]
    [InlineData("at 3:30pm PT", "2026-11-20T15:30:00-08:00", null, "America/Los_Angeles", "ZT <=0.4")]
    public void Reads_english_mentions(string text, string start, string? end, string zone, string flags) =>
        DateExpectation.Single(text, NewYork, start, end, zone, flags);

    [Fact]
    public void A_mention_starts_at_its_first_meaningful_word()
    {
        const string text = "We'd like to meet on Thursday, Dec 10 for a call at 3:30pm PT.";
        var match = DateExpectation.Single(text, NewYork, "2026-12-10T15:30:00-08:00", null, "America/Los_Angeles", "ZDT");
        Assert.Equal("Thursday, Dec 10 for a call at 3:30pm PT", text.Substring(match.Index, match.Length));
    }
}
