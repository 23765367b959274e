using System.Text;
using FollowUpFlow.Mail.Writing;

namespace FollowUpFlow.Mail;

/// <summary>Turns an <see cref="OutgoingMessage"/> into SendGrid's mail/send body.</summary>
internal static class SendGridRequestMapper
{
    public const string Category = "followupflow";

    /// <summary>The custom argument that carries the Message-ID into SendGrid's events (prefixed so it cannot clash).</summary>
    public const string MessageIdArgument = "followupflow_message_id";

    private const string PlainText = "text/plain";
    private const string Html = "text/html";

    // Header names SendGrid documents as reserved for itself; a request carrying one is refused.
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "x-sg-id", "x-sg-eid", "received", "dkim-signature", "Content-Type", "Content-Transfer-Encoding",
        "To", "From", "Subject", "Reply-To", "CC", "BCC",
    };

    public static bool IsReservedHeader(string name) => ReservedHeaders.Contains(name);

    /// <exception cref="MailRefusedException">The message cannot be expressed in a request SendGrid would take.</exception>
    public static SendGridMailRequest Map(OutgoingMessage message, MailAddress replyTo)
    {
        if (message.TextBody.Length == 0)
        {
            throw new MailRefusedException($"Message {message.MessageId} has an empty body, which SendGrid does not accept.");
        }

        if (message.HtmlBody is { Length: 0 })
        {
            throw new MailRefusedException($"Message {message.MessageId} has an empty HTML body, which SendGrid does not accept.");
        }

        return new SendGridMailRequest
        {
            Personalizations = [Personalization(message)],
            From = Address(message.From),
            ReplyTo = Address(replyTo),
            Subject = message.Subject,
            Content = Content(message),
            Headers = Headers(message),
            Categories = [Category],
            CustomArgs = new Dictionary<string, string>(StringComparer.Ordinal) { [MessageIdArgument] = message.MessageId },
        };
    }

    /// <summary>SendGrid's "text and HTML content": text/plain first, then text/html, each once.</summary>
    private static SendGridContent[] Content(OutgoingMessage message) =>
        message.HtmlBody is null
            ? [new SendGridContent(PlainText, message.TextBody)]
            : [new SendGridContent(PlainText, message.TextBody), new SendGridContent(Html, message.HtmlBody)];

    private static SendGridPersonalization Personalization(OutgoingMessage message)
    {
        // SendGrid refuses a request that names one address twice across to and cc: keep the first mention.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var to = message.To.Where(a => seen.Add(a.Address)).Select(Address).ToArray();
        var cc = message.Cc.Where(a => seen.Add(a.Address)).Select(Address).ToArray();
        return new SendGridPersonalization { To = to, Cc = cc.Length == 0 ? null : cc };
    }

    private static SendGridAddress Address(MailAddress address) => new(address.Address, address.DisplayName);

    private static Dictionary<string, string> Headers(OutgoingMessage message)
    {
        // Ordinal-ignore-case: JSON keys that differ only in case would still be the same mail header.
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Message-ID"] = message.MessageId,
        };
        if (message.InReplyTo is not null)
        {
            headers["In-Reply-To"] = message.InReplyTo;
        }

        if (message.References.Count > 0)
        {
            headers["References"] = string.Join(' ', message.References);
        }

        foreach (var header in message.ExtraHeaders)
        {
            if (IsReservedHeader(header.Name))
            {
                throw new MailRefusedException($"Message {message.MessageId} sets the header {header.Name}, which SendGrid reserves for itself.");
            }

            if (!headers.TryAdd(header.Name, Unstructured(header.Value)))
            {
                throw new MailRefusedException($"Message {message.MessageId} sets the header {header.Name} twice; SendGrid takes each header once.");
            }
        }

        return headers;
    }

    /// <summary>SendGrid asks for header values already encoded: non-ASCII text becomes RFC 2047 encoded-words.</summary>
    private static string Unstructured(string value)
    {
        if (Ascii.IsValid(value))
        {
            return value;
        }

        var encoding = EncodedWords.ChooseEncoding(value);
        var words = new List<string>();
        var index = 0;
        while (index < value.Length)
        {
            words.Add(EncodedWords.EncodeWord(value, ref index, encoding, EncodedWords.MaxWordLength));
        }

        return string.Join(' ', words);
    }
}
