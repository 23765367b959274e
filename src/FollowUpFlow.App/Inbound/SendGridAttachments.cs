using System.Globalization;
using System.Text.Json;

namespace FollowUpFlow.App.Inbound;

/// <summary>One attachment of a parsed-mode post: its bytes and what "attachment-info" (or the file part) says it is.</summary>
internal sealed record SendGridAttachment(int Number, ReadOnlyMemory<byte> Bytes, string? FileName, string MediaType, string? ContentId);

/// <summary>
/// The attachments of a parsed-mode post: files "attachment1".."attachmentN", described by the "attachment-info" JSON
/// ({"attachment1": {"filename", "type", "content-id"}}) and, for inline images, the "content-ids" JSON ({cid: "attachment1"}).
/// </summary>
internal static class SendGridAttachments
{
    private const string Prefix = "attachment";

    public static bool IsAttachmentField(string name) =>
        name.Length > Prefix.Length
        && name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
        && name.AsSpan(Prefix.Length).IndexOfAnyExceptInRange('0', '9') < 0;

    public static List<SendGridAttachment> Read(SendGridFields fields, List<string> problems)
    {
        var info = JsonObject(fields["attachment-info"], "attachment-info", problems);
        var contentIds = JsonObject(fields["content-ids"], "content-ids", problems);
        var attachments = new List<SendGridAttachment>();
        foreach (var field in fields.All.Where(f => IsAttachmentField(f.Name)))
        {
            if (!int.TryParse(field.Name.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                problems.Add($"Form field '{field.Name}' is not a numbered attachment; it is skipped.");
                continue;
            }

            var described = info is { } all && all.TryGetProperty(field.Name.ToLowerInvariant(), out var entry) && entry.ValueKind == JsonValueKind.Object ? entry : (JsonElement?)null;
            var fileName = Text(described, "filename") ?? Text(described, "name") ?? field.FileName;
            var mediaType = Text(described, "type") ?? field.ContentType;
            if (mediaType is null || !IsMediaType(mediaType))
            {
                mediaType = "application/octet-stream";
            }

            var contentId = Text(described, "content-id") ?? ContentIdOf(contentIds, field.Name);
            attachments.Add(new SendGridAttachment(number, field.Bytes, fileName, mediaType.ToLowerInvariant(), contentId));
        }

        if (fields["attachments"] is { } declared
            && int.TryParse(declared.Bytes.Span, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count != attachments.Count)
        {
            problems.Add($"The form says {count} attachments but holds {attachments.Count}.");
        }

        return [.. attachments.OrderBy(a => a.Number)];
    }

    /// <summary>The field's JSON object, or null (with a problem) when it is absent or not a JSON object.</summary>
    public static JsonElement? JsonObject(SendGridField? field, string name, List<string> problems)
    {
        if (field is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(field.Bytes);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document.RootElement.Clone();
            }
        }
        catch (JsonException)
        {
            // Reported below.
        }

        problems.Add($"The '{name}' field is not a JSON object; it is ignored.");
        return null;
    }

    private static string? Text(JsonElement? element, string property) =>
        element is { } e && e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static string? ContentIdOf(JsonElement? contentIds, string fieldName)
    {
        if (contentIds is not { } map)
        {
            return null;
        }

        foreach (var pair in map.EnumerateObject())
        {
            if (pair.Value.ValueKind == JsonValueKind.String && fieldName.Equals(pair.Value.GetString(), StringComparison.OrdinalIgnoreCase))
            {
                return pair.Name;
            }
        }

        return null;
    }

    /// <summary>type "/" subtype, each an RFC 2045 token: anything else would break the header it is written into.</summary>
    private static bool IsMediaType(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < value.Length - 1 && IsToken(value.AsSpan(0, slash)) && IsToken(value.AsSpan(slash + 1));
    }

    private static bool IsToken(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is <= ' ' or >= '\u007f' or '(' or ')' or '<' or '>' or '@' or ',' or ';' or ':' or '\\' or '"' or '/' or '[' or ']' or '?' or '=')
            {
                return false;
            }
        }

        return text.Length > 0;
    }
}
