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

        var builder = new StringBuilder(Head + Tail + 1024);
        var headEnd = text.LastIndexOf('\n', Head);
        headEnd = headEnd < 0 ? Head : headEnd;
        var tailStart = text.IndexOf('\n', text.Length - Tail);
        tailStart = tailStart < 0 ? text.Length - Tail : tailStart;
        builder.Append(text, 0, headEnd).Append('\n');
        var start = headEnd + 1;
        while (start < tailStart)
        {
            var end = text.IndexOf('\n', start, tailStart - start);
            end = end < 0 ? tailStart : end;
            var line = text.AsSpan(start, end - start);
            if (keywords.AnyIn(line))
            {
                builder.Append(line).Append('\n');
            }

            start = end + 1;
        }

        return builder.Append(text, tailStart, text.Length - tailStart).ToString();
    }
}
