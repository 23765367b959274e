using FollowUpFlow.Inbound.Mime;

namespace FollowUpFlow.Inbound.Tests.Mime;

public sealed class StructureTests
{
    static StructureTests() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    private const string Multipart = """
        From: Recruiter <r@example.com>
        Subject: Interview
        Content-Type: multipart/mixed; boundary="outer"

        preamble is ignored
        --outer
        Content-Type: multipart/alternative; boundary=inner

        --inner
        Content-Type: text/plain

        Plain text.
        --inner
        Content-Type: text/html

        <p>Html text.</p>
        --inner--
        --outer
        Content-Type: application/pdf; name=cv.pdf
        Content-Disposition: attachment
        Content-Transfer-Encoding: base64

        JVBERi0=
        --outer--
        epilogue is ignored
        """;

    private static void AssertShape(MimeMessage message)
    {
        Assert.Equal("Interview", message.Subject);
        Assert.Equal(["multipart/alternative", "application/pdf"], message.Body.Children.Select(c => c.ContentType.MimeType));
        Assert.Equal(["Plain text.", "<p>Html text.</p>"], message.Body.Children[0].Children.Select(c => c.Text));
        Assert.Equal("%PDF-"u8.ToArray(), message.Body.Children[1].Content.ToArray());
        Assert.True(message.Body.Children[1].IsAttachment);
        Assert.Empty(message.Problems);
    }

    [Fact]
    public void Crlf_and_bare_lf_line_endings_read_the_same()
    {
        AssertShape(Mail.Parse(Multipart));
        AssertShape(Mail.ParseLf(Multipart));
    }

    [Fact]
    public void Folded_headers_are_unfolded_keeping_the_whitespace()
    {
        var message = Mail.Parse("Subject: a long\n subject\n\tline\nX-Empty:\n\nbody");

        Assert.Equal("a long subject\tline", message.Subject);
        Assert.Equal(string.Empty, message.Headers["X-Empty"]);
        Assert.Equal("a long subject\tline", message.Headers["subject"]);
    }

    [Fact]
    public void A_missing_closing_boundary_keeps_the_parts_and_records_a_problem()
    {
        var message = Mail.Parse("""
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain

            first
            --b
            Content-Type: text/plain

            second, to the end
            """);

        Assert.Equal(["first", "second, to the end"], message.Body.Children.Select(c => c.Text));
        Assert.Contains(MimeProblemCodes.BoundaryNotClosed, Mail.Codes(message));
    }

    [Fact]
    public void An_outer_boundary_closes_an_inner_multipart_that_never_closed()
    {
        var message = Mail.Parse("""
            Content-Type: multipart/mixed; boundary=outer

            --outer
            Content-Type: multipart/alternative; boundary=inner

            --inner
            Content-Type: text/plain

            inner text
            --outer
            Content-Type: text/plain

            sibling
            --outer--
            """);

        Assert.Equal(["multipart/alternative", "text/plain"], message.Body.Children.Select(c => c.ContentType.MimeType));
        Assert.Equal("inner text", message.Body.Children[0].Children.Single().Text);
        Assert.Equal("sibling", message.Body.Children[1].Text);
    }

    [Fact]
    public void A_child_reusing_its_parents_boundary_nests()
    {
        var message = Mail.Parse("""
            Content-Type: multipart/mixed; boundary="x"

            --x
            Content-Type: multipart/mixed; boundary="x"

            --x
            Content-Type: text/plain

            Hello world.
            """);

        Assert.Equal("Hello world.", message.Body.Children.Single().Children.Single().Text);
    }

    [Fact]
    public void Boundaries_that_are_prefixes_of_each_other_are_told_apart()
    {
        var message = Mail.Parse("""
            Content-Type: multipart/mixed; boundary="x"

            --x
            Content-Type: multipart/mixed; boundary="xy"

            --xy
            Content-Type: text/plain

            inner
            --xy--
            --x
            Content-Type: text/plain

            outer
            --x--
            """);

        Assert.Equal("inner", message.Body.Children[0].Children.Single().Text);
        Assert.Equal("outer", message.Body.Children[1].Text);
        Assert.Empty(message.Problems);
    }

