using System.Text;

namespace FollowUpFlow.Mail.Writing;

/// <summary>RFC 5322 §2.3: CR and LF appear only together, as CRLF.</summary>
internal static class LineEndings
{
    public static string ToCrLf(string text)
    {
        if (!text.AsSpan().ContainsAny('\r', '\n'))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                builder.Append("\r\n");
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c == '\n')
            {
                builder.Append("\r\n");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
