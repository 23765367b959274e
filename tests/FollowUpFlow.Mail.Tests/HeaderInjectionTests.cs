using FollowUpFlow.Mail.Tests.Support;

namespace FollowUpFlow.Mail.Tests;

/// <summary>CR or LF in any header value would let a value start a header of its own.</summary>
public class HeaderInjectionTests
{
    [Theory]
    [InlineData("Thanks\r\nBcc: victim@example.com")]
    [InlineData("Thanks\nBcc: victim@example.com")]
    [InlineData("Thanks\r")]
    public void Subject_with_a_line_break_is_refused(string subject)
    {
        Assert.Throws<ArgumentException>(() => Messages.Sample() with { Subject = subject });
    }

    [Fact]
    public void Display_name_with_a_line_break_is_refused() =>
        Assert.Throws<ArgumentException>(() => new MailAddress("Jamie\r\nBcc: victim@example.com", "jamie@example.com"));

    [Theory]
    [InlineData("42\r\nBcc: victim@example.com")]
    [InlineData("42\n")]
    [InlineData("\r42")]
    public void Extra_header_value_with_a_line_break_is_refused(string value) =>
        Assert.Throws<ArgumentException>(() => new MessageHeader("X-FollowUpFlow-Draft-Id", value));

    [Theory]
    [InlineData("X-Draft\r\nBcc")]
    [InlineData("X Draft")]
    [InlineData("X-Draft:")]
    [InlineData("")]
    [InlineData("X-Dräft")]
    public void Invalid_extra_header_names_are_refused(string name) =>
        Assert.Throws<ArgumentException>(() => new MessageHeader(name, "42"));

    [Theory]
    [InlineData("Bcc")]
    [InlineData("subject")]
    [InlineData("Content-Disposition")]
    [InlineData("MESSAGE-ID")]
    public void Extra_headers_cannot_repeat_fields_the_writer_owns(string name) =>
        Assert.Throws<ArgumentException>(() => new MessageHeader(name, "x"));

    [Theory]
    [InlineData("<a@b>\r\nBcc: victim@example.com")]
    [InlineData("<a b@c>")]
    [InlineData("a@b")]
    public void Reply_ids_with_line_breaks_or_spaces_are_refused(string id)
    {
        Assert.Throws<ArgumentException>(() => Messages.Sample() with { InReplyTo = id });
        Assert.Throws<ArgumentException>(() => Messages.Sample() with { References = [id] });
    }

    [Fact]
    public void Message_id_must_have_the_generated_form() =>
        Assert.Throws<ArgumentException>(() => Messages.Sample() with { MessageId = "<a@b>\r\nX: y" });

    [Fact]
    public void A_message_needs_a_recipient() =>
        Assert.Throws<ArgumentException>(() => Messages.Sample() with { To = [] });

    [Fact]
    public void The_copied_lists_do_not_follow_later_changes_to_the_caller_list()
    {
        var to = new List<MailAddress> { new("a@example.com") };
        var message = Messages.Sample() with { To = to };
        to.Add(new MailAddress("b@example.com"));
        Assert.Single(message.To);
    }

    [Fact]
    public void ToString_does_not_reveal_the_body_or_subject()
    {
        var text = Messages.Sample().ToString();
        Assert.DoesNotContain("Thank you", text, StringComparison.Ordinal);
        Assert.Contains("draft-42", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_does_not_reveal_the_html_body_either()
    {
        var text = (Messages.Sample() with { HtmlBody = "<p>Secret wording</p>" }).ToString();
        Assert.DoesNotContain("Secret wording", text, StringComparison.Ordinal);
        Assert.DoesNotContain("HtmlBody", text, StringComparison.Ordinal);
        Assert.Contains("draft-42", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_body_is_optional_and_absent_by_default() =>
        Assert.Null(Messages.Sample().HtmlBody);

    [Fact]
    public void An_html_body_with_an_unpaired_surrogate_is_refused()
    {
        var refused = Assert.Throws<ArgumentException>(() => Messages.Sample() with { HtmlBody = "<p>broken \ud800</p>" });
        Assert.Equal("HtmlBody", refused.ParamName);
    }

    [Fact]
    public void An_html_body_longer_than_the_bound_is_refused()
    {
        var refused = Assert.Throws<ArgumentException>(() => Messages.Sample() with { HtmlBody = new string('x', OutgoingMessage.MaxHtmlBodyLength + 1) });
        Assert.Equal("HtmlBody", refused.ParamName);
        Assert.Equal(OutgoingMessage.MaxHtmlBodyLength, (Messages.Sample() with { HtmlBody = new string('x', OutgoingMessage.MaxHtmlBodyLength) }).HtmlBody!.Length);
    }

    [Fact]
    public void Two_messages_that_differ_only_in_their_html_body_are_not_equal() =>
        Assert.NotEqual(Messages.Sample() with { HtmlBody = "<p>a</p>" }, Messages.Sample() with { HtmlBody = "<p>b</p>" });
}
