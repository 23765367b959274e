using System.Collections.Immutable;

namespace FollowUpFlow.Inbound.Forwards;

/// <summary>A line of a body and where it starts, so callers can cut the text at line boundaries.</summary>
internal readonly record struct TextLine(int Start, string Text);

internal static class TextLines
{
    public static ImmutableArray<TextLine> Split(string text)
    {
        var lines = ImmutableArray.CreateBuilder<TextLine>();
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                lines.Add(new TextLine(start, text[start..].TrimEnd('\r')));
                break;
            }

            lines.Add(new TextLine(start, text[start..end].TrimEnd('\r')));
            start = end + 1;
        }

        return lines.ToImmutable();
    }
}
