using FollowUpFlow.Inbound.Mime;

namespace FollowUpFlow.Inbound.Tests.Mime;

/// <summary>MimeKit's single test messages with unusual structure: all read, several checked part by part.</summary>
public sealed class MessagesCorpusTests
{
    public static TheoryData<string> Files => [.. Corpora.MessageFiles.Select(f => Path.GetFileName(f))];

    private static MimeMessage Read(string name) => MimeReader.Parse(File.ReadAllBytes(Corpora.Message(name)).AsMemory());

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_message_reads_without_throwing_and_has_headers_and_a_body(string name)
    {
        var message = Read(name);

        Assert.True(message.HasHeaders);
        Assert.NotNull(message.Body);
        Assert.Null(message.LimitExceeded);
        Assert.NotNull(MessageText.GetBodyText(message) ?? string.Empty);
    }

    [Fact]
    public void The_corpus_is_there()
    {
        Assert.True(Files.Count >= 30, $"only {Files.Count} messages in {Corpora.MimeKit}");
    }

    [Fact]
    public void Digest_children_without_a_content_type_are_messages()
    {
        var message = Read("multipart-digest.txt");

        var digest = Assert.IsType<MimeMessage>(message.Body.EmbeddedMessage).Body;
        Assert.Equal("multipart/digest", digest.ContentType.MimeType);
        Assert.Equal(2, digest.Children.Length);
        Assert.All(digest.Children, child => Assert.Equal("message/rfc822", child.ContentType.MimeType));
        Assert.Equal(["m1", "m2"], digest.Children.Select(c => c.EmbeddedMessage!.Subject));
        Assert.Equal("m2 header", digest.Children[1].Headers["X-Mime"]);
    }

    [Fact]
    public void A_type_without_subtype_reads_as_octet_stream_keeping_its_parameters()
    {
        var message = Read("missing-subtype.txt");

        Assert.Equal("application/octet-stream", message.Body.ContentType.MimeType);
        Assert.Equal("document.xml.gz", message.Body.ContentType.Parameters["name"]);
        Assert.Equal("document.xml.gz", message.Body.FileName);
        Assert.Contains(MimeProblemCodes.ContentTypeInvalid, Mail.Codes(message));
    }

    [Fact]
    public void An_empty_multipart_ends_at_its_parents_boundary_and_its_sibling_stays_a_sibling()
    {
        var message = Read("empty-multipart.txt");

        Assert.Equal("multipart/mixed", message.Body.ContentType.MimeType);
        Assert.Equal(["multipart/alternative", "text/plain"], message.Body.Children.Select(c => c.ContentType.MimeType));
        Assert.Empty(message.Body.Children[0].Children);
        Assert.StartsWith("This part should be on the same level", message.Body.Children[1].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("delivery-status.txt")]
    [InlineData("delivery-status-no-blank-line.txt")]
    public void A_delivery_report_keeps_its_status_and_the_returned_message(string name)
    {
        var message = Read(name);

        Assert.Equal("multipart/report", message.Body.ContentType.MimeType);
        Assert.Equal("delivery-status", message.Body.ContentType.Parameters["report-type"]);
        Assert.Equal(["message/delivery-status", "message/rfc822"], message.Body.Children.Select(c => c.ContentType.MimeType));
        Assert.Contains("Final-Recipient: RFC822; newsletter-request@imusic.com", System.Text.Encoding.ASCII.GetString(message.Body.Children[0].Content.Span), StringComparison.Ordinal);
        var returned = Assert.IsType<MimeMessage>(message.Body.Children[1].EmbeddedMessage);
        Assert.Equal("unsubscribe", returned.Subject);
        Assert.Equal("31FC7EB4.41C6@netscape.com", returned.MessageId);
        Assert.Equal("96Jul29.013736-0700pdt.148116-12799+675@mm1.sprynet.com", Assert.Single(returned.References));
        Assert.Equal("unsubscribe", returned.Body.Text);
        // "To: unlisted-recipients:; (no To-header on input)" is an empty group.
        Assert.Empty(message.To);
    }

    [Fact]
    public void A_delivery_status_with_blank_lines_between_its_fields_is_one_part()
    {
        var message = Read("delivery-status-multiple-blank-lines.txt");

        Assert.Equal(["text/plain", "message/delivery-status"], message.Body.Children.Select(c => c.ContentType.MimeType));
        Assert.Contains("Diagnostic-Code:smtp;550", System.Text.Encoding.ASCII.GetString(message.Body.Children[1].Content.Span), StringComparison.Ordinal);
        Assert.Contains(MimeProblemCodes.BoundaryNotClosed, Mail.Codes(message));
    }

    [Fact]
    public void A_bounce_holds_the_bounced_message_with_its_alternative_body()
    {
        var message = Read("bounce.txt");

        var bounced = Assert.IsType<MimeMessage>(message.Body.Children[2].EmbeddedMessage);
        Assert.Equal("multipart/alternative", bounced.Body.ContentType.MimeType);
        Assert.Equal(["text/plain", "text/html"], bounced.Body.Children.Select(c => c.ContentType.MimeType));
    }

    [Fact]
    public void A_japanese_subject_in_iso_2022_jp_words_is_decoded()
    {
        var message = Read("japanese.txt");

        Assert.Equal("日本語メールテスト (testing Japanese emails)", message.Subject);
        Assert.Contains("日本語が", message.Body.Text, StringComparison.Ordinal);
        Assert.Equal("Atsushi Eno", message.From.Single().Name);
    }

    [Fact]
    public void Thousands_of_encoded_words_in_an_address_list_read_quickly_within_the_limits()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var message = Read("stack-overflow.txt");

        Assert.True(started.ElapsedMilliseconds < 1000, $"took {started.ElapsedMilliseconds} ms");
        Assert.Equal(new MailboxAddress("test", "test@test.com"), message.To[0]);
        Assert.Equal("Message Subject", message.Subject);
        Assert.Equal("Message Body", message.Body.Text!.Trim());
        Assert.Contains(MimeProblemCodes.AddressUnreadable, Mail.Codes(message));
        Assert.Null(message.LimitExceeded);
    }

