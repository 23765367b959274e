using System.Text;
using FollowUpFlow.Inbound.Mime;

namespace FollowUpFlow.Inbound.Tests.Mime;

public sealed class TransferEncodingTests
{
    private static MimeMessage Part(string encoding, string content, string type = "text/plain; charset=utf-8") =>
        Mail.Parse($"Content-Type: {type}\nContent-Transfer-Encoding: {encoding}\n\n{content}");

    [Fact]
    public void Base64_across_lines_decodes()
    {
        Assert.Equal("Hello, interview on Monday!", Part("base64", "SGVsbG8sIGludGVydmll\ndyBvbiBNb25kYXkh").Body.Text);
    }

    [Fact]
    public void Base64_with_junk_characters_decodes_what_it_can_with_a_problem()
    {
        var message = Part("base64", "SGVs*bG8s!IHdv\ncmxk~");

        Assert.Equal("Hello, world", message.Body.Text);
        Assert.Contains(MimeProblemCodes.Base64Junk, Mail.Codes(message));
    }

    [Fact]
    public void Base64_without_padding_or_truncated_keeps_the_whole_bytes()
    {
        Assert.Equal("Hello", Part("base64", "SGVsbG8").Body.Text);
        Assert.Equal("Hel", Part("base64", "SGVsb").Body.Text);
    }

    [Fact]
    public void Base64_chunks_joined_after_padding_both_decode()
    {
        Assert.Equal("ab", Part("base64", "YQ==Yg==").Body.Text);
    }

    [Fact]
    public void Quoted_printable_soft_breaks_and_either_case_hex()
    {
        Assert.Equal("Café au lait, très bien", Part("quoted-printable", "Caf=c3=A9 au lait, tr=\n=C3=A8s bien").Body.Text);
    }

    [Fact]
    public void Quoted_printable_soft_break_with_trailing_whitespace_and_trailing_space_removal()
    {
        Assert.Equal("onetwo\nthree", Part("quoted-printable", "one=  \ntwo   \nthree").Body.Text);
    }

    [Fact]
    public void Quoted_printable_invalid_sequences_are_kept_literally()
    {
        var message = Part("quoted-printable", "100=% sure, a=b and =ZZ end=");

        Assert.Equal("100=% sure, a=b and =ZZ end", message.Body.Text);
        Assert.Contains(MimeProblemCodes.QuotedPrintableInvalid, Mail.Codes(message));
    }

    [Fact]
    public void Seven_eight_bit_and_binary_are_kept_as_is()
    {
        foreach (var encoding in new[] { "7bit", "8bit", "binary" })
        {
            Assert.Equal("Grüße", Part(encoding, "Grüße").Body.Text);
        }
    }

    [Fact]
    public void An_unknown_transfer_encoding_keeps_the_content_with_a_problem()
    {
        var message = Part("x-gzip64", "raw");

        Assert.Equal("raw", message.Body.Text);
        Assert.Contains(MimeProblemCodes.TransferEncodingUnknown, Mail.Codes(message));
    }

    [Fact]
    public void Uuencoded_content_decodes()
    {
        var message = Part("x-uuencode", "begin 644 cat.txt\n#0V%T\n`\nend", "application/octet-stream");

        Assert.Equal("Cat", Encoding.ASCII.GetString(message.Body.Content.Span));
    }

    [Fact]
    public void Identity_content_is_a_slice_of_the_input_not_a_copy()
    {
        var bytes = Mail.Crlf("Content-Type: application/octet-stream\n\n0123456789");
        var message = MimeReader.Parse(bytes.AsMemory());

        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(message.Body.Content, out var segment));
        Assert.Same(bytes, segment.Array);
    }
}
