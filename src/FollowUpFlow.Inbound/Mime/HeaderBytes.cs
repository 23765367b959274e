using System.Buffers;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>Turns the bytes of a header field value into text: unfolds it and decodes stray 8-bit bytes.</summary>
internal static class HeaderBytes
{
    /// <summary>
    /// Removes the line breaks of folding (keeping the whitespace after them), decodes ASCII as is, 8-bit bytes as UTF-8
    /// when valid and as Windows-1252 otherwise (a problem), and trims surrounding whitespace.
    /// </summary>
    public static string DecodeValue(ReadOnlySpan<byte> raw, string fieldName, ReadContext context)
    {
        if (raw.IndexOfAny((byte)'\r', (byte)'\n') < 0)
        {
            return Decode(raw.Trim(" \t"u8), fieldName, context);
        }

        var rented = ArrayPool<byte>.Shared.Rent(raw.Length);
        try
        {
            var length = 0;
            foreach (var b in raw)
            {
                if (b is not ((byte)'\r' or (byte)'\n'))
                {
                    rented[length++] = b;
                }
            }

            return Decode(rented.AsSpan(0, length).Trim(" \t"u8), fieldName, context);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static string Decode(ReadOnlySpan<byte> bytes, string fieldName, ReadContext context)
    {
        var text = Charsets.DecodeUnlabelled(bytes, out var usedFallback);
        if (usedFallback)
        {
            context.Report(MimeProblemCodes.HeaderEightBit, $"{fieldName}: 8-bit bytes that are not UTF-8, read as Windows-1252");
        }

        return text;
    }
}
