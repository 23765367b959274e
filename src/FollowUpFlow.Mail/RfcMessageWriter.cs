using System.Text;
using FollowUpFlow.Mail.Writing;

namespace FollowUpFlow.Mail;

/// <summary>
/// Writes an <see cref="OutgoingMessage"/> as an RFC 5322 / MIME message: single-part text/plain, or
/// multipart/alternative (text/plain, then text/html) when the message has an HTML body. CRLF line endings,
/// 7-bit clean output (encoded-words in headers, quoted-printable for each body that needs it).
/// </summary>
public static class RfcMessageWriter
{
    // Throws rather than substituting '?' should anything non-ASCII ever slip through.
    private static readonly Encoding StrictAscii =
        Encoding.GetEncoding("us-ascii", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    public static string Write(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);

        var output = new StringBuilder(message.TextBody.Length + (message.HtmlBody?.Length ?? 0) + 1024);
        Field(output, "Date", f => f.AppendToken(RfcDate.Format(message.Date)));
        Field(output, "From", f => AddressFormatter.Append(f, message.From));
        if (message.ReplyTo is { } replyTo)
        {
            Field(output, "Reply-To", f => AddressFormatter.Append(f, replyTo));
        }

        Field(output, "To", f => AddressFormatter.AppendList(f, message.To));
        if (message.Cc.Count > 0)
        {
            Field(output, "Cc", f => AddressFormatter.AppendList(f, message.Cc));
        }

        Field(output, "Subject", f => f.AppendUnstructured(message.Subject));
        Field(output, "Message-ID", f => f.AppendToken(message.MessageId));
        if (message.InReplyTo is { } inReplyTo)
        {
            Field(output, "In-Reply-To", f => f.AppendToken(inReplyTo));
        }

        if (message.References.Count > 0)
        {
            Field(output, "References", f =>
            {
                foreach (var id in message.References)
                {
                    f.AppendToken(id);
                }
            });
        }

        foreach (var header in message.ExtraHeaders)
        {
            Field(output, header.Name, f => f.AppendUnstructured(header.Value));
        }

        output.Append("MIME-Version: 1.0\r\n");
        var text = TextEntity.Encode("plain", message.TextBody);
        if (message.HtmlBody is null)
        {
            text.AppendHeaders(output);
            output.Append("\r\n");
            output.Append(text.EncodedBody);
        }
        else
        {
            MultipartAlternative.Append(output, [text, TextEntity.Encode("html", message.HtmlBody)]);
        }

        return output.ToString();
    }

    /// <summary>The message as octets; the output is pure US-ASCII by construction.</summary>
    public static byte[] WriteBytes(OutgoingMessage message) => StrictAscii.GetBytes(Write(message));

    private static void Field(StringBuilder output, string name, Action<HeaderFieldBuilder> write)
    {
        var field = new HeaderFieldBuilder(output, name);
        write(field);
        field.End();
    }
}
