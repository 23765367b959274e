using System.Text;
using FollowUpFlow.Inbound.Mime;
using FollowUpFlow.Mail.Tests.Support;

namespace FollowUpFlow.Mail.Tests;

/// <summary>Written messages read back by the project's own MIME reader (FollowUpFlow.Inbound), as a receiving program would.</summary>
public class MimeReaderRoundTripTests
{
    public static TheoryData<string, string> Bodies => new()
    {
        { "Hi Jamie,\r\n\r\nThank you.\r\n", "<p>Hi Jamie,</p>\r\n<p>Thank you.</p>\r\n" },
        { "Schöne Grüße aus München!\r\nÀ bientôt, 東京 🎉", "<p>Schöne Grüße aus München!</p>\r\n<p>À bientôt, 東京 🎉</p>" },
        { new string('t', 2000) + "\r\nend", "<p>" + string.Concat(Enumerable.Repeat("lange Zeile mit Umlauten äöü ", 120)) + "</p>\r\n" },
        { "Trailing spaces   \r\n.\r\nFrom me\r\n", "<pre>Trailing tab\t\r\n=3D is not an escape, ==</pre>  " },
        { "--=_FollowUpFlow_\r\n--\r\n", "--=_FollowUpFlow_x\r\n" },
        { "", "" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void The_text_and_html_parts_come_back_exactly(string text, string html)
    {
        var message = Messages.Sample() with { Subject = "Grüße nach dem Interview", TextBody = text, HtmlBody = html };

        var read = MimeReader.Parse(RfcMessageWriter.WriteBytes(message).AsSpan());

        Assert.Empty(read.Problems);
        Assert.Null(read.LimitExceeded);
        Assert.Equal(message.Subject, read.Subject);
        Assert.Equal("draft-42@followupflow.local", read.MessageId);
        Assert.True(read.Body.IsMultipart);
        Assert.Equal("multipart/alternative", read.Body.ContentType.MimeType);
        Assert.Equal(2, read.Body.Children.Length);

        var (plain, rich) = (read.Body.Children[0], read.Body.Children[1]);
        Assert.Equal("text/plain", plain.ContentType.MimeType);
        Assert.Equal("text/html", rich.ContentType.MimeType);
        Assert.All(read.Body.Children, part => Assert.Equal("utf-8", part.ContentType.Charset));

        // The decoded octets are exactly the UTF-8 of the CRLF body; the reader's Text turns CRLF into LF.
        Assert.Equal(Encoding.UTF8.GetBytes(text), plain.Content.ToArray());
        Assert.Equal(Encoding.UTF8.GetBytes(html), rich.Content.ToArray());
        Assert.Equal(text.Replace("\r\n", "\n", StringComparison.Ordinal), plain.Text);
        Assert.Equal(html.Replace("\r\n", "\n", StringComparison.Ordinal), rich.Text);
    }

    [Fact]
    public void A_message_without_an_html_body_reads_back_as_one_text_plain_part()
    {
        var message = Messages.Sample();

        var read = MimeReader.Parse(RfcMessageWriter.WriteBytes(message).AsSpan());

        Assert.Empty(read.Problems);
        Assert.False(read.Body.IsMultipart);
        Assert.Equal("text/plain", read.Body.ContentType.MimeType);
        Assert.Equal(Encoding.UTF8.GetBytes(message.TextBody), read.Body.Content.ToArray());
    }

    [Fact]
    public async Task The_eml_file_the_outbox_writes_for_an_html_message_reads_back_with_both_parts()
    {
        using var folder = new TempFolder();
        var transport = new FileOutboxTransport(
            Microsoft.Extensions.Options.Options.Create(new FileOutboxOptions { Folder = folder.Path }),
            new ManualTimeProvider(Messages.SampleDate),
            new ListLogger<FileOutboxTransport>());
        var message = Messages.Sample() with { HtmlBody = "<p>Thank you for your time today.</p>\r\n" };

        var result = await transport.SendAsync(message, CancellationToken.None);

        var read = MimeReader.Parse((await File.ReadAllBytesAsync(result.Location)).AsMemory());
        Assert.Empty(read.Problems);
        Assert.Equal(["text/plain", "text/html"], read.Body.Children.Select(c => c.ContentType.MimeType));
        Assert.Equal(Encoding.UTF8.GetBytes(message.TextBody), read.Body.Children[0].Content.ToArray());
        Assert.Equal(Encoding.UTF8.GetBytes(message.HtmlBody!), read.Body.Children[1].Content.ToArray());
    }
}
