namespace FollowUpFlow.Inbound.Mime;

/// <summary>Reads Content-Type leniently: a missing subtype becomes application/octet-stream (text/plain for "text").</summary>
internal static class ContentTypeParser
{
    public static ContentType Parse(string? value, ContentType fallback, ReadContext context)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        var parameters = HeaderParameters.Parse(value, context, out var head);
        var slash = head.IndexOf('/', StringComparison.Ordinal);
        var type = (slash < 0 ? head : head[..slash]).Trim().ToLowerInvariant();
        var subType = slash < 0 ? string.Empty : head[(slash + 1)..].Trim().ToLowerInvariant();
        if (type.Length == 0)
        {
            context.Report(MimeProblemCodes.ContentTypeInvalid, $"Content-Type \"{Shorten(value)}\" has no type; read as {fallback.MimeType}");
            return fallback with { Parameters = parameters };
        }

        if (subType.Length == 0)
        {
            var replacement = type == "text" ? ContentType.TextPlain : new ContentType("application", "octet-stream", parameters);
            context.Report(MimeProblemCodes.ContentTypeInvalid, $"Content-Type \"{Shorten(head)}\" has no subtype; read as {replacement.MimeType}");
            return replacement with { Parameters = parameters };
        }

        return new ContentType(type, subType, parameters);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "...";
}
