using FollowUpFlow.Inbound.Html;

namespace FollowUpFlow.Inbound.Tests.Mime;

public sealed class HtmlTextTests
{
    [Fact]
    public void Blocks_and_line_breaks_become_lines()
    {
        var text = HtmlText.ToText("<div>Hello Jane,</div><div>Your interview is confirmed.<br>Monday 10:00</div><p>Best,<br/>Sam</p>");

        Assert.Equal("Hello Jane,\nYour interview is confirmed.\nMonday 10:00\n\nBest,\nSam", text);
    }

    [Fact]
    public void List_items_get_a_dash_and_table_cells_spaces()
    {
        var text = HtmlText.ToText("""
            <ul><li>Coding</li><li>System design</li></ul>
            <table><tr><th>When</th><th>Who</th></tr><tr><td>10:00</td><td>Ana</td></tr></table>
            """);

        Assert.Equal("- Coding\n- System design\n\nWhen Who\n10:00 Ana", text);
    }

    [Fact]
    public void A_meeting_link_behind_anchor_text_comes_out_as_a_visible_address()
    {
        var text = HtmlText.ToText("""
            <p><a href="https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0">Join the meeting now</a></p>
            <p><a href="https://us02web.zoom.us/j/123456789?pwd=abc">Click here</a> or
            <a href="https://meet.google.com/abc-defg-hij"><img src="x.png"></a></p>
            """);

        Assert.Contains("Join the meeting now (https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0)", text, StringComparison.Ordinal);
        Assert.Contains("Click here (https://us02web.zoom.us/j/123456789?pwd=abc)", text, StringComparison.Ordinal);
        Assert.Contains("https://meet.google.com/abc-defg-hij", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_whose_text_is_its_address_is_written_once()
    {
        Assert.Equal("See https://example.com/jobs now", HtmlText.ToText("See <a href=\"https://example.com/jobs/\">https://example.com/jobs</a> now"));
        Assert.Equal("Mail jane@example.com", HtmlText.ToText("Mail <a href=\"mailto:jane@example.com?subject=hi\">jane@example.com</a>"));
        Assert.Equal("Mail me (jane@example.com)", HtmlText.ToText("Mail <a href=\"mailto:jane@example.com\">me</a>"));
        Assert.Equal("Top", HtmlText.ToText("<a href=\"#top\">Top</a>"));
    }

    [Fact]
    public void Script_style_head_and_hidden_elements_are_dropped_and_entities_decoded()
    {
        var text = HtmlText.ToText("""
            <html><head><title>Title</title><style>p { color: red }</style></head>
            <body><script>alert("x")</script><span style="display: none">preheader</span>
            <p>Caf&eacute; &amp; tea&nbsp;&#8211; 10&nbsp;am &lt;sharp&gt;</p></body></html>
            """);

        Assert.Equal("Café & tea – 10 am <sharp>", text);
    }

    [Fact]
    public void Whitespace_collapses_except_in_pre()
    {
        Assert.Equal("a b c\n\n  x  y\n  z", HtmlText.ToText("<p>a\n\n   b\t c</p><pre>  x  y\n  z</pre>"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<html></html>")]
    [InlineData("<!-- only a comment -->")]
    public void Empty_html_is_empty_text(string html)
    {
        Assert.Equal(string.Empty, HtmlText.ToText(html));
    }

    [Fact]
    public void Broken_markup_never_leaks_tags()
    {
        var text = HtmlText.ToText("<p>unclosed <b>bold <i>both</p> after </b></i> <a href='x'>link");

        Assert.Equal("unclosed bold both\n\nafter link (x)", text);
    }

    [Fact]
    public void Markup_nested_thousands_deep_is_read_in_linear_time_with_its_links()
    {
        var deep = string.Concat(Enumerable.Repeat("<div><b>", 50_000)) +
            "Interview &amp; <i>chat</i><br>at 10:00 <a href=\"https://teams.microsoft.com/l/x\">Join</a><script>x()</script>";
        var started = System.Diagnostics.Stopwatch.StartNew();

        var text = HtmlText.ToText(deep);

        Assert.Equal("Interview & chat\nat 10:00 Join (https://teams.microsoft.com/l/x)", text);
        Assert.True(started.ElapsedMilliseconds < 2_000, $"took {started.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Can_be_used_from_many_threads_at_once()
    {
        var results = Enumerable.Range(0, 64).AsParallel().Select(i => HtmlText.ToText($"<p>message {i}</p>")).ToList();

        Assert.Equal(Enumerable.Range(0, 64).Select(i => $"message {i}"), results);
    }
}
