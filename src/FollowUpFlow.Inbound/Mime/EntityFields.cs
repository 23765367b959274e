namespace FollowUpFlow.Inbound.Mime;

/// <summary>What the headers of an entity say about it besides its Content-Type.</summary>
internal readonly record struct EntityFields(string? Disposition, string? FileName, string? ContentId, string TransferEncoding)
{
    public static EntityFields Read(HeaderList headers, ContentType type, ReadContext context)
    {
        string? disposition = null;
        string? fileName = null;
        var dispositionValue = headers["Content-Disposition"];
        if (!string.IsNullOrWhiteSpace(dispositionValue))
        {
            var parameters = HeaderParameters.Parse(dispositionValue, context, out var head);
            disposition = head.Length == 0 ? null : head.ToLowerInvariant();
            fileName = parameters.GetValueOrDefault("filename");
        }

        fileName ??= type.Parameters.GetValueOrDefault("name");
        return new EntityFields(
            disposition,
            string.IsNullOrWhiteSpace(fileName) ? null : fileName.Trim(),
            ReadContentId(headers["Content-ID"]),
            TransferDecoding.Normalize(headers["Content-Transfer-Encoding"]));
    }

    private static string? ReadContentId(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var id = value.Trim();
        var open = id.IndexOf('<', StringComparison.Ordinal);
        if (open >= 0)
        {
            var close = id.IndexOf('>', open + 1);
            id = close > open ? id[(open + 1)..close] : id[(open + 1)..];
        }

        id = id.Trim();
        return id.Length == 0 ? null : id;
    }
}
