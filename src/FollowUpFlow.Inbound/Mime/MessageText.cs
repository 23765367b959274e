using FollowUpFlow.Inbound.Html;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>The readable body of a message and its calendar parts.</summary>
public static class MessageText
{
    /// <summary>
    /// HTML beyond this many characters is not turned into text: real mail says what it says well before, and
    /// converting megabytes of markup would make reading one message slow. The part itself stays whole.
    /// </summary>
    public const int MaxHtmlChars = 256 * 1024;

    private static readonly string[] StubWords = ["view", "display", "support", "read", "client", "viewer", "browser", "enable", "open"];

    /// <summary>
    /// The body as text: in multipart/alternative the text/plain part unless it is empty or only says to view the HTML
    /// (then the HTML as text); in other multiparts the inline text parts in order, without attachments or embedded messages.
    /// </summary>
    public static string? GetBodyText(MimeMessage message)
    {
        var text = FromPart(message.Body, isRoot: true);
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <summary>text/calendar and application/ics parts and .ics attachments, including those of embedded messages.</summary>
    public static IEnumerable<MimePart> GetCalendarParts(MimeMessage message) =>
        message.Body.DescendantsAndSelf().Where(IsCalendar);

    private static bool IsCalendar(MimePart part) =>
        !part.IsMultipart && part.EmbeddedMessage is null &&
        (part.ContentType.Is("text", "calendar") || part.ContentType.Is("application", "ics") || part.ContentType.Is("text", "x-vcalendar") ||
         (part.FileName is { } name && (name.EndsWith(".ics", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".vcs", StringComparison.OrdinalIgnoreCase))));

    private static string? FromPart(MimePart part, bool isRoot)
    {
        if (part.IsMultipart)
        {
            return part.ContentType.SubType switch
            {
                "alternative" => FromAlternative(part),
                "related" => FromRelated(part),
                _ => FromMixed(part),
            };
        }

        if (part.EmbeddedMessage is { } embedded)
        {
            // A message that is nothing but a forwarded message reads as that message.
            return isRoot ? FromPart(embedded.Body, isRoot: true) : null;
        }

        if (part.IsAttachment && !isRoot)
        {
            return null;
        }

        return Readable(part);
    }

    private static string? Readable(MimePart part)
    {
        if (part.ContentType.Is("text", "html"))
        {
            return part.Text is { } html ? HtmlText.ToText(html.Length > MaxHtmlChars ? html[..MaxHtmlChars] : html) : null;
        }

        return part.ContentType.SubType is "plain" or "enriched" or "richtext" ? part.TrimmedText() : null;
    }

    private static string? FromAlternative(MimePart alternative)
    {
        var plain = alternative.Children.FirstOrDefault(c => c.ContentType.Is("text", "plain") && !c.IsAttachment)?.TrimmedText();
        if (!string.IsNullOrEmpty(plain) && !IsHtmlStub(plain))
        {
            return plain;
        }

        // Alternatives go from plainest to richest: the last one that reads as text wins.
        for (var i = alternative.Children.Length - 1; i >= 0; i--)
        {
            var child = alternative.Children[i];
            if (!child.ContentType.Is("text", "plain") && FromPart(child, isRoot: false) is { Length: > 0 } text)
            {
                return text;
            }
        }

        return string.IsNullOrEmpty(plain) ? null : plain;
    }

    private static string? FromRelated(MimePart related)
    {
        if (related.Children.IsEmpty)
        {
            return null;
        }

        // RFC 2387: the root is the part named by "start", else the first; senders often put it elsewhere, naming its "type".
        var parameters = related.ContentType.Parameters;
        var start = parameters.GetValueOrDefault("start")?.Trim('<', '>', ' ');
        var type = parameters.GetValueOrDefault("type")?.Trim().ToLowerInvariant();
        var root = related.Children.FirstOrDefault(c => start is not null && c.ContentId == start)
            ?? related.Children.FirstOrDefault(c => type is not null && c.ContentType.MimeType == type)
            ?? related.Children[0];
        return FromPart(root, isRoot: false)
            ?? related.Children.Select(c => c.ContentType.MediaType is "text" or "multipart" ? FromPart(c, isRoot: false) : null).FirstOrDefault(t => t is not null);
    }

    private static string? FromMixed(MimePart mixed)
    {
        var texts = mixed.Children
            .Select(child => FromPart(child, isRoot: false))
            .Where(text => !string.IsNullOrWhiteSpace(text));
        var joined = string.Join("\n\n", texts);
        return joined.Length == 0 ? null : joined;
    }

    // "This message is in HTML; please use an HTML-capable client to view it" and the like.
    private static bool IsHtmlStub(string plain) =>
        plain.Length <= 400 &&
        plain.Contains("html", StringComparison.OrdinalIgnoreCase) &&
        StubWords.Any(word => plain.Contains(word, StringComparison.OrdinalIgnoreCase));
}
