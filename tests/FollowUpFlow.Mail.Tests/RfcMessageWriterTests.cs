using System.Globalization;
using FollowUpFlow.Mail.Tests.Reading;
using FollowUpFlow.Mail.Tests.Support;

namespace FollowUpFlow.Mail.Tests;

public class RfcMessageWriterTests
{
    [Fact]
    public void Writes_an_ascii_message_that_reads_back()
    {
        var message = Messages.Sample() with
        {
            Cc = [new MailAddress("hm@hiring.example.org")],
            ReplyTo = new MailAddress("reply+t0k3n@in.followupflow.example"),
        };

        var raw = RfcMessageWriter.Write(message);
        var parsed = MessageReader.Parse(raw);

        Assert.Equal("Fri, 07 Mar 2025 09:05:03 +0100", parsed.RequiredHeader("Date"));
        Assert.Equal("Alex Candidate <alex@example.com>", parsed.RequiredHeader("From"));
        Assert.Equal("Jamie Recruiter <jamie@hiring.example.org>", parsed.RequiredHeader("To"));
        Assert.Equal("hm@hiring.example.org", parsed.RequiredHeader("Cc"));
        Assert.Equal("reply+t0k3n@in.followupflow.example", parsed.RequiredHeader("Reply-To"));
        Assert.Equal("Thank you for today's interview", parsed.RequiredHeader("Subject"));
        Assert.Equal("<draft-42@followupflow.local>", parsed.RequiredHeader("Message-ID"));
        Assert.Equal("1.0", parsed.RequiredHeader("MIME-Version"));
        Assert.Equal("text/plain; charset=utf-8", parsed.RequiredHeader("Content-Type"));
        Assert.Equal("7bit", parsed.RequiredHeader("Content-Transfer-Encoding"));
        Assert.Null(parsed.Header("In-Reply-To"));
        Assert.Null(parsed.Header("References"));
        Assert.Equal(message.TextBody, parsed.DecodedBody());
        RawChecks.OnlyCrLf(raw);
        RawChecks.AllAscii(raw);
        RawChecks.HeaderLinesAtMost(raw, 78);
    }

    [Fact]
    public void WriteBytes_is_the_ascii_of_Write()
    {
        var message = Messages.Sample() with { Subject = "Grüße", TextBody = "Schöne Grüße" };
        Assert.Equal(System.Text.Encoding.ASCII.GetBytes(RfcMessageWriter.Write(message)), RfcMessageWriter.WriteBytes(message));
    }

    [Fact]
    public void Several_recipients_are_comma_separated_and_read_back()
    {
        MailAddress[] to =
        [
            new("Jamie Recruiter", "jamie@hiring.example.org"),
            new("Smith, John", "john.smith@example.com"),
            new("Dr. \"Who\" \\ Else", "who@example.com"),
            new("nobody@example.com"),
            new("Jürgen Müller", "juergen@example.de"),
        ];

        var raw = RfcMessageWriter.Write(Messages.Sample() with { To = to });
        var read = AddressReader.ReadList(MessageReader.Parse(raw).RequiredHeader("To"));

        Assert.Equal(to.Select(a => (a.DisplayName, a.Address)), read);
        RawChecks.HeaderLinesAtMost(raw, 78);
    }

    [Theory]
    [InlineData(-5, 0, "Fri, 07 Mar 2025 09:05:03 -0500")]
    [InlineData(5, 30, "Fri, 07 Mar 2025 09:05:03 +0530")]
    [InlineData(0, 0, "Fri, 07 Mar 2025 09:05:03 +0000")]
    [InlineData(-3, -30, "Fri, 07 Mar 2025 09:05:03 -0330")]
    public void Date_uses_rfc5322_format_with_the_message_offset(int hours, int minutes, string expected)
    {
        var date = new DateTimeOffset(2025, 3, 7, 9, 5, 3, new TimeSpan(hours, minutes, 0));
        var raw = RfcMessageWriter.Write(Messages.Sample() with { Date = date });
        Assert.Equal(expected, MessageReader.Parse(raw).RequiredHeader("Date"));
    }

