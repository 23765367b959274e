using System.Collections.Immutable;

namespace FollowUpFlow.Inbound.Forwards;

/// <summary>A line of a body (without its line break) and where it starts, so callers can cut the text at line boundaries.</summary>
internal readonly record struct TextLine(string Source, int Start, int Length)
{
    /// <summary>The line, without copying it.</summary>
    public ReadOnlySpan<char> Span => Source.AsSpan(Start, Length);

    public string Text => Source.Substring(Start, Length);
}

internal static class TextLines
{
    public static ImmutableArray<TextLine> Split(string text)
    {
        var lines = ImmutableArray.CreateBuilder<TextLine>();
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            var stop = end < 0 ? text.Length : end;
            var length = stop - start;
            while (length > 0 && text[start + length - 1] == '\r')
            {
                length--;
            }

            lines.Add(new TextLine(text, start, length));
            if (end < 0)
            {
                break;
            }

            start = end + 1;
        }

        return lines.ToImmutable();
    }
}
