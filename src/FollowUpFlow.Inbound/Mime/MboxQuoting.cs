namespace FollowUpFlow.Inbound.Mime;

/// <summary>mboxrd quoting: a body line "&gt;From " (any number of "&gt;") was written with one "&gt;" more than it has.</summary>
internal static class MboxQuoting
{
    public static ReadOnlyMemory<byte> Unquote(ReadOnlyMemory<byte> message)
    {
        var data = message.Span;
        if (FindQuoted(data, 0) < 0)
        {
            return message;
        }

        var output = new byte[data.Length];
        var length = 0;
        var copied = 0;
        for (var line = FindQuoted(data, 0); line >= 0; line = FindQuoted(data, line + 1))
        {
            data[copied..line].CopyTo(output.AsSpan(length));
            length += line - copied;
            copied = line + 1;
        }

        data[copied..].CopyTo(output.AsSpan(length));
        length += data.Length - copied;
        return output.AsMemory(0, length);
    }

    /// <summary>The start of the next line at or after <paramref name="from"/> that is "&gt;...&gt;From ", or -1.</summary>
    private static int FindQuoted(ReadOnlySpan<byte> data, int from)
    {
        var lineStart = from;
        if (from > 0)
        {
            var found = data[from..].IndexOf("\n>"u8);
            if (found < 0)
            {
                return -1;
            }

            lineStart = from + found + 1;
        }

        while (true)
        {
            var rest = data[lineStart..];
            var quotes = rest.IndexOfAnyExcept((byte)'>');
            if (quotes > 0 && rest[quotes..].StartsWith("From "u8))
            {
                return lineStart;
            }

            var found = rest.IndexOf("\n>"u8);
            if (found < 0)
            {
                return -1;
            }

            lineStart += found + 1;
        }
    }
}
