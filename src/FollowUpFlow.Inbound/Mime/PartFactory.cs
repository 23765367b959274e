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
        var isText = type.MediaType == "text";
        if (transferEncoding == "quoted-printable")
        {
            var ascii = QuotedPrintableDecoding.Check(raw.Span, context, where);
            if (!isText || ascii)
            {
                return new LazyLeaf(raw, transferEncoding, isText ? CharsetText.ForAscii(type.Charset) : null);
            }

            var decoded = QuotedPrintableDecoding.Decode(raw.Span, out _);
            return new LazyLeaf(decoded, null, CharsetText.Choose(decoded.Span, type.Charset, context, where));
        }

        if (transferEncoding == "base64" && !isText)
        {
            Base64Decoding.Check(raw.Span, context, where);
            return new LazyLeaf(raw, transferEncoding, null);
        }

        // Text in base64 is decoded now: its charset is chosen by looking at the bytes.
        var content = TransferDecoding.Decode(raw, transferEncoding, context, where);
        return new LazyLeaf(content, null, isText ? CharsetText.Choose(content.Span, type.Charset, context, where) : null);
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
