using System.Text;

namespace FollowUpFlow.Mail.Writing;

/// <summary>RFC 2045 §6.7 quoted-printable for text whose line breaks are already CRLF.</summary>
internal static class QuotedPrintable
{
    public const int MaxLineLength = 76;

    public static string Encode(string crlfText)
    {
        var builder = new StringBuilder(crlfText.Length + (crlfText.Length / 8));
        var first = true;
        foreach (var line in crlfText.Split("\r\n"))
        {
            if (!first)
            {
                // Rule 4: a hard line break stays a CRLF.
                builder.Append("\r\n");
            }

            EncodeLine(Encoding.UTF8.GetBytes(line), builder);
            first = false;
        }

        return builder.ToString();
    }

    private static void EncodeLine(byte[] bytes, StringBuilder builder)
    {
        var column = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            var last = i == bytes.Length - 1;

            // Rule 2 literals; rule 3: SP / HT only when something printable follows on the line.
            var literal = (b is >= 33 and <= 126 && b != (byte)'=') || (b is (byte)' ' or (byte)'\t' && !last);
            var width = literal ? 1 : 3;

            // Rule 5: a soft break "=" needs one column, except after the line's last octet.
            var limit = last ? MaxLineLength : MaxLineLength - 1;
            if (column + width > limit)
            {
                builder.Append("=\r\n");
                column = 0;
            }

            if (literal)
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('=').Append(Hex.Upper[b >> 4]).Append(Hex.Upper[b & 0xF]);
            }

            column += width;
        }
    }
}
