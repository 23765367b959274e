namespace FollowUpFlow.Inbound.Mime;

/// <summary>Quoted-printable (RFC 2045 6.7): soft line breaks, either-case hex; an invalid "=" sequence stays as written.</summary>
internal static class QuotedPrintableDecoding
{
    public static ReadOnlyMemory<byte> Decode(ReadOnlySpan<byte> input, ReadContext context, string where)
    {
        var output = new byte[input.Length];
        var length = 0;
        var invalid = 0;
        var i = 0;
        while (i < input.Length)
        {
            var b = input[i];
            if (b == (byte)'=')
            {
                if (i + 2 < input.Length && Hex.TryByte(input[i + 1], input[i + 2], out var value))
                {
                    output[length++] = value;
                    i += 3;
                    continue;
                }

                var j = SkipBlanks(input, i + 1);
                if (j == input.Length)
                {
                    i = j;
                }
                else if (input[j] == (byte)'\n')
                {
                    i = j + 1;
                }
                else if (input[j] == (byte)'\r' && j + 1 < input.Length && input[j + 1] == (byte)'\n')
                {
                    i = j + 2;
                }
                else
                {
                    invalid++;
                    output[length++] = b;
                    i++;
                }

                continue;
            }

            if (b is (byte)' ' or (byte)'\t')
            {
                // Trailing whitespace on a line is transport padding and is dropped.
                var j = SkipBlanks(input, i);
                if (j < input.Length && input[j] is not ((byte)'\r' or (byte)'\n'))
                {
                    input[i..j].CopyTo(output.AsSpan(length));
                    length += j - i;
                }

                i = j;
                continue;
            }

            output[length++] = b;
            i++;
        }

        if (invalid > 0)
        {
            context.Report(MimeProblemCodes.QuotedPrintableInvalid, $"{where}: {invalid} \"=\" not followed by two hex digits or a line break were kept as written");
        }

        return output.AsMemory(0, length);
    }

    private static int SkipBlanks(ReadOnlySpan<byte> input, int from)
    {
        while (from < input.Length && input[from] is (byte)' ' or (byte)'\t')
        {
            from++;
        }

        return from;
    }
}
