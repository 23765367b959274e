using FollowUpFlow.Inbound.Mime;

namespace FollowUpFlow.Inbound.Tests.Mime;

public sealed class MessageTextTests
{
    private static string Alternative(string plain) => $"""
        Content-Type: multipart/alternative; boundary=a

        --a
        Content-Type: text/plain

        {plain}
        --a
        Content-Type: text/html

        <p>Interview on <b>Monday</b> at 10:00.</p><p><a href="https://zoom.us/j/42">Join</a></p>
        --a--
        """;

    [Fact]
    public void Alternative_prefers_the_plain_text()
    {
        Assert.Equal("Plain: Monday 10:00", MessageText.GetBodyText(Mail.Parse(Alternative("Plain: Monday 10:00"))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("This is an HTML message. Please use an HTML capable mail program to read this message.")]
    [InlineData("To view this email, open it in a browser that supports HTML.")]
    public void Alternative_uses_the_html_when_the_plain_part_is_empty_or_a_stub(string plain)
    {
        Assert.Equal("Interview on Monday at 10:00.\n\nJoin (https://zoom.us/j/42)", MessageText.GetBodyText(Mail.Parse(Alternative(plain))));
    }

    [Fact]
    public void Html_only_messages_read_as_text()
    {
        Assert.Equal("Hi there", MessageText.GetBodyText(Mail.Parse("Content-Type: text/html\n\n<div>Hi <i>there</i></div>")));
    }

    [Fact]
    public void Mixed_joins_inline_text_and_skips_attachments_and_embedded_messages()
    {
        var message = Mail.Parse("""
            Content-Type: multipart/mixed; boundary=m

            --m
            Content-Type: text/plain

            FYI, see below.
            --m
            Content-Type: text/plain; name=notes.txt
            Content-Disposition: attachment; filename=notes.txt

            attached notes
            --m
            Content-Type: message/rfc822

            Subject: original

            original text
            --m
            Content-Type: text/html

            <p>Signature</p>
            --m--
            """);

        Assert.Equal("FYI, see below.\n\nSignature", MessageText.GetBodyText(message));
    }

    [Fact]
    public void A_message_that_is_only_a_forwarded_message_reads_as_that_message()
    {
        Assert.Equal("original text", MessageText.GetBodyText(Mail.Parse("Content-Type: message/rfc822\n\nSubject: original\n\noriginal text")));
    }

    [Fact]
    public void No_text_means_null()
    {
        Assert.Null(MessageText.GetBodyText(Mail.Parse("Content-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=")));
    }

    [Fact]
    public void Calendar_parts_are_found_anywhere_including_inside_forwarded_messages()
    {
        var message = Mail.Parse("""
            Content-Type: multipart/mixed; boundary=m

            --m
            Content-Type: multipart/alternative; boundary=a

            --a
            Content-Type: text/plain

            invite
            --a
            Content-Type: text/calendar; method=REQUEST; charset=utf-8

            BEGIN:VCALENDAR
            END:VCALENDAR
            --a--
            --m
            Content-Type: application/octet-stream; name=invite.ics
            Content-Disposition: attachment; filename=invite.ics

            BEGIN:VCALENDAR
            END:VCALENDAR
            --m
            Content-Type: message/rfc822

            Subject: original
            Content-Type: application/ics

            BEGIN:VCALENDAR
            END:VCALENDAR
            --m--
            """);

        var parts = MessageText.GetCalendarParts(message).ToList();

        Assert.Equal(["text/calendar", "application/octet-stream", "application/ics"], parts.Select(p => p.ContentType.MimeType));
        Assert.Equal("REQUEST", parts[0].ContentType.Parameters["method"]);
        Assert.Equal("invite", MessageText.GetBodyText(message));
    }
}
