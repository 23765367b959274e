using FollowUpFlow.Mail.Tests.Reading;
using FollowUpFlow.Mail.Tests.Support;
using FollowUpFlow.Mail.Writing;

namespace FollowUpFlow.Mail.Tests;

/// <summary>A message with an HTML body: RFC 2046 multipart/alternative, text/plain first and text/html last (preferred).</summary>
public class MultipartAlternativeTests
{
    private const string Html =
        "<!DOCTYPE html>\r\n<html><body>\r\n<p>Hi Jamie,</p>\r\n<p>Thank you for your time today.</p>\r\n" +
        "<p>Best regards,<br>Alex</p>\r\n</body></html>\r\n";

    private static OutgoingMessage WithHtml(string? html = Html) => Messages.Sample() with { HtmlBody = html };

    [Fact]
    public void An_html_body_makes_a_multipart_alternative_with_the_text_first_and_the_html_second()
    {
        var message = WithHtml();

        var raw = RfcMessageWriter.Write(message);
        var parsed = MessageReader.Parse(raw);
        var body = MultipartSplitter.Split(parsed);

        Assert.Equal("1.0", parsed.RequiredHeader("MIME-Version"));
        Assert.Equal($"multipart/alternative; boundary=\"{body.Boundary}\"", parsed.RequiredHeader("Content-Type"));
        Assert.Null(parsed.Header("Content-Transfer-Encoding"));
        Assert.Equal("Thank you for today's interview", parsed.RequiredHeader("Subject"));
        Assert.Equal("<draft-42@followupflow.local>", parsed.RequiredHeader("Message-ID"));

        Assert.Equal("", body.Preamble);
        Assert.Equal("\r\n", body.Epilogue);
        Assert.Equal(2, body.Parts.Count);
        var (text, html) = (body.Parts[0], body.Parts[1]);
        Assert.Equal(["Content-Type", "Content-Transfer-Encoding"], text.Headers.Select(h => h.Key));
        Assert.Equal("text/plain; charset=utf-8", text.RequiredHeader("Content-Type"));
        Assert.Equal("7bit", text.RequiredHeader("Content-Transfer-Encoding"));
        Assert.Equal(message.TextBody, text.DecodedBody());
        Assert.Equal(["Content-Type", "Content-Transfer-Encoding"], html.Headers.Select(h => h.Key));
        Assert.Equal("text/html; charset=utf-8", html.RequiredHeader("Content-Type"));
        Assert.Equal("7bit", html.RequiredHeader("Content-Transfer-Encoding"));
        Assert.Equal(Html, html.DecodedBody());

        RawChecks.OnlyCrLf(raw);
        RawChecks.AllAscii(raw);
        RawChecks.HeaderLinesAtMost(raw, 78);
        Assert.All(raw.Split("\r\n"), line => Assert.True(line.Length <= 78, $"{line.Length}: {line}"));
    }

