using System.Buffers;
using System.Text;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>The text of a text/* leaf: its content decoded with the chosen encoding, CRLF line breaks turned into LF.</summary>
internal static class LeafText
{
    /// <param name="trimmed">Whether the text is wanted trimmed (as <see cref="string.Trim()"/> does).</param>
    public static string Read(ReadOnlySpan<byte> content, Encoding encoding, bool trimmed)
    {
        if (!MapsLineBreaksByByte(encoding))
        {
            var text = encoding.GetString(content).Replace("\r\n", "\n", StringComparison.Ordinal);
            return trimmed ? text.Trim() : text;
        }

        // Whitespace bytes at the ends are whitespace characters here: trimming them first saves a copy of the text.
        return trimmed ? Read(content.Trim(" \t\r\n\v\f"u8), encoding).Trim() : Read(content, encoding);
    }

    private static string Read(ReadOnlySpan<byte> content, Encoding encoding)
    {

        var crlf = CrlfAt(content);
        if (crlf < 0)
        {
            return encoding.GetString(content);
        }

        // CR and LF are single bytes in these encodings, so the CRs go before decoding: one string, no second copy.
        var buffer = ArrayPool<byte>.Shared.Rent(content.Length);
        try
        {
            var length = 0;
            var rest = content;
            while (crlf >= 0)
            {
                rest[..crlf].CopyTo(buffer.AsSpan(length));
                length += crlf;
                rest = rest[(crlf + 1)..];
                crlf = CrlfAt(rest);
            }

            rest.CopyTo(buffer.AsSpan(length));
            length += rest.Length;
            return encoding.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Searching for the CR alone is much faster than for the pair; a CR without LF is rare.
    private static int CrlfAt(ReadOnlySpan<byte> bytes)
    {
        var from = 0;
        while (true)
        {
            var cr = bytes[from..].IndexOf((byte)'\r');
            if (cr < 0)
            {
                return -1;
            }

            from += cr + 1;
            if (from < bytes.Length && bytes[from] == (byte)'\n')
            {
                return from - 1;
            }
        }
    }

    // ASCII, UTF-8, Windows-1252 and Latin-1: every CR and LF byte is that character and nothing else is.
    private static bool MapsLineBreaksByByte(Encoding encoding) => encoding.CodePage is 20127 or 65001 or 1252 or 28591;
}
