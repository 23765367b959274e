using FollowUpFlow.Inbound.Mime;

namespace FollowUpFlow.Inbound.Tests.Mime;

public sealed class ContentTypeTests
{
    private static MimePart Body(string headers) => Mail.Parse($"{headers}\n\nbody").Body;

    [Fact]
    public void Type_subtype_and_parameter_names_are_lower_case_and_values_unquoted()
    {
        var type = Body("Content-Type: Text/HTML; CharSet=\"UTF-8\"; Format=flowed (a comment)").ContentType;

        Assert.Equal("text/html", type.MimeType);
        Assert.Equal("UTF-8", type.Charset);
        Assert.Equal("flowed (a comment)", type.Parameters["format"]);
    }

    [Fact]
    public void Quoted_values_keep_semicolons_and_escaped_quotes()
    {
        var type = Body("Content-Type: application/pdf; name=\"a;b \\\"c\\\".pdf\"; x=1").ContentType;

        Assert.Equal("a;b \"c\".pdf", type.Parameters["name"]);
        Assert.Equal("1", type.Parameters["x"]);
    }

    [Fact]
    public void A_forgotten_semicolon_still_separates_parameters()
    {
        var type = Body("Content-Type: text/plain charset=iso-8859-1 format=flowed").ContentType;

        Assert.Equal("text/plain", type.MimeType);
        Assert.Equal("iso-8859-1", type.Charset);
        Assert.Equal("flowed", type.Parameters["format"]);
    }

    [Fact]
    public void Rfc_2231_continuations_with_charset_and_percent_encoding_are_joined_in_order()
    {
        var part = Body("""
            Content-Type: application/pdf;
             name*1*=%20Lebenslauf.pdf;
             name*0*=utf-8'de'J%C3%BCrgen
            Content-Disposition: attachment;
             filename*0*=iso-8859-1''J%FCrgen;
             filename*1=" CV";
             filename*2*=%2Epdf
            """);

        Assert.Equal("Jürgen Lebenslauf.pdf", part.ContentType.Parameters["name"]);
        Assert.Equal("Jürgen CV.pdf", part.FileName);
        Assert.Equal("attachment", part.Disposition);
    }

    [Fact]
    public void Rfc_2231_single_value_wins_over_the_plain_one()
    {
        var part = Body("Content-Disposition: attachment; filename=\"CV.pdf\"; filename*=UTF-8''%E5%B1%A5%E6%AD%B4%E6%9B%B8.pdf");

        Assert.Equal("履歴書.pdf", part.FileName);
    }

    [Fact]
    public void Rfc_2047_words_in_a_quoted_file_name_are_decoded()
    {
        var part = Body("Content-Type: application/pdf; name=\"=?UTF-8?B?Q1bigJNKw7xyZ2VuLnBkZg==?=\"");

        Assert.Equal("CV–Jürgen.pdf", part.FileName);
    }

    [Fact]
    public void The_file_name_falls_back_to_the_content_type_name()
    {
        var part = Body("Content-Type: image/png; name=\"photo.png\"\nContent-Disposition: inline");

        Assert.Equal("inline", part.Disposition);
        Assert.Equal("photo.png", part.FileName);
    }

    [Fact]
    public void An_unknown_rfc_2231_charset_is_a_problem_and_still_reads()
    {
        var message = Mail.Parse("Content-Type: text/plain; name*=x-nope''caf%C3%A9.txt\n\nbody");

        Assert.Equal("café.txt", message.Body.FileName);
        Assert.Contains(MimeProblemCodes.CharsetUnknown, Mail.Codes(message));
    }

    [Theory]
    [InlineData("Content-Type: text", "text/plain")]
    [InlineData("Content-Type: ; charset=utf-8", "text/plain")]
    [InlineData("Content-Type: image/", "application/octet-stream")]
    [InlineData("X-Other: 1", "text/plain")]
    public void Missing_or_broken_types_fall_back(string header, string expected)
    {
        Assert.Equal(expected, Body(header).ContentType.MimeType);
    }

    [Fact]
    public void Content_id_and_transfer_encoding_are_read()
    {
        var part = Body("Content-ID: <logo@example.com>\nContent-Transfer-Encoding: 8BIT");

        Assert.Equal("logo@example.com", part.ContentId);
        Assert.Equal("8bit", part.TransferEncoding);
        Assert.Equal("7bit", Body("X: y").TransferEncoding);
    }
}
