namespace FollowUpFlow.Inbound.Mime;

/// <summary>uuencode: lines between "begin mode name" and "end", each led by a length character.</summary>
internal static class UuDecoding
{
    public static byte[] Decode(ReadOnlySpan<byte> input)
    {
        var output = new List<byte>(input.Length * 3 / 4);
        var begun = input.IndexOf("begin "u8) < 0;
        foreach (var range in input.Split((byte)'\n'))
        {
            var line = input[range].TrimEnd("\r"u8);
            if (!begun)
            {
                begun = line.StartsWith("begin "u8);
                continue;
            }

            if (line.SequenceEqual("end"u8))
            {
                break;
            }

            if (line.IsEmpty)
            {
                continue;
            }

            var count = (line[0] - 32) & 63;
            var produced = 0;
            for (var i = 1; i < line.Length && produced < count; i += 4)
            {
                var a = Sextet(line, i);
                var b = Sextet(line, i + 1);
                var c = Sextet(line, i + 2);
                var d = Sextet(line, i + 3);
                var group = (a << 18) | (b << 12) | (c << 6) | d;
                for (var shift = 16; shift >= 0 && produced < count; shift -= 8, produced++)
                {
                    output.Add((byte)(group >> shift));
                }
            }
        }

        return [.. output];
    }

    // Past the end of a short line the character counts as a space (value 0).
    private static int Sextet(ReadOnlySpan<byte> line, int index) => index < line.Length ? (line[index] - 32) & 63 : 0;
}
