using System.Buffers.Text;
using System.Buffers;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>Base64 that decodes what it can: whitespace skipped, junk characters skipped (a problem), padding optional.</summary>
internal static class Base64Decoding
{
    private static readonly sbyte[] Values = BuildValues();

    public static byte[] Decode(ReadOnlySpan<byte> input, ReadContext context, string where)
    {
        var output = new byte[Base64.GetMaxDecodedFromUtf8Length(input.Length) + 3];
        // The strict decoder (whitespace allowed) is fast; anything it refuses gets the tolerant loop.
        if (Base64.DecodeFromUtf8(input, output, out var consumed, out var written) == OperationStatus.Done && consumed == input.Length)
        {
            return output.AsSpan(0, written).ToArray();
        }

        return output.AsSpan(0, DecodeTolerantly(input, output, context, where)).ToArray();
    }

    private static int DecodeTolerantly(ReadOnlySpan<byte> input, Span<byte> output, ReadContext context, string where)
    {
        var accumulator = 0;
        var bits = 0;
        var length = 0;
        var junk = 0;
        foreach (var b in input)
        {
            var value = Values[b];
            if (value >= 0)
            {
                accumulator = ((accumulator << 6) | (byte)value) & 0xFFFFFF;
                bits += 6;
                if (bits >= 8)
                {
                    bits -= 8;
                    output[length++] = (byte)(accumulator >> bits);
                }
            }
            else if (b == (byte)'=')
            {
                // Padding ends a quantum; data after it (concatenated encodings) starts a new one.
                bits = 0;
            }
            else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                junk++;
            }
        }

        if (junk > 0)
        {
            context.Report(MimeProblemCodes.Base64Junk, $"{where}: {junk} characters that are not base64 were skipped");
        }

        return length;
    }

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[256];
        Array.Fill(values, (sbyte)-1);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (var i = 0; i < alphabet.Length; i++)
        {
            values[alphabet[i]] = (sbyte)i;
        }

        return values;
    }
}
