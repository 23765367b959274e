using System.Text;

namespace FollowUpFlow.Inbound.Understanding;

/// <summary>
/// The part of a long body the pattern finders need: its opening (greeting and first paragraph), its end (the
/// signature) and every line between that holds one of the finder's keywords. An agenda or a pasted job
/// description in the middle cannot name the company or the role in the ways the patterns look for.
/// </summary>
internal static class RelevantLines
{
    private const int Head = 900;
    private const int Tail = 700;

    public static string Select(string text, PhraseSearch keywords)
    {
        if (text.Length <= Head + Tail)
        {
            return text;
        }

        var headEnd = text.LastIndexOf('\n', Head);
        headEnd = headEnd < 0 ? Head : headEnd;
        var tailStart = text.IndexOf('\n', text.Length - Tail);
        tailStart = tailStart < 0 ? text.Length - Tail : tailStart;
        var builder = new StringBuilder(Head + Tail + 1024);
        builder.Append(text, 0, headEnd).Append('\n');

        // One search over the middle finds every keyword; each line holding one is kept, once, in order.
        var middleStart = headEnd + 1;
        var keptUpTo = middleStart;
        foreach (var (at, _) in keywords.Hits(text.AsSpan(middleStart, Math.Max(0, tailStart - middleStart))))
        {
            var position = middleStart + at;
            if (position < keptUpTo)
            {
                continue; // another keyword on a line already kept
            }

            var lineStart = text.LastIndexOf('\n', position - 1, position - middleStart) + 1;
            lineStart = Math.Max(lineStart, middleStart);
            var lineEnd = text.IndexOf('\n', position, tailStart - position);
            lineEnd = lineEnd < 0 ? tailStart : lineEnd;
            builder.Append(text, lineStart, lineEnd - lineStart).Append('\n');
            keptUpTo = lineEnd + 1;
        }

        return builder.Append(text, tailStart, text.Length - tailStart).ToString();
    }
}
