namespace FollowUpFlow.Inbound.Mime;

/// <summary>Reads RFC 5322 / MIME messages and mbox files. Never throws on bad input: problems are recorded on the message.</summary>
public static class MimeReader
{
    /// <summary>Reads one message (CRLF or bare LF line endings).</summary>
    public static MimeMessage Parse(ReadOnlySpan<byte> data, MimeLimits? limits = null)
    {
        var maxBytes = Math.Max(0, (limits ?? MimeLimits.Default).MaxBytes);
        // Parts keep slices of the input, so it is copied once; never more of it than will be read.
        var copy = data.Length > maxBytes ? data[..maxBytes].ToArray() : data.ToArray();
        return Read(copy, data.Length, limits);
    }

    /// <summary>Reads one message; the parts' content is sliced from <paramref name="data"/> where no decoding is needed.</summary>
    public static MimeMessage Parse(ReadOnlyMemory<byte> data, MimeLimits? limits = null) => Read(data, data.Length, limits);

    /// <summary>Reads each message of an mbox ("From " separator lines, "&gt;From " unquoting, Content-Length believed when it fits).</summary>
    public static IEnumerable<MimeMessage> ReadMbox(ReadOnlyMemory<byte> mbox, MimeLimits? limits = null)
    {
        foreach (var entry in MboxSplitter.Split(mbox))
        {
            var message = Parse(entry.Message, limits);
            message.MboxFromLine = entry.FromLine;
            yield return message;
        }
    }

    private static MimeMessage Read(ReadOnlyMemory<byte> data, int originalLength, MimeLimits? limits)
    {
        var context = new ReadContext(limits ?? MimeLimits.Default);
        var maxBytes = Math.Max(0, context.Limits.MaxBytes);
        if (originalLength > maxBytes)
        {
            context.ExceedLimit($"MaxBytes ({maxBytes}) exceeded: the message has {originalLength} bytes; only the first {maxBytes} were read");
            data = data[..Math.Min(maxBytes, data.Length)];
        }

        if (data.Span.StartsWith("\uFEFF"u8))
        {
            data = data[3..];
        }

        return MimeTreeReader.Read(data, context, depth: 0, problemStart: 0);
    }
}
