using System.Collections.Immutable;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>Makes the <see cref="MimePart"/>s of the tree: leaves with decoded content and text, multiparts, message parts.</summary>
internal static class PartFactory
{
    public static MimePart Leaf(HeaderList headers, ContentType type, ReadOnlyMemory<byte> raw, ReadContext context)
    {
        var fields = EntityFields.Read(headers, type, context);
        var where = type.MimeType + " part";
        var content = TransferDecoding.Decode(raw, fields.TransferEncoding, context, where);
        var text = type.MediaType == "text"
            ? CharsetText.Decode(content.Span, type.Charset, context, where).Replace("\r\n", "\n", StringComparison.Ordinal)
            : null;
        return new MimePart
        {
            Headers = headers,
            ContentType = type,
            Disposition = fields.Disposition,
            FileName = fields.FileName,
            ContentId = fields.ContentId,
            TransferEncoding = fields.TransferEncoding,
            Content = content,
            Text = text,
        };
    }

    public static MimePart Multipart(HeaderList headers, ContentType type, ImmutableArray<MimePart> children, ReadContext context)
    {
        var fields = EntityFields.Read(headers, type, context);
        return new MimePart
        {
            Headers = headers,
            ContentType = type,
            Disposition = fields.Disposition,
            FileName = fields.FileName,
            ContentId = fields.ContentId,
            TransferEncoding = fields.TransferEncoding,
            Children = children,
        };
    }

    public static MimePart Message(HeaderList headers, ContentType type, MimeMessage embedded, ReadContext context)
    {
        var fields = EntityFields.Read(headers, type, context);
        return new MimePart
        {
            Headers = headers,
            ContentType = type,
            Disposition = fields.Disposition,
            FileName = fields.FileName,
            ContentId = fields.ContentId,
            TransferEncoding = fields.TransferEncoding,
            EmbeddedMessage = embedded,
        };
    }

    /// <summary>The body of a message the reader stopped in before reaching it.</summary>
    public static MimePart Empty() => new() { Headers = HeaderList.Empty, ContentType = ContentType.TextPlain, Text = string.Empty };
}
