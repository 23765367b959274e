using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace FollowUpFlow.Inbound.Html;

/// <summary>
/// Readable text of an HTML body: blocks and &lt;br&gt; become line breaks, list items "- ", table cells spaces and rows
/// lines, links "text (url)" when the address is not already the text; script, style, head and hidden elements dropped.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "script", "style", "head", "title", "template", "noscript", "svg", "math", "object", "iframe", "select", "button",
    };

    private static readonly HashSet<string> Paragraphs = new(StringComparer.Ordinal)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "dl", "pre", "hr",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "div", "li", "tr", "dt", "dd", "section", "article", "header", "footer", "nav", "aside", "main", "address",
        "figure", "figcaption", "form", "fieldset", "legend", "center", "caption", "thead", "tbody", "tfoot", "details", "summary",
    };

    private static readonly string[] AddressPrefixes = ["https://", "http://", "mailto:", "www."];

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

        parser ??= new HtmlParser();
        using var document = parser.ParseDocument(html);
        var root = (INode?)document.Body ?? document.DocumentElement;
        var writer = new PlainTextWriter();
        Walk(root, writer);
        return writer.ToString().Trim();
    }

    // Depth-first with an explicit stack: hostile nesting cannot overflow the call stack.
    private static void Walk(INode root, PlainTextWriter writer)
    {
        var stack = new Stack<(INode Node, int LinkStart)>();
        stack.Push((root, -1));
        var preformatted = 0;
        while (stack.Count > 0)
        {
            var (node, linkStart) = stack.Pop();
            if (linkStart != -1)
            {
                Leave((IElement)node, linkStart, writer, ref preformatted);
                continue;
            }

            if (node is IText text)
            {
                writer.Write(text.Data, preformatted > 0);
                continue;
            }

            if (node is IElement element)
            {
                if (Dropped.Contains(element.LocalName) || IsHidden(element))
                {
                    continue;
                }

                Enter(element, writer, ref preformatted);
                // Leaving is pushed first so it runs after the children; -2 marks "leave, no link".
                stack.Push((element, element.LocalName == "a" ? writer.Length : -2));
            }

            for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
            {
                stack.Push((child, -1));
            }
        }
    }

    private static void Enter(IElement element, PlainTextWriter writer, ref int preformatted)
    {
        var name = element.LocalName;
        if (name == "br")
        {
            writer.Break();
        }
        else if (Paragraphs.Contains(name))
        {
            writer.EndParagraph();
        }
        else if (Blocks.Contains(name))
        {
            writer.EndLine();
        }
        else if (name is "td" or "th")
        {
            writer.Space();
        }

        if (name == "li")
        {
            writer.WriteLiteral("- ", spaceBefore: false);
        }
        else if (name == "pre")
        {
            preformatted++;
        }
    }

    private static void Leave(IElement element, int linkStart, PlainTextWriter writer, ref int preformatted)
    {
        var name = element.LocalName;
        if (name == "a" && linkStart >= 0)
        {
            WriteLinkAddress(element, writer.Since(linkStart).Trim(), writer);
        }

        if (Paragraphs.Contains(name))
        {
            writer.EndParagraph();
        }
        else if (Blocks.Contains(name))
        {
            writer.EndLine();
        }
        else if (name is "td" or "th")
        {
            writer.Space();
        }

        if (name == "pre")
        {
            preformatted--;
        }
    }

    // The address of a link is kept when the reader could not see it: "Join the meeting (https://teams...)".
    private static void WriteLinkAddress(IElement link, string linkText, PlainTextWriter writer)
    {
        var href = link.GetAttribute("href")?.Trim();
        if (string.IsNullOrEmpty(href) || href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var shown = href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? href["mailto:".Length..].Split('?')[0] : href;
        if (linkText.Length == 0)
        {
            if (MeetingLinks.IsMeetingLink(href))
            {
                writer.WriteLiteral(shown, spaceBefore: true);
            }

            return;
        }

        if (!SameAddress(linkText, shown))
        {
            writer.WriteLiteral($"({shown})", spaceBefore: true);
        }
    }

    private static bool SameAddress(string text, string url) =>
        string.Equals(Bare(text), Bare(url), StringComparison.OrdinalIgnoreCase);

    private static string Bare(string url)
    {
        var bare = url.Trim();
        foreach (var prefix in AddressPrefixes)
        {
            if (bare.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                bare = bare[prefix.Length..];
            }
        }

        return bare.TrimEnd('/');
    }

    private static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden"))
        {
            return true;
        }

        var style = element.GetAttribute("style");
        if (string.IsNullOrEmpty(style))
        {
            return false;
        }

        var compact = style.Replace(" ", string.Empty, StringComparison.Ordinal);
        return compact.Contains("display:none", StringComparison.OrdinalIgnoreCase) || compact.Contains("mso-hide:all", StringComparison.OrdinalIgnoreCase);
    }
}
