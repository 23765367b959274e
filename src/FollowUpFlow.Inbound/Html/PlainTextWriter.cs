using System.Text;

namespace FollowUpFlow.Inbound.Html;

/// <summary>
/// Builds readable text the way a browser lays out flow content: whitespace runs collapse to one space, block edges
/// become line breaks (at most one blank line), and nothing is written at the start or end but text.
/// </summary>
internal sealed class PlainTextWriter
{
    private readonly StringBuilder text = new();
    private int pendingBreaks;
    private bool pendingSpace;

    public int Length => text.Length;

    /// <summary>Text of a text node; whitespace collapses unless <paramref name="preformatted"/>.</summary>
    public void Write(string data, bool preformatted)
    {
        foreach (var c in data)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD' or '\u034F' or '\r')
            {
                continue;
            }

            if (preformatted && c == '\n')
            {
                Break();
            }
            else if (char.IsWhiteSpace(c) && !preformatted)
            {
                pendingSpace = true;
            }
            else
            {
                Append(c);
            }
        }
    }

    /// <summary>Text that is not from the document (a list bullet, a link's address): written as is, after what is pending.</summary>
    public void WriteLiteral(string literal, bool spaceBefore)
    {
        pendingSpace |= spaceBefore;
        foreach (var c in literal)
        {
            Append(c);
        }
    }

    /// <summary>A &lt;br&gt;: each one counts, up to one blank line.</summary>
    public void Break() => pendingBreaks = Math.Min(pendingBreaks + 1, 2);

    /// <summary>The edge of a block: the next text starts on a new line.</summary>
    public void EndLine() => pendingBreaks = Math.Max(pendingBreaks, 1);

    /// <summary>The edge of a paragraph or heading: a blank line before the next text.</summary>
    public void EndParagraph() => pendingBreaks = 2;

    /// <summary>Between table cells and the like: the next text is separated by a space.</summary>
    public void Space() => pendingSpace = true;

    /// <summary>The text written since <paramref name="start"/> (a <see cref="Length"/> taken earlier).</summary>
    public string Since(int start) => text.ToString(start, text.Length - start);

    public override string ToString() => text.ToString();

    private void Append(char c)
    {
        if (text.Length > 0 && pendingBreaks > 0)
        {
            while (text.Length > 0 && text[^1] == ' ')
            {
                text.Length--;
            }

            text.Append('\n', pendingBreaks);
        }
        else if (pendingSpace && text.Length > 0 && text[^1] is not (' ' or '\n'))
        {
            text.Append(' ');
        }

        pendingBreaks = 0;
        pendingSpace = false;
        text.Append(c);
    }
}
