using System.Buffers;
using System.Buffers.Text;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>Base64 that decodes what it can: whitespace skipped, junk characters skipped (a problem), padding optional.</summary>
internal static class Base64Decoding
{
    private static readonly SearchValues<byte> Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"u8);

    // What base64 text may hold without a problem: the alphabet, padding and line breaks.
    private static readonly SearchValues<byte> Expected =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= \t\r\n"u8);

    public static ReadOnlyMemory<byte> Decode(ReadOnlySpan<byte> input, ReadContext context, string where)
    {
        var output = Decode(input, out var junk);
        ReportJunk(junk, context, where);
        return output;
    }

    /// <summary>Reports the problem <see cref="Decode(ReadOnlySpan{byte}, ReadContext, string)"/> would, without decoding.</summary>
    public static void Check(ReadOnlySpan<byte> input, ReadContext context, string where)
    {
        var junk = 0;
        var rest = input;
        for (var stop = rest.IndexOfAnyExcept(Expected); stop >= 0; stop = rest.IndexOfAnyExcept(Expected))
        {
            junk++;
            rest = rest[(stop + 1)..];
        }

        ReportJunk(junk, context, where);
    }

    /// <summary>
    /// Copies the runs of base64 characters together (vectorised), then decodes them in one go. Padding ends a run,
    /// so encodings joined after their padding decode too; a run that stops mid-quantum keeps its whole bytes.
    /// </summary>
    /// <param name="junk">How many characters that are neither base64 nor whitespace were skipped.</param>
    public static ReadOnlyMemory<byte> Decode(ReadOnlySpan<byte> input, out int junk)
    {
        junk = 0;
        var output = new byte[(input.Length / 4 * 3) + 3];
        var run = ArrayPool<byte>.Shared.Rent(input.Length);
        try
        {
            var runLength = 0;
            var written = 0;
            var rest = input;
            while (true)
            {
                var stop = rest.IndexOfAnyExcept(Alphabet);
                var take = stop < 0 ? rest.Length : stop;
                rest[..take].CopyTo(run.AsSpan(runLength));
                runLength += take;
                if (stop < 0)
                {
                    break;
                }

                var b = rest[stop];
                if (b == (byte)'=')
                {
                    written += DecodeRun(run.AsSpan(0, runLength), output.AsSpan(written));
                    runLength = 0;
                }
                else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    junk++;
                }

                rest = rest[(stop + 1)..];
            }

            written += DecodeRun(run.AsSpan(0, runLength), output.AsSpan(written));
            return output.AsMemory(0, written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(run);
        }
    }

    private static void ReportJunk(int junk, ReadContext context, string where)
    {
        if (junk > 0)
        {
            context.Report(MimeProblemCodes.Base64Junk, $"{where}: {junk} characters that are not base64 were skipped");
        }
    }

    // Whole quanta decode as they are; 2 or 3 characters left over still carry 1 or 2 bytes; 1 carries none.
    private static int DecodeRun(ReadOnlySpan<byte> run, Span<byte> output)
    {
        var whole = run.Length & ~3;
        Base64.DecodeFromUtf8(run[..whole], output, out _, out var written);
        var tail = run[whole..];
        if (tail.Length < 2)
        {
            return written;
        }

        // By hand: the strict decoder refuses a final quantum whose unused bits are not zero.
        var first = Value(tail[0]);
        var second = Value(tail[1]);
        output[written++] = (byte)((first << 2) | (second >> 4));
        if (tail.Length == 3)
        {
            output[written++] = (byte)(((second & 15) << 4) | (Value(tail[2]) >> 2));
        }

        return written;
    }

    private static int Value(byte c) => c switch
    {
        >= (byte)'A' and <= (byte)'Z' => c - 'A',
        >= (byte)'a' and <= (byte)'z' => c - 'a' + 26,
        >= (byte)'0' and <= (byte)'9' => c - '0' + 52,
        (byte)'+' => 62,
        _ => 63,
    };
}
