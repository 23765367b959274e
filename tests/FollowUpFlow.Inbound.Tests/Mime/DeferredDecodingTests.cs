using System.Text;
using FollowUpFlow.Inbound.Mime;

namespace FollowUpFlow.Inbound.Tests.Mime;

/// <summary>Content and text are decoded when first read; what decoding them runs into is still a problem of the read.</summary>
public sealed class DeferredDecodingTests
{
    private static MimeMessage Part(string type, string encoding, string content) =>
        Mail.Parse($"Content-Type: {type}\nContent-Transfer-Encoding: {encoding}\n\n{content}");

    [Fact]
    public void Junk_in_a_base64_attachment_is_a_problem_before_its_content_is_read()
    {
        var message = Part("application/pdf", "base64", "JVBE*Ri0x\nLjQ!");

        Assert.Contains(MimeProblemCodes.Base64Junk, Mail.Codes(message));
        Assert.Equal("%PDF-1.4"u8.ToArray(), message.Body.Content.ToArray());
    }

    [Fact]
    public void Bad_quoted_printable_in_an_attachment_is_a_problem_before_its_content_is_read()
    {
        var message = Part("application/octet-stream", "quoted-printable", "a=3Db=ZZc=\nd");

        Assert.Contains(MimeProblemCodes.QuotedPrintableInvalid, Mail.Codes(message));
        Assert.Equal("a=b=ZZcd"u8.ToArray(), message.Body.Content.ToArray());
    }

    [Fact]
    public void Quoted_printable_text_with_8_bit_escapes_is_read_with_its_charset()
    {
        var message = Part("text/plain; charset=iso-8859-1", "quoted-printable", "caf=E9 =\nlatte\n");

        Assert.Equal("café latte\n", message.Body.Text);
    }

    [Fact]
    public void Reading_content_twice_gives_the_same_bytes_and_text_the_same_string()
    {
        var message = Part("text/plain; charset=utf-8", "base64", Convert.ToBase64String("Hello"u8.ToArray()));

        Assert.True(message.Body.Content.Span.SequenceEqual(message.Body.Content.Span));
        Assert.Same(message.Body.Text, message.Body.Text);
    }

    [Theory]
    [InlineData("utf-8", "é")]
    [InlineData("windows-1252", "é")]
    [InlineData("iso-8859-1", "é")]
    [InlineData("utf-16le", "ж")]
    [InlineData("koi8-r", "ж")]
    public void Crlf_becomes_lf_in_text_of_any_charset(string charset, string letter)
    {
        var encoding = charset == "utf-16le" ? Encoding.Unicode : CodePagesEncodingProvider.Instance.GetEncoding(charset) ?? Encoding.GetEncoding(charset);
        var bytes = encoding.GetBytes($"a{letter}\r\nb\r\r\nc\rd\n");

        var message = Part($"text/plain; charset={charset}", "base64", Convert.ToBase64String(bytes));

        Assert.Equal($"a{letter}\nb\r\nc\rd\n", message.Body.Text);
    }
}