    [Fact]
    public void A_multipart_without_boundary_is_one_text_part_with_a_problem()
    {
        var message = Mail.Parse("Content-Type: multipart/mixed; charset=utf-8\n\n--x\nsome text");

        Assert.Equal("text/plain", message.Body.ContentType.MimeType);
        Assert.Equal("--x\nsome text", message.Body.Text);
        Assert.Contains(MimeProblemCodes.BoundaryMissing, Mail.Codes(message));
    }

    [Fact]
    public void A_boundary_with_trailing_whitespace_still_counts()
    {
        var message = Mail.Parse("Content-Type: multipart/mixed; boundary=b\n\n--b  \nContent-Type: text/plain\n\nx\n--b--\t\n");

        Assert.Equal("x", message.Body.Children.Single().Text);
        Assert.Empty(message.Problems);
    }

    [Fact]
    public void A_message_inside_a_message_inside_a_message_is_read_with_each_ones_headers()
    {
        var message = Mail.Parse("""
            Subject: Fwd: Fwd: Interview
            Content-Type: message/rfc822

            Subject: Fwd: Interview
            Content-Type: multipart/mixed; boundary=m

            --m
            Content-Type: text/plain

            see below
            --m
            Content-Type: message/rfc822

            From: Recruiter <r@example.com>
            Subject: Interview
            Message-ID: <original@example.com>

            Original text.
            --m--
            """);

        var middle = message.Body.EmbeddedMessage!;
        var original = middle.Body.Children[1].EmbeddedMessage!;
        Assert.Equal("Fwd: Interview", middle.Subject);
        Assert.Equal("Interview", original.Subject);
        Assert.Equal("original@example.com", original.MessageId);
        Assert.Equal("Original text.", original.Body.Text);
        Assert.Equal(["text/plain", "message/rfc822", "text/plain"],
            message.Body.DescendantsAndSelf().Skip(1).Where(p => !p.IsMultipart).Select(p => p.ContentType.MimeType));
    }

    [Fact]
    public void A_base64_encoded_message_part_is_decoded_then_read()
    {
        var inner = Convert.ToBase64String("Subject: Inner\r\n\r\nInner body"u8.ToArray());
        var message = Mail.Parse($"Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n{inner}");

        Assert.Equal("Inner", message.Body.EmbeddedMessage!.Subject);
        Assert.Equal("Inner body", message.Body.EmbeddedMessage.Body.Text);
    }

    [Fact]
    public void Message_global_parts_are_embedded_messages_too()
    {
        var message = Mail.Parse("Content-Type: message/global\n\nSubject: Grüße\n\nText");

        Assert.Equal("Grüße", message.Body.EmbeddedMessage!.Subject);
    }

    [Fact]
    public void Eight_bit_junk_in_headers_reads_as_utf8_when_valid_and_windows_1252_otherwise()
    {
        var bytes = Mail.Latin1("Subject: Caf\u00e9 \u0093quoted\u0094\nX-Utf8: Gr\u00c3\u00bc\u00c3\u009fe\n\nbody");
        var message = MimeReader.Parse(bytes);

        Assert.Equal("Café “quoted”", message.Subject);
        Assert.Equal("Grüße", message.Headers["X-Utf8"]);
        Assert.Contains(message.Problems, p => p.Code == MimeProblemCodes.HeaderEightBit && p.Detail.StartsWith("Subject", StringComparison.Ordinal));
    }

    [Fact]
    public void A_utf8_body_labelled_latin1_reads_as_utf8_with_a_problem()
    {
        var message = Mail.Parse("Content-Type: text/plain; charset=iso-8859-1\n\nRésumé attached");

        Assert.Equal("Résumé attached", message.Body.Text);
        Assert.Contains(MimeProblemCodes.CharsetMismatch, Mail.Codes(message));
    }

