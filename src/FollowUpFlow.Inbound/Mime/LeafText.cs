using System.Buffers;
using System.Text;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>The text of a text/* leaf: its content decoded with the chosen encoding, CRLF line breaks turned into LF.</summary>
internal static class LeafText
{
    public static string Read(ReadOnlySpan<byte> content, Encoding encoding)
    {
        if (!MapsLineBreaksByByte(encoding))
        {
            return encoding.GetString(content).Replace("\r\n", "\n", StringComparison.Ordinal);
        }

        var crlf = content.IndexOf("\r\n"u8);
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
                crlf = rest.IndexOf("\r\n"u8);
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

    // ASCII, UTF-8, Windows-1252 and Latin-1: every CR and LF byte is that character and nothing else is.
    private static bool MapsLineBreaksByByte(Encoding encoding) => encoding.CodePage is 20127 or 65001 or 1252 or 28591;
}
