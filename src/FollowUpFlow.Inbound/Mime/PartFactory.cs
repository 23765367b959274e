using System.Collections.Immutable;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>Makes the <see cref="MimePart"/>s of the tree: leaves with decoded content and text, multiparts, message parts.</summary>
internal static class PartFactory
{
    public static MimePart Leaf(HeaderList headers, ContentType type, ReadOnlyMemory<byte> raw, ReadContext context)
    {
        var fields = EntityFields.Read(headers, type, context);
        var where = type.MimeType + " part";
        return new MimePart
        {
            Headers = headers,
            ContentType = type,
            Disposition = fields.Disposition,
            FileName = fields.FileName,
            ContentId = fields.ContentId,
            TransferEncoding = fields.TransferEncoding,
            Deferred = Deferred(type, raw, fields.TransferEncoding, context, where),
        };
    }

    // The problems are found now, in reading order; the decoding that is not needed for that waits until it is read.
    private static LazyLeaf Deferred(ContentType type, ReadOnlyMemory<byte> raw, string transferEncoding, ReadContext context, string where)
    {
        if (type.MediaType != "text" && transferEncoding == "base64")
        {
            Base64Decoding.Check(raw.Span, context, where);
            return LazyLeaf.ForBase64(raw);
        }

        var content = TransferDecoding.Decode(raw, transferEncoding, context, where);
        return type.MediaType == "text"
            ? LazyLeaf.ForText(content, CharsetText.Choose(content.Span, type.Charset, context, where))
            : LazyLeaf.ForDecoded(content);
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