    [Fact]
    public void A_latin1_body_labelled_utf8_reads_as_windows_1252_with_a_problem()
    {
        var message = MimeReader.Parse(Mail.Latin1("Content-Type: text/plain; charset=utf-8\n\nR\u00e9sum\u00e9 \u0096 attached"));

        Assert.Equal("Résumé – attached", message.Body.Text);
        Assert.Contains(MimeProblemCodes.CharsetMismatch, Mail.Codes(message));
    }

    [Fact]
    public void An_unknown_body_charset_reads_as_utf8_or_latin1_with_a_problem()
    {
        var message = Mail.Parse("Content-Type: text/plain; charset=x-klingon\n\nqapla’");

        Assert.Equal("qapla’", message.Body.Text);
        Assert.Contains(MimeProblemCodes.CharsetUnknown, Mail.Codes(message));
    }

    [Fact]
    public void Text_in_a_legacy_charset_is_decoded()
    {
        var bytes = System.Text.Encoding.GetEncoding("koi8-r").GetBytes("Собеседование");
        var head = System.Text.Encoding.ASCII.GetBytes("Content-Type: text/plain; charset=KOI8-R\r\n\r\n");
        var message = MimeReader.Parse([.. head, .. bytes]);

        Assert.Equal("Собеседование", message.Body.Text);
        Assert.Empty(message.Problems);
    }

    [Fact]
    public void Input_that_is_not_an_email_has_no_headers_and_keeps_its_text()
    {
        var message = Mail.Parse("Hello there, this is not an email.\nSecond line.");

        Assert.False(message.HasHeaders);
        Assert.Equal("Hello there, this is not an email.\nSecond line.", message.Body.Text);
    }

    [Fact]
    public void A_garbage_line_in_the_headers_that_reads_like_text_starts_the_body()
    {
        var message = Mail.Parse("Subject: hi\nthis line has no colon\n\nmore");

        Assert.Equal("hi", message.Subject);
        Assert.Equal("this line has no colon\n\nmore", message.Body.Text);
        Assert.Contains(MimeProblemCodes.HeaderGarbage, Mail.Codes(message));
    }

    [Fact]
    public void A_stray_word_free_line_is_a_broken_fold_but_a_run_of_them_is_a_body_that_lost_its_blank_line()
    {
        var fold = Mail.Parse("Message-ID: <very-long-id\n@example.com>\nSubject: kept\n\nbody");
        var body = Mail.Parse("Subject: hi\nContent-Transfer-Encoding: base64\nSGVs\nbG8s\nIHdv\ncmxk\n");

        Assert.Equal("very-long-id@example.com", fold.MessageId);
        Assert.Equal("kept", fold.Subject);
        Assert.Equal("base64", body.Body.TransferEncoding);
        Assert.Equal("Hello, world", body.Body.Text);
        Assert.All(body.Problems, p => Assert.Equal(MimeProblemCodes.HeaderGarbage, p.Code));
    }

    [Fact]
    public void Empty_input_reads_as_an_empty_message()
    {
        var message = MimeReader.Parse(ReadOnlySpan<byte>.Empty);

        Assert.False(message.HasHeaders);
        Assert.Equal(string.Empty, message.Body.Text);
    }

    [Fact]
    public void Message_ids_are_read_with_or_without_brackets()
    {
        var message = Mail.Parse("""
            Message-ID: abc123@example.com
            In-Reply-To: Your message of Monday <prev@example.com>
            References: <one@example.com>
             <two@example.com> (comment)
            	<three@exam
             ple.com>

            body
            """);

        Assert.Equal("abc123@example.com", message.MessageId);
        Assert.Equal("prev@example.com", message.InReplyTo);
        Assert.Equal(["one@example.com", "two@example.com", "three@example.com"], message.References.ToArray());
        Assert.Equal(["a@x", "b@y"], Mail.Parse("References: a@x b@y\n\nx").References.ToArray());
    }
}
