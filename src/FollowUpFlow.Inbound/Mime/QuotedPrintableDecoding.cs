using System.Buffers;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>Quoted-printable (RFC 2045 6.7): soft line breaks, either-case hex; an invalid "=" sequence stays as written.</summary>
internal static class QuotedPrintableDecoding
{
    // Between these, bytes are copied as they are (in vectorised runs).
    private static readonly SearchValues<byte> Special = SearchValues.Create("=\r\n"u8);

    public static ReadOnlyMemory<byte> Decode(ReadOnlySpan<byte> input, ReadContext context, string where)
    {
        var output = new byte[input.Length];
        var length = 0;
        var invalid = 0;
        var i = 0;
        while (i < input.Length)
        {
            var stop = input[i..].IndexOfAny(Special);
            var end = stop < 0 ? input.Length : i + stop;
            var run = input[i..end];
            if (stop < 0 || input[end] != (byte)'=')
            {
                // Trailing whitespace on a line is transport padding and is dropped.
                run = run.TrimEnd(" \t"u8);
            }

            run.CopyTo(output.AsSpan(length));
            length += run.Length;
            i = end;
            if (stop < 0)
            {
                break;
            }

            if (input[i] != (byte)'=')
            {
                output[length++] = input[i++];
                continue;
            }

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
                output[length++] = (byte)'=';
                i++;
            }
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
