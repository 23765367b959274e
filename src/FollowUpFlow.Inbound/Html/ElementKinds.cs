namespace FollowUpFlow.Inbound.Html;

/// <summary>How an element lays out as text. Names are lower case.</summary>
internal static class ElementKinds
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

    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    // Closed implicitly by their next sibling, so an unclosed run of them does not nest.
    private static readonly HashSet<string> SelfEnding = new(StringComparer.Ordinal)
    {
        "p", "li", "td", "th", "tr", "dt", "dd", "option", "thead", "tbody", "tfoot", "colgroup", "rp", "rt",
    };

    /// <summary>Elements whose content is not shown (or not text).</summary>
    public static bool IsDropped(string name) => Dropped.Contains(name);

    /// <summary>An element that opens and closes a paragraph (a blank line on both sides), or a line of its own.</summary>
    public static void Edge(string name, PlainTextWriter writer)
    {
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
    }

    /// <summary>Whether a start tag of this element makes what follows one level deeper.</summary>
    public static bool Nests(string name) => !Void.Contains(name) && !SelfEnding.Contains(name);
}