    [Fact]
    public void Date_ignores_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var raw = RfcMessageWriter.Write(Messages.Sample() with { Date = new DateTimeOffset(2025, 12, 1, 18, 0, 0, TimeSpan.Zero) });
            Assert.Equal("Mon, 01 Dec 2025 18:00:00 +0000", MessageReader.Parse(raw).RequiredHeader("Date"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void A_reply_carries_In_Reply_To_and_folded_References()
    {
        var references = Enumerable.Range(1, 8)
            .Select(i => $"<CAF{i}xYz+long.gmail.style.identifier={i}@mail.gmail.com>")
            .ToList();
        var message = Messages.Sample() with { InReplyTo = references[^1], References = references };

        var raw = RfcMessageWriter.Write(message);
        var parsed = MessageReader.Parse(raw);

        Assert.Equal(references[^1], parsed.RequiredHeader("In-Reply-To"));
        Assert.Equal(references, parsed.RequiredHeader("References").Split(' '));
        Assert.True(parsed.RawHeaderLines.Count(l => l.StartsWith(' ')) >= 3, "References should be folded.");
        RawChecks.HeaderLinesAtMost(raw, 78);
    }

    [Fact]
    public void Extra_headers_are_written_in_order_after_the_standard_fields()
    {
        var message = Messages.Sample() with
        {
            ExtraHeaders =
            [
                new MessageHeader("X-FollowUpFlow-Draft-Id", "draft-42"),
                new MessageHeader("X-FollowUpFlow-Interview", "Café Interview"),
                new MessageHeader("Auto-Submitted", "no"),
            ],
        };

        var parsed = MessageReader.Parse(RfcMessageWriter.Write(message));
        var names = parsed.Headers.Select(h => h.Key).ToList();

        Assert.Equal(["X-FollowUpFlow-Draft-Id", "X-FollowUpFlow-Interview", "Auto-Submitted"], names.Where(n => n.StartsWith("X-", StringComparison.Ordinal) || n == "Auto-Submitted"));
        Assert.True(names.IndexOf("X-FollowUpFlow-Draft-Id") > names.IndexOf("Message-ID"));
        Assert.Equal("draft-42", parsed.RequiredHeader("X-FollowUpFlow-Draft-Id"));
        Assert.Equal("Café Interview", EncodedWordDecoder.Decode(parsed.RequiredHeader("X-FollowUpFlow-Interview")));
    }

    [Fact]
    public void Every_field_appears_once_and_the_header_ends_with_an_empty_line()
    {
        var raw = RfcMessageWriter.Write(Messages.Sample());
        var parsed = MessageReader.Parse(raw);
        Assert.Equal(parsed.Headers.Count, parsed.Headers.Select(h => h.Key.ToUpperInvariant()).Distinct().Count());
        Assert.StartsWith("Date: ", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_text_message_is_written_byte_for_byte_as_a_single_text_plain_part()
    {
        const string expected =
            "Date: Fri, 07 Mar 2025 09:05:03 +0100\r\n" +
            "From: Alex Candidate <alex@example.com>\r\n" +
            "To: Jamie Recruiter <jamie@hiring.example.org>\r\n" +
            "Subject: Thank you for today's interview\r\n" +
            "Message-ID: <draft-42@followupflow.local>\r\n" +
            "MIME-Version: 1.0\r\n" +
            "Content-Type: text/plain; charset=utf-8\r\n" +
            "Content-Transfer-Encoding: 7bit\r\n" +
            "\r\n" +
            "Hi Jamie,\r\n\r\nThank you for your time today.\r\n\r\nBest regards,\r\nAlex\r\n";

        Assert.Equal(expected, RfcMessageWriter.Write(Messages.Sample()));
    }

    [Fact]
    public void A_plain_text_message_that_needs_quoted_printable_is_written_byte_for_byte()
    {
        const string expected =
            "Date: Fri, 07 Mar 2025 09:05:03 +0100\r\n" +
            "From: Alex Candidate <alex@example.com>\r\n" +
            "To: Jamie Recruiter <jamie@hiring.example.org>\r\n" +
            "Subject: Thank you for today's interview\r\n" +
            "Message-ID: <draft-42@followupflow.local>\r\n" +
            "MIME-Version: 1.0\r\n" +
            "Content-Type: text/plain; charset=utf-8\r\n" +
            "Content-Transfer-Encoding: quoted-printable\r\n" +
            "\r\n" +
            "Sch=C3=B6ne Gr=C3=BC=C3=9Fe\r\nAlex";

        Assert.Equal(expected, RfcMessageWriter.Write(Messages.Sample() with { TextBody = "Schöne Grüße\nAlex" }));
    }
}
