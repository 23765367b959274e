using System.Text;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>One message of an mbox: its "From " separator line and its bytes (">From " lines unquoted).</summary>
internal readonly record struct MboxEntry(string FromLine, ReadOnlyMemory<byte> Message);

/// <summary>
/// Splits an mbox at lines starting with "From ". A Content-Length header is believed when it lands on the next
/// separator (or the end), so a body holding an unquoted "From " line stays whole; otherwise the next separator ends it.
/// </summary>
internal static class MboxSplitter
{
    public static IEnumerable<MboxEntry> Split(ReadOnlyMemory<byte> mbox)
    {
        var start = mbox.Span.StartsWith("\uFEFF"u8) ? 3 : 0;
        var marker = FindSeparator(mbox.Span, start);
        while (marker >= 0)
        {
            var (entry, next) = ReadEntry(mbox, marker);
            yield return entry;
            marker = next;
        }
    }

    private static (MboxEntry Entry, int Next) ReadEntry(ReadOnlyMemory<byte> mbox, int marker)
    {
        var data = mbox.Span;
        var newline = data[marker..].IndexOf((byte)'\n');
        var messageStart = newline < 0 ? data.Length : marker + newline + 1;
        var fromLine = Encoding.Latin1.GetString(data[marker..(newline < 0 ? data.Length : marker + newline)].TrimEnd("\r"u8));

        int messageEnd;
        int next;
        if (ContentLengthEnd(data, messageStart) is { } end)
        {
            messageEnd = end;
            next = FindSeparator(data, end);
        }
        else
        {
            next = FindSeparator(data, messageStart);
            messageEnd = next < 0 ? data.Length : TrimSeparatorBlankLine(data, messageStart, next);
        }

        return (new MboxEntry(fromLine, MboxQuoting.Unquote(mbox[messageStart..messageEnd])), next);
    }

    /// <summary>The first line at or after <paramref name="from"/> (a line start) that begins with "From ", or -1.</summary>
    private static int FindSeparator(ReadOnlySpan<byte> data, int from)
    {
        if (from >= data.Length)
        {
            return -1;
        }

        if (data[from..].StartsWith("From "u8))
        {
            return from;
        }

        var found = data[from..].IndexOf("\nFrom "u8);
        return found < 0 ? -1 : from + found + 1;
    }

    // The blank line in front of a separator belongs to the separator.
    private static int TrimSeparatorBlankLine(ReadOnlySpan<byte> data, int start, int separator)
    {
        var end = separator;
        if (end > start && data[end - 1] == (byte)'\n')
        {
            end--;
            if (end > start && data[end - 1] == (byte)'\r')
            {
                end--;
            }
        }

        return end;
    }

    /// <summary>Where the body ends by the Content-Length header, when that lands on a separator or the end; else null.</summary>
    private static int? ContentLengthEnd(ReadOnlySpan<byte> data, int messageStart)
    {
        var pos = messageStart;
        int? length = null;
        while (pos < data.Length)
        {
            var newline = data[pos..].IndexOf((byte)'\n');
            var lineEnd = newline < 0 ? data.Length : pos + newline;
            var line = data[pos..lineEnd].TrimEnd("\r"u8);
            pos = newline < 0 ? data.Length : lineEnd + 1;
            if (line.IsEmpty || line.StartsWith("From "u8))
            {
                // The end of the headers, or the next message already (this one has no body).
                break;
            }

            if (line.Length > 15 && Ascii.EqualsIgnoreCase(line[..15], "Content-Length:"u8) &&
                int.TryParse(line[15..].Trim(" \t"u8), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                length = value;
            }
        }

        if (length is not { } bodyLength || bodyLength > data.Length - pos)
        {
            return null;
        }

        var end = pos + bodyLength;
        var after = end;
        for (var newlines = 0; newlines < 2 && after < data.Length; newlines++)
        {
            if (data[after] == (byte)'\n')
            {
                after++;
            }
            else if (data[after] == (byte)'\r' && after + 1 < data.Length && data[after + 1] == (byte)'\n')
            {
                after += 2;
            }
            else
            {
                break;
            }
        }

        return after == data.Length || data[after..].StartsWith("From "u8) ? end : null;
    }
}
