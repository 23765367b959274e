using System.Text;

namespace FollowUpFlow.Mail.Tests.Reading;

/// <summary>
/// RFC 2045 §6.7 decoding. As the RFC tells decoders to, trailing whitespace on an encoded line is
/// deleted, so a writer that left whitespace unencoded at a line end fails the round trip.
/// </summary>
internal static class QuotedPrintableDecoder
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    public static string DecodeText(string encoded) => StrictUtf8.GetString(Decode(encoded));

    public static byte[] Decode(string encoded)
    {
        var output = new List<byte>();
        var lines = encoded.Split("\r\n");
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].TrimEnd(' ', '\t');
            var soft = line.EndsWith('=');
            if (soft)
            {
                line = line[..^1];
            }

            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] == '=')
                {
                    output.Add(Convert.ToByte(line.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    output.Add((byte)line[i]);
                }
            }

            if (!soft && n < lines.Length - 1)
            {
                output.Add((byte)'\r');
                output.Add((byte)'\n');
            }
        }

        return [.. output];
    }
}
