using System.Globalization;
using FollowUpFlow.Inbound.Tests.Mime;
using FollowUpFlow.Inbound.Understanding;

namespace FollowUpFlow.Inbound.Tests.Understanding.Unit;

/// <summary>Whole messages through <see cref="InboundParser"/>: the finders working together on the right layer.</summary>
public sealed class EmailUnderstanderTests
{
    private static readonly ParseOptions Options = new() { CandidateAddresses = ["alex.morgan@example.com"], CandidateTimeZone = "America/New_York" };

    private const string ForwardedConfirmation = """
        From: Alex Morgan <alex.morgan@example.com>
        To: track@in.followupflow.example
        Subject: Fwd: Interview confirmation - Senior Backend Engineer
        Date: Mon, 07 Dec 2026 09:00:00 -0500
        Message-ID: <outer@example.com>
        Content-Type: text/plain; charset=utf-8

        ---------- Forwarded message ---------
        From: Sam Lee <sam.lee@contoso.com>
        Date: Fri, 4 Dec 2026 15:12:00 -0800
        Subject: Interview confirmation - Senior Backend Engineer
        To: Alex Morgan <alex.morgan@example.com>


        Hi Alex,

        Your interview for the Senior Backend Engineer position at Contoso is confirmed for Tuesday, December 8, 2026 at 2:00 PM PT.
        You'll meet with Priya Natarajan and Marcus Chen.
        Join: https://contoso.zoom.us/j/123456789

        Best,
        Sam Lee
        Recruiting Coordinator
        """;

    [Fact]
    public void A_forwarded_confirmation_is_read_from_the_original()
    {
        var understanding = Parse(ForwardedConfirmation);

        Assert.Equal(EmailKind.Confirmation, understanding.Kind);
        Assert.Equal("Contoso", understanding.Company);
        Assert.Equal("Senior Backend Engineer", understanding.Role);
        Assert.Equal(DateTimeOffset.Parse("2026-12-08T14:00:00-08:00", CultureInfo.InvariantCulture), understanding.Start);
        Assert.Equal("https://contoso.zoom.us/j/123456789", understanding.MeetingUrl);
    }

    [Fact]
    public void A_forwarded_confirmation_names_panel_and_recruiter_but_never_the_forwarder()
    {
        var understanding = Parse(ForwardedConfirmation);

        Assert.Equal(["Priya Natarajan", "Marcus Chen"], understanding.Interviewers.Select(p => p.Name));
        Assert.Equal("sam.lee@contoso.com", understanding.Recruiter?.Email);
        Assert.DoesNotContain(understanding.Interviewers, p => p.Name == "Alex Morgan");
    }

    [Fact]
    public void A_forwarded_confirmation_references_both_the_message_and_the_original()
    {
        var references = Parse(ForwardedConfirmation).References;

        Assert.Equal("outer@example.com", references.MessageId);
        Assert.Equal("sam.lee@contoso.com", references.OriginalSender?.Email);
        Assert.Equal("Interview confirmation - Senior Backend Engineer", references.OriginalSubject);
        Assert.Equal(DateTimeOffset.Parse("2026-12-04T15:12:00-08:00", CultureInfo.InvariantCulture), references.OriginalDate);
        Assert.Null(references.OriginalMessageId);
    }

    [Fact]
    public void A_rejection_has_no_time_and_no_panel()
    {
        var understanding = Parse("""
            From: Sam Lee <sam.lee@contoso.com>
            To: Alex Morgan <alex.morgan@example.com>
            Subject: Your application
            Date: Mon, 14 Dec 2026 09:00:00 -0800

            Hi Alex,

            Thank you for meeting with Priya Natarajan on Tuesday, December 8 at 2pm. Unfortunately, we have decided to move forward with other candidates.

            Sam
            """);

        Assert.Equal(EmailKind.Rejection, understanding.Kind);
        Assert.Equal("Contoso", understanding.Company);
        Assert.Null(understanding.Start);
        Assert.Empty(understanding.Interviewers);
    }

    [Fact]
    public void A_cancelling_calendar_cancels()
    {
        var understanding = Parse("""
            From: Sam Lee <sam.lee@contoso.com>
            To: Alex Morgan <alex.morgan@example.com>
            Subject: Interview
            Date: Mon, 07 Dec 2026 09:00:00 -0800
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="b"

            --b
            Content-Type: text/plain; charset=utf-8

            Interview with Contoso
            --b
            Content-Type: text/calendar; charset=utf-8; method=CANCEL

            BEGIN:VCALENDAR
            METHOD:CANCEL
            BEGIN:VEVENT
            UID:onsite-1
            SEQUENCE:2
            DTSTART:20261208T220000Z
            SUMMARY:Interview with Contoso
            END:VEVENT
            END:VCALENDAR
            --b--
            """);

        Assert.Equal(EmailKind.Cancellation, understanding.Kind);
        Assert.Equal("onsite-1", understanding.References.CalendarUid);
        Assert.Equal(2, understanding.References.CalendarSequence);
        Assert.Equal("CANCEL", understanding.References.CalendarMethod);
    }

    [Fact]
    public void A_recruiters_outlook_reply_that_moves_the_interview_is_a_reschedule()
    {
        var understanding = Parse("""
            From: Sam Lee <sam.lee@contoso.com>
            To: Alex Morgan <alex.morgan@example.com>
            Subject: RE: Interview time
            Date: Mon, 07 Dec 2026 09:00:00 -0800
            Content-Type: text/plain; charset=utf-8

            Hi Alex, we've moved your interview to Wednesday, December 9, 2026 at 3:00 PM PT.

            ________________________________
            From: Alex Morgan <alex.morgan@example.com>
            Sent: Friday, December 4, 2026 3:12 PM
            To: Sam Lee <sam.lee@contoso.com>
            Subject: Interview time

            Could we find another time?
            """);

        Assert.Equal(EmailKind.Reschedule, understanding.Kind);
        Assert.Equal(DateTimeOffset.Parse("2026-12-09T15:00:00-08:00", CultureInfo.InvariantCulture), understanding.Start);
    }

    [Theory]
    [InlineData("just some words\nand nothing else")]
    [InlineData("")]
    public void Text_that_is_not_an_email_is_not_understood(string text)
    {
        var parsed = InboundParser.Parse(Mail.Crlf(text), Options);

        Assert.False(parsed.IsEmail);
        Assert.Equal(EmailKind.Other, parsed.Understanding.Kind);
        Assert.Null(parsed.Understanding.Company);
        Assert.True(parsed.Understanding.NeedsReview);
    }

    [Fact]
    public void A_confirmation_without_an_end_says_what_is_missing()
    {
        var understanding = Parse("""
            From: Sam Lee <sam.lee@contoso.com>
            To: Alex Morgan <alex.morgan@example.com>
            Subject: Interview confirmation
            Date: Mon, 07 Dec 2026 09:00:00 -0800

            Your interview on Tuesday, December 8 at 2pm PT is confirmed.
            """);

        Assert.Equal(EmailKind.Confirmation, understanding.Kind);
        Assert.Contains("end: the email gives no end time or length", understanding.Problems);
        Assert.Contains("end", understanding.UncertainKeyFields);
    }

    private static EmailUnderstanding Parse(string raw) => InboundParser.Parse(Mail.Crlf(raw), Options).Understanding;
}
