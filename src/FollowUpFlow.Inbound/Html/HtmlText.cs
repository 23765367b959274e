using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace FollowUpFlow.Inbound.Html;

/// <summary>
/// Readable text of an HTML body: blocks and &lt;br&gt; become line breaks, list items "- ", table cells spaces and rows
/// lines, links "text (url)" when the address is not already the text; script, style, head and hidden elements dropped.
/// </summary>
public static class HtmlText
{
    // HtmlParser is not thread-safe; one per thread is reused (creating one costs more than parsing a small body).
    [ThreadStatic]
    private static HtmlParser? parser;

    /// <summary>The text of <paramref name="html"/>; never markup. Empty for empty input.</summary>
    public static string ToText(string html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        var writer = new PlainTextWriter();
        if (HtmlTagScanner.IsDeeplyNested(html))
        {
            HtmlTagScanner.Write(html, writer);
        }
        else
        {
            parser ??= new HtmlParser();
            using var document = parser.ParseDocument(html);
            DomTextWalker.Write((INode?)document.Body ?? document.DocumentElement, writer);
        }

        return writer.ToString().Trim();
    }
}
