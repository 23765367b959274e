using System.Text;
using FollowUpFlow.Inbound.Mime;

namespace FollowUpFlow.Inbound.Tests.Mime;

public sealed class MboxTests
{
    private static List<MimeMessage> Read(string mbox) => [.. MimeReader.ReadMbox(Encoding.UTF8.GetBytes(mbox))];

    [Fact]
    public void Messages_are_split_at_from_lines_and_quoted_from_lines_are_unquoted()
    {
        var messages = Read("""
            From alice@example.com Mon Jun  3 12:50:27 1996
            Subject: one

            >From the start of a line.
            >>From stays quoted once.

            From bob@example.com Tue Jun  4 08:00:00 1996
            Subject: two

            second
            """);

        Assert.Equal(["one", "two"], messages.Select(m => m.Subject));
        Assert.Equal("From the start of a line.\n>From stays quoted once.\n", messages[0].Body.Text);
        Assert.Equal("From alice@example.com Mon Jun  3 12:50:27 1996", messages[0].MboxFromLine);
        Assert.Equal("second", messages[1].Body.Text);
    }

    [Fact]
    public void A_fitting_content_length_keeps_an_unquoted_from_line_in_the_body()
    {
        const string body = "line one\nFrom here on it is still the body.\n";
        var messages = Read($"From a\nSubject: one\nContent-Length: {body.Length}\n\n{body}\nFrom b\nSubject: two\n\nsecond\n");

        Assert.Equal(["one", "two"], messages.Select(m => m.Subject));
        Assert.Equal(body, messages[0].Body.Text);
    }

    [Fact]
    public void A_content_length_that_does_not_fit_is_ignored()
    {
        var messages = Read("From a\nSubject: one\nContent-Length: 5\n\nfirst body\n\nFrom b\nSubject: two\n\nsecond\n");

        Assert.Equal(["one", "two"], messages.Select(m => m.Subject));
        Assert.Equal("first body\n", messages[0].Body.Text);
    }

    [Fact]
    public void A_byte_order_mark_and_text_before_the_first_separator_are_skipped()
    {
        var messages = Read("\uFEFFjunk\nFrom a\r\nSubject: one\r\n\r\nbody\r\n");

        Assert.Equal("one", Assert.Single(messages).Subject);
        Assert.Equal("From a", messages[0].MboxFromLine);
    }

    [Fact]
    public void An_empty_mbox_has_no_messages()
    {
        Assert.Empty(Read(string.Empty));
        Assert.Empty(Read("no separator here"));
    }
}