    [Fact]
    public void The_boundary_is_quoted_folded_onto_its_own_line_and_within_70_characters()
    {
        var raw = RfcMessageWriter.Write(WithHtml());
        var body = MultipartSplitter.Split(MessageReader.Parse(raw));

        Assert.StartsWith(MultipartAlternative.BoundaryPrefix, body.Boundary, StringComparison.Ordinal);
        Assert.InRange(body.Boundary.Length, 1, 70);
        Assert.Matches("^[0-9A-Za-z'()+_,\\-./:=? ]*[0-9A-Za-z'()+_,\\-./:=?]$", body.Boundary);
        Assert.Contains($"\r\nContent-Type: multipart/alternative;\r\n boundary=\"{body.Boundary}\"\r\n\r\n--{body.Boundary}\r\n", raw, StringComparison.Ordinal);
        Assert.EndsWith($"\r\n--{body.Boundary}--\r\n", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_message_is_always_written_the_same_way_and_other_bodies_get_another_boundary()
    {
        var first = MultipartSplitter.Split(MessageReader.Parse(RfcMessageWriter.Write(WithHtml()))).Boundary;
        var again = MultipartSplitter.Split(MessageReader.Parse(RfcMessageWriter.Write(WithHtml()))).Boundary;
        var other = MultipartSplitter.Split(MessageReader.Parse(RfcMessageWriter.Write(WithHtml("<p>Other</p>")))).Boundary;

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(RfcMessageWriter.Write(WithHtml()), RfcMessageWriter.Write(WithHtml()));
    }

    [Fact]
    public void Bodies_that_look_like_delimiters_do_not_hold_the_boundary_and_come_back_whole()
    {
        var text = $"--{MultipartAlternative.BoundaryPrefix}\r\n--\r\n--{MultipartAlternative.BoundaryPrefix}--\r\n=_ text";
        var html = $"<pre>\r\n--{MultipartAlternative.BoundaryPrefix}0123\r\n</pre>\r\n--";
        var message = Messages.Sample() with { TextBody = text, HtmlBody = html };

        var raw = RfcMessageWriter.Write(message);
        var body = MultipartSplitter.Split(MessageReader.Parse(raw));

        Assert.Equal(2, body.Parts.Count);
        Assert.All(body.Parts, part => Assert.DoesNotContain(body.Boundary, part.RawBody, StringComparison.Ordinal));
        Assert.Equal(text, body.Parts[0].DecodedBody());
        Assert.Equal(html, body.Parts[1].DecodedBody());
    }

    [Fact]
    public void A_candidate_boundary_found_in_a_part_is_passed_over()
    {
        TextEntity[] parts = [TextEntity.Encode("plain", "Hello =_taken_1 and =_taken_2"), TextEntity.Encode("html", "<p>=_taken_3</p>")];

        Assert.Equal("=_free", MultipartAlternative.FirstAbsent(["=_taken_1", "=_taken_2", "=_taken_3", "=_free"], parts));
        Assert.Throws<InvalidOperationException>(() => MultipartAlternative.FirstAbsent(["=_taken_1", "=_taken_3"], parts));
    }

    [Theory]
    [MemberData(nameof(BodyEncodingTests.QuotedPrintableBodies), MemberType = typeof(BodyEncodingTests))]
    public void Each_part_chooses_its_own_transfer_encoding_and_decodes_back_exactly(string sample)
    {
        var html = "<p>é</p>\r\n" + sample;
        var raw = RfcMessageWriter.Write(Messages.Sample() with { TextBody = sample, HtmlBody = html });
        var body = MultipartSplitter.Split(MessageReader.Parse(raw));

        var (text, htmlPart) = (body.Parts[0], body.Parts[1]);
        Assert.Equal(IsSevenBitText(sample) ? "7bit" : "quoted-printable", text.RequiredHeader("Content-Transfer-Encoding"));
        Assert.Equal("quoted-printable", htmlPart.RequiredHeader("Content-Transfer-Encoding"));
        Assert.Equal(sample, text.DecodedBody());
        Assert.Equal(html, htmlPart.DecodedBody());
        Assert.All(htmlPart.RawBody.Split("\r\n"), line => Assert.True(line.Length <= 76, $"{line.Length}: {line}"));
        Assert.All(body.Parts, part => Assert.DoesNotContain(body.Boundary, part.RawBody, StringComparison.Ordinal));
        RawChecks.OnlyCrLf(raw);
        RawChecks.AllAscii(raw);
        Assert.All(raw.Split("\r\n"), line => Assert.True(line.Length <= 998, $"{line.Length} octets"));
    }

    [Fact]
    public void Non_ascii_and_long_lines_in_the_html_are_quoted_printable_while_an_ascii_text_stays_7bit()
    {
        var html = "<p>Schöne Grüße aus München, 東京 🎉</p>\r\n<p>" + string.Concat(Enumerable.Repeat("a long line without a break ", 80)) + "</p>";
        var message = WithHtml(html);

        var raw = RfcMessageWriter.Write(message);
        var body = MultipartSplitter.Split(MessageReader.Parse(raw));

        Assert.Equal("7bit", body.Parts[0].RequiredHeader("Content-Transfer-Encoding"));
        Assert.Equal("quoted-printable", body.Parts[1].RequiredHeader("Content-Transfer-Encoding"));
        Assert.Equal(html, body.Parts[1].DecodedBody());
        Assert.All(raw.Split("\r\n"), line => Assert.True(line.Length <= 78, $"{line.Length}: {line}"));
    }

    [Fact]
    public void Line_endings_of_both_bodies_are_normalised_to_crlf()
    {
        var message = Messages.Sample() with { TextBody = "one\ntwo\rthree", HtmlBody = "<p>one</p>\n<p>two</p>\r<p>three</p>\n" };

        var raw = RfcMessageWriter.Write(message);
        var body = MultipartSplitter.Split(MessageReader.Parse(raw));

        Assert.Equal("one\r\ntwo\r\nthree", body.Parts[0].DecodedBody());
        Assert.Equal("<p>one</p>\r\n<p>two</p>\r\n<p>three</p>\r\n", body.Parts[1].DecodedBody());
        RawChecks.OnlyCrLf(raw);
    }

    [Fact]
    public void Empty_bodies_still_make_two_well_formed_parts()
    {
        var body = MultipartSplitter.Split(MessageReader.Parse(RfcMessageWriter.Write(Messages.Sample() with { TextBody = "", HtmlBody = "" })));

        Assert.Equal(["text/plain; charset=utf-8", "text/html; charset=utf-8"], body.Parts.Select(p => p.RequiredHeader("Content-Type")));
        Assert.All(body.Parts, part => Assert.Equal("", part.DecodedBody()));
    }

    [Fact]
    public void The_header_fields_above_the_body_are_the_same_as_for_the_plain_text_message()
    {
        var message = Messages.Sample() with
        {
            Cc = [new MailAddress("hm@hiring.example.org")],
            InReplyTo = "<abc@recruiter.example.org>",
            References = ["<abc@recruiter.example.org>"],
            ExtraHeaders = [new MessageHeader("X-FollowUpFlow-Draft-Id", "draft-42")],
        };

        var plain = RfcMessageWriter.Write(message);
        var multipart = RfcMessageWriter.Write(message with { HtmlBody = Html });

        var upToMime = plain[..(plain.IndexOf("MIME-Version: 1.0\r\n", StringComparison.Ordinal) + 19)];
        Assert.StartsWith(upToMime, multipart, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_html_body_the_message_is_the_single_part_text_plain_message()
    {
        var withHtml = WithHtml();

        Assert.Equal(RfcMessageWriter.Write(Messages.Sample()), RfcMessageWriter.Write(withHtml with { HtmlBody = null }));
        Assert.DoesNotContain("multipart", RfcMessageWriter.Write(Messages.Sample()), StringComparison.Ordinal);
        Assert.Equal(System.Text.Encoding.ASCII.GetBytes(RfcMessageWriter.Write(withHtml)), RfcMessageWriter.WriteBytes(withHtml));
    }

    private static bool IsSevenBitText(string body) =>
        body.All(c => c is (>= ' ' and <= '~') or '\r' or '\n' or '\t') && body.Split("\r\n").All(l => l.Length <= 998);
}
