using System.Buffers;
using System.Text;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>Quoted-printable (RFC 2045 6.7): soft line breaks, either-case hex; an invalid "=" sequence stays as written.</summary>
internal static class QuotedPrintableDecoding
{
    // Between these, bytes are copied as they are (in vectorised runs).
    private static readonly SearchValues<byte> Special = SearchValues.Create("=\r\n"u8);

    private enum Escape
    {
        Byte,
        SoftBreak,
        Invalid,
    }

    public static ReadOnlyMemory<byte> Decode(ReadOnlySpan<byte> input, ReadContext context, string where)
    {
        var output = Decode(input, out var invalid);
        ReportInvalid(invalid, context, where);
        return output;
    }

    /// <summary>Reports the problem <see cref="Decode(ReadOnlySpan{byte}, ReadContext, string)"/> would, without decoding.</summary>
    /// <returns>True when the decoded bytes are all ASCII.</returns>
    public static bool Check(ReadOnlySpan<byte> input, ReadContext context, string where)
    {
        var ascii = Ascii.IsValid(input);
        var invalid = 0;
        var i = 0;
        for (var stop = input.IndexOf((byte)'='); stop >= 0; stop = input[i..].IndexOf((byte)'='))
        {
            switch (ReadEscape(input, i + stop, out var value, out i))
            {
                case Escape.Byte:
                    ascii &= value < 0x80;
                    break;
                case Escape.Invalid:
                    invalid++;
                    break;
            }
        }

        ReportInvalid(invalid, context, where);
        return ascii;
    }

    /// <param name="invalid">How many "=" were kept as written.</param>
    public static ReadOnlyMemory<byte> Decode(ReadOnlySpan<byte> input, out int invalid)
    {
        var output = new byte[input.Length];
        return output.AsMemory(0, Decode(input, output, out invalid));
    }

    /// <summary>Decodes into <paramref name="output"/> (at least as long as the input); returns the decoded length.</summary>
    public static int Decode(ReadOnlySpan<byte> input, Span<byte> output, out int invalid)
    {
        var length = 0;
        invalid = 0;
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

            run.CopyTo(output[length..]);
            length += run.Length;
            if (stop < 0)
            {
                break;
            }

            if (input[end] != (byte)'=')
            {
                output[length++] = input[end];
                i = end + 1;
                continue;
            }

            switch (ReadEscape(input, end, out var value, out i))
            {
                case Escape.Byte:
                    output[length++] = value;
                    break;
                case Escape.Invalid:
                    invalid++;
                    output[length++] = (byte)'=';
                    break;
            }
        }

        return length;
    }

    /// <summary>What the "=" at <paramref name="at"/> starts; <paramref name="next"/> is where reading goes on.</summary>
    private static Escape ReadEscape(ReadOnlySpan<byte> input, int at, out byte value, out int next)
    {
        value = 0;
        if (at + 2 < input.Length && Hex.TryByte(input[at + 1], input[at + 2], out value))
        {
            next = at + 3;
            return Escape.Byte;
        }

        var j = SkipBlanks(input, at + 1);
        if (j == input.Length)
        {
            next = j;
            return Escape.SoftBreak;
        }

        if (input[j] == (byte)'\n')
        {
            next = j + 1;
            return Escape.SoftBreak;
        }

        if (input[j] == (byte)'\r' && j + 1 < input.Length && input[j + 1] == (byte)'\n')
        {
            next = j + 2;
            return Escape.SoftBreak;
        }

        next = at + 1;
        return Escape.Invalid;
    }

    private static void ReportInvalid(int invalid, ReadContext context, string where)
    {
        if (invalid > 0)
        {
            context.Report(MimeProblemCodes.QuotedPrintableInvalid, $"{where}: {invalid} \"=\" not followed by two hex digits or a line break were kept as written");
        }
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
