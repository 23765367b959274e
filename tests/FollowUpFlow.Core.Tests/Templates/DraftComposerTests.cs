using FollowUpFlow.Core.Templates;

namespace FollowUpFlow.Core.Tests.Templates;

public sealed class DraftComposerTests
{
    private static readonly Dictionary<string, string?> Values = new(StringComparer.OrdinalIgnoreCase)
    {
        ["company"] = "Acme",
        ["role"] = "Platform Engineer",
        ["recruiterName"] = null,
        ["signature"] = "Sam",
    };

    [Theory]
    [InlineData("{{role}} at {{company}}", "Platform Engineer at Acme")]
    [InlineData("{{ company }}", "Acme")]
    [InlineData("{{COMPANY}}", "Acme")]
    [InlineData("Hi {{recruiterName}}!", "Hi !")]
    [InlineData("{{unknown}} stays", "{{unknown}} stays")]
    [InlineData("{{}}", "{{}}")]
    [InlineData("{{ stray {{company}}", "{{ stray Acme")]
    [InlineData("{{{company}}}", "{Acme}")]
    [InlineData("no close {{company", "no close {{company")]
    [InlineData("}} {{company}} }}", "}} Acme }}")]
    [InlineData("", "")]
    public void Fills_known_placeholders_and_leaves_the_rest_visible(string template, string expected) =>
        Assert.Equal(expected, DraftComposer.Fill(template, Values));

    [Fact]
    public void A_missing_value_never_prints_null()
    {
        var filled = DraftComposer.Fill("{{recruiterName}}{{signature}}", new Dictionary<string, string?> { ["recruiterName"] = null, ["signature"] = null });

        Assert.Equal(string.Empty, filled);
    }

    [Fact]
    public void Values_are_not_expanded_again()
    {
        var values = new Dictionary<string, string?> { ["company"] = "{{signature}}", ["signature"] = "Sam" };

        Assert.Equal("{{signature}} / Sam", DraftComposer.Fill("{{company}} / {{signature}}", values));
    }

    [Fact]
    public void The_subject_is_one_header_safe_line_and_the_body_uses_lf()
    {
        var values = new Dictionary<string, string?> { ["company"] = "Acme\r\nBcc: all@example.org" };

        var message = DraftComposer.Compose(new MessageTemplate("  Hello   {{company}}\t", "\r\nLine 1\r\nLine 2\r\n\r\n"), values);

        Assert.Equal("Hello Acme Bcc: all@example.org", message.Subject);
        Assert.Equal("Line 1\nLine 2", message.Body);
    }
}
