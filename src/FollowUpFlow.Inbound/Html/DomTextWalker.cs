using AngleSharp.Dom;

namespace FollowUpFlow.Inbound.Html;

/// <summary>Writes the text of a parsed document, depth first with an explicit stack (no recursion on deep trees).</summary>
internal static class DomTextWalker
{
    private const int Enter = -1;
    private const int LeaveNonLink = -2;

    public static void Write(INode root, PlainTextWriter writer)
    {
        // Each entry is a node to enter, or an element to leave; a link being left carries where its text started.
        var stack = new Stack<(INode Node, int LinkStart)>();
        stack.Push((root, Enter));
        var preformatted = 0;
        while (stack.Count > 0)
        {
            var (node, linkStart) = stack.Pop();
            if (linkStart != Enter)
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
                if (ElementKinds.IsDropped(element.LocalName) || IsHidden(element))
                {
                    continue;
                }

                EnterElement(element, writer, ref preformatted);
                stack.Push((element, element.LocalName == "a" ? writer.Length : LeaveNonLink));
            }

            // ChildNodes indexes in constant time; walking PreviousSibling searches the parent each step.
            var children = node.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push((children[i], Enter));
            }
        }
    }

    private static void EnterElement(IElement element, PlainTextWriter writer, ref int preformatted)
    {
        var name = element.LocalName;
        if (name == "br")
        {
            writer.Break();
            return;
        }

        ElementKinds.Edge(name, writer);
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
        if (linkStart >= 0)
        {
            LinkAddress.Write(element.GetAttribute("href"), writer.Since(linkStart).Trim(), writer);
        }

        ElementKinds.Edge(name, writer);
        if (name == "pre")
        {
            preformatted--;
        }
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