    [Fact]
    public void Imap_part_numbering_sample_nests_messages_in_multiparts()
    {
        var message = Read("rfc2060.txt");

        var parts = message.Body.Children;
        Assert.Equal(["text/plain", "application/octet-stream", "message/rfc822", "multipart/mixed"], parts.Select(c => c.ContentType.MimeType));
        Assert.Equal("This part specifier should be: 3", parts[2].EmbeddedMessage!.Subject);
        var inner = parts[3].Children[1].EmbeddedMessage!;
        Assert.Equal("This part specifier should be: 4.2", inner.Subject);
        Assert.Equal(["text/plain", "text/richtext"], inner.Body.Children[1].Children.Select(c => c.ContentType.MimeType));
        Assert.Equal("This part specifier should be: 4.2.2.2", inner.Body.Children[1].Children[1].Text!.Trim());
    }

    [Fact]
    public void A_badly_folded_header_does_not_end_the_headers()
    {
        var message = Read("issue358.txt");

        Assert.Equal("multipart/alternative", message.Body.ContentType.MimeType);
        Assert.Contains(MimeProblemCodes.HeaderGarbage, Mail.Codes(message));
    }

    [Fact]
    public void A_byte_order_mark_in_front_of_the_headers_is_skipped()
    {
        var message = Read("feedback-report.txt");

        Assert.Equal("multipart/report", message.Body.ContentType.MimeType);
        Assert.Equal(new MailboxAddress(null, "abusedesk@example.com"), message.From.Single());
        Assert.Equal("message/feedback-report", message.Body.Children[1].ContentType.MimeType);
    }

    [Fact]
    public void Html_in_related_parts_reads_as_text()
    {
        var message = Read("multipart-related-mhtml.txt");

        Assert.Equal(["image/png", "text/html"], message.Body.Children.Select(c => c.ContentType.MimeType));
        var text = MessageText.GetBodyText(message);
        Assert.NotNull(text);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_epilogue_is_not_a_part()
    {
        var message = Read("epilogue.txt");

        Assert.Equal(["text/plain", "application/postscript"], message.Body.Children.Select(c => c.ContentType.MimeType));
        Assert.DoesNotContain("Newt", MessageText.GetBodyText(message), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("body.1.txt", "This is the text body.")]
    [InlineData("body.2.txt", "This is an html body.")]
    [InlineData("body.3.txt", "This is the text body.")]
    [InlineData("body.4.txt", "This is an html body.")]
    [InlineData("body.5.txt", "This is the text body.")]
    [InlineData("body.6.txt", "This is the text body.")]
    [InlineData("body.7.txt", "This is the text body.")]
    [InlineData("body.8.txt", "This is the text body.\n\nThis is some html text but is not the body.")]
    [InlineData("body.9.txt", "This is an html body.\n\nThis is some plain text but is not the body.")]
    public void Body_text_prefers_plain_alternatives_and_joins_inline_mixed_parts(string name, string expected)
    {
        Assert.Equal(expected, MessageText.GetBodyText(Read(name)));
    }
}
