using System.Net;

namespace FollowUpFlow.Inbound.Html;

/// <summary>
/// Reads HTML tag by tag without building a tree. A tree builder spends time proportional to the nesting depth on each
/// element, so markup nested thousands deep is read here instead, in one linear pass.
/// </summary>
internal static class HtmlTagScanner
{
    /// <summary>Deeper than this (counting only elements that really nest), the tree builder is not used.</summary>
    public const int MaxNesting = 400;

    public static bool IsDeeplyNested(string html)
    {
        var depth = 0;
        for (var lt = html.IndexOf('<', StringComparison.Ordinal); lt >= 0; lt = html.IndexOf('<', lt + 1))
        {
            var tag = Tag.Read(html, lt);
            if (tag.Name is null)
            {
                continue;
            }

            if (tag.IsEnd)
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (!tag.IsSelfClosing && ElementKinds.Nests(tag.Name) && ++depth > MaxNesting)
            {
                return true;
            }

            lt = tag.End - 1;
        }

        return false;
    }

    public static void Write(string html, PlainTextWriter writer)
    {
        string? linkHref = null;
        var linkStart = -1;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            var textEnd = lt < 0 ? html.Length : lt;
            if (textEnd > i)
            {
                writer.Write(WebUtility.HtmlDecode(html[i..textEnd]), preformatted: false);
            }

            if (lt < 0)
            {
                break;
            }

            if (html.AsSpan(lt).StartsWith("<!--"))
            {
                var close = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = close < 0 ? html.Length : close + 3;
                continue;
            }

            var tag = Tag.Read(html, lt);
            if (tag.Name is null)
            {
                writer.Write("<", preformatted: false);
                i = lt + 1;
                continue;
            }

            i = tag.End;
            if (!tag.IsEnd && ElementKinds.IsDropped(tag.Name))
            {
                i = SkipContent(html, i, tag.Name);
                continue;
            }

            if (tag.Name == "br")
            {
                writer.Break();
                continue;
            }

            ElementKinds.Edge(tag.Name, writer);
            if (tag.Name == "li" && !tag.IsEnd)
            {
                writer.WriteLiteral("- ", spaceBefore: false);
            }
            else if (tag.Name == "a" && !tag.IsEnd)
            {
                linkHref = tag.Attribute(html, "href");
                linkStart = writer.Length;
            }
            else if (tag.Name == "a" && linkStart >= 0)
            {
                LinkAddress.Write(linkHref, writer.Since(linkStart).Trim(), writer);
                linkStart = -1;
            }
        }
    }

    private static int SkipContent(string html, int from, string name)
    {
        var close = html.IndexOf("</" + name, from, StringComparison.OrdinalIgnoreCase);
        if (close < 0)
        {
            return html.Length;
        }

        var gt = html.IndexOf('>', close);
        return gt < 0 ? html.Length : gt + 1;
    }

    /// <summary>A tag: its lower-case name (null when "&lt;" starts no tag), whether it ends or closes itself, and where it ends.</summary>
    private readonly record struct Tag(string? Name, bool IsEnd, bool IsSelfClosing, int AttributesStart, int End)
    {
        public static Tag Read(string html, int lt)
        {
            var i = lt + 1;
            var isEnd = i < html.Length && html[i] == '/';
            if (isEnd)
            {
                i++;
            }

            var nameStart = i;
            while (i < html.Length && char.IsAsciiLetterOrDigit(html[i]))
            {
                i++;
            }

            if (i == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                return new Tag(null, false, false, lt, lt + 1);
            }

            var name = html[nameStart..i].ToLowerInvariant();
            var attributesStart = i;
            char quote = default;
            for (; i < html.Length; i++)
            {
                var c = html[i];
                if (quote != default)
                {
                    quote = c == quote ? default : quote;
                }
                else if (c is '"' or '\'')
                {
                    quote = c;
                }
                else if (c == '>')
                {
                    return new Tag(name, isEnd, html[i - 1] == '/', attributesStart, i + 1);
                }
            }

            return new Tag(name, isEnd, false, attributesStart, html.Length);
        }

        public string? Attribute(string html, string attribute)
        {
            var attributes = html.AsSpan(AttributesStart, End - AttributesStart);
            var at = attributes.IndexOf(attribute, StringComparison.OrdinalIgnoreCase);
            while (at >= 0)
            {
                var i = at + attribute.Length;
                while (i < attributes.Length && char.IsWhiteSpace(attributes[i]))
                {
                    i++;
                }

                if (i < attributes.Length && attributes[i] == '=' && (at == 0 || !char.IsAsciiLetterOrDigit(attributes[at - 1])))
                {
                    return Value(attributes[(i + 1)..].TrimStart());
                }

                var next = attributes[(at + 1)..].IndexOf(attribute, StringComparison.OrdinalIgnoreCase);
                at = next < 0 ? -1 : at + 1 + next;
            }

            return null;
        }

        private static string Value(ReadOnlySpan<char> rest)
        {
            if (rest.Length > 0 && rest[0] is '"' or '\'')
            {
                var close = rest[1..].IndexOf(rest[0]);
                return WebUtility.HtmlDecode((close < 0 ? rest[1..] : rest[1..(close + 1)]).ToString());
            }

            var end = rest.IndexOfAny(" \t\r\n>");
            return WebUtility.HtmlDecode((end < 0 ? rest : rest[..end]).ToString());
        }
    }
}
