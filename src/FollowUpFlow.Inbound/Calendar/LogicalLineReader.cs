using System.Text;

namespace FollowUpFlow.Inbound.Calendar;

/// <summary>
/// Reads unfolded content lines (RFC 5545 3.1): CRLF, LF or a lone CR ends a physical line, and a physical line
/// starting with a space or tab continues the previous one. Skips a leading BOM and blank lines.
/// </summary>
internal sealed class LogicalLineReader
{
    private readonly string text;
    private readonly int length;
    private readonly ProblemLog problems;
    private readonly StringBuilder folded = new();
    private int position;
    private int count;

    public LogicalLineReader(string text, ProblemLog problems)
    {
        this.text = text;
        this.problems = problems;
        length = text.Length;
        if (length > CalendarLimits.MaxInputChars)
        {
            problems.Add($"The calendar is longer than {CalendarLimits.MaxInputChars} characters; only the start is read.");
            length = CalendarLimits.MaxInputChars;
        }

        position = length > 0 && text[0] == '\uFEFF' ? 1 : 0;
    }

    /// <summary>The 1-based number of the last line read, for problems.</summary>
    public int LineNumber => count;

    public bool TryRead(out string line)
    {
        line = string.Empty;
        while (position < length)
        {
            // A run of line breaks is a run of empty lines: skipped in one go.
            while (position < length && text[position] is '\r' or '\n')
            {
                position++;
            }

            if (position == length)
            {
                break;
            }

            var start = position;
            var end = EndOfPhysicalLine(start);
            var folded = position < length && IsFold(text[position]);
            if (!folded && IsBlank(start, end))
            {
                continue;
            }

            if (count == CalendarLimits.MaxLines)
            {
                problems.Add($"More than {CalendarLimits.MaxLines} content lines; the rest are not read.");
                position = length;
                break;
            }

            line = folded ? Unfold(start, end) : text[start..end];
            count++;
            return true;
        }

        return false;
    }

    private string Unfold(int start, int end)
    {
        folded.Clear().Append(text, start, end - start);
        while (position < length && IsFold(text[position]))
        {
            var continuation = position + 1;
            var continuationEnd = EndOfPhysicalLine(continuation);
            folded.Append(text, continuation, continuationEnd - continuation);
        }

        return folded.ToString();
    }

    /// <summary>Finds where the physical line starting at <paramref name="start"/> ends and moves past its line break.</summary>
    private int EndOfPhysicalLine(int start)
    {
        var remaining = text.AsSpan(start, length - start);
        var offset = remaining.IndexOfAny('\r', '\n');
        if (offset < 0)
        {
            position = length;
            return length;
        }

        var end = start + offset;
        position = text[end] == '\r' && end + 1 < length && text[end + 1] == '\n' ? end + 2 : end + 1;
        return end;
    }

    private bool IsBlank(int start, int end) => text.AsSpan(start, end - start).IsWhiteSpace();

    private static bool IsFold(char c) => c is ' ' or '\t';
}
