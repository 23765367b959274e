using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>
/// The content and text of a leaf, decoded the first time they are read: attachments and the HTML twin of a plain
/// text are usually never read. What decoding them runs into was already reported when the part was made.
/// </summary>
internal sealed class LazyLeaf
{
    private readonly ReadOnlyMemory<byte> source;
    private readonly string? transferEncoding;
    private readonly Encoding? textEncoding;
    private StrongBox<ReadOnlyMemory<byte>>? content;
    private string? text;

    /// <param name="source">The content, or while <paramref name="transferEncoding"/> is set, the content still encoded.</param>
    /// <param name="transferEncoding">"base64" or "quoted-printable" when the content is still to be decoded; otherwise null.</param>
    /// <param name="textEncoding">What the content is read as text with; null for leaves that are not text.</param>
    public LazyLeaf(ReadOnlyMemory<byte> source, string? transferEncoding, Encoding? textEncoding)
    {
        this.source = source;
        this.transferEncoding = transferEncoding;
        this.textEncoding = textEncoding;
    }

    public ReadOnlyMemory<byte> Content
    {
        get
        {
            if (transferEncoding is null)
            {
                return source;
            }

            var decoded = Volatile.Read(ref content);
            if (decoded is null)
            {
                decoded = new StrongBox<ReadOnlyMemory<byte>>(transferEncoding == "base64"
                    ? Base64Decoding.Decode(source.Span, out _)
                    : QuotedPrintableDecoding.Decode(source.Span, out _));
                decoded = Interlocked.CompareExchange(ref content, decoded, null) ?? decoded;
            }

            return decoded.Value;
        }
    }

    public string? Text
    {
        get
        {
            if (textEncoding is null)
            {
                return null;
            }

            var read = Volatile.Read(ref text);
            if (read is null)
            {
                read = ReadText(textEncoding, trimmed: false);
                read = Interlocked.CompareExchange(ref text, read, null) ?? read;
            }

            return read;
        }
    }

    /// <summary><c>Text?.Trim()</c>, without making and keeping the untrimmed text when it was not read yet.</summary>
    public string? TrimmedText()
    {
        if (textEncoding is null)
        {
            return null;
        }

        return Volatile.Read(ref text) is { } read ? read.Trim() : ReadText(textEncoding, trimmed: true);
    }

    private string ReadText(Encoding encoding, bool trimmed)
    {
        if (transferEncoding is null || Volatile.Read(ref content) is not null)
        {
            return LeafText.Read(Content.Span, encoding, trimmed);
        }

        // Text still in quoted-printable: its bytes are decoded into a loan, not kept, unless Content is read too.
        var buffer = ArrayPool<byte>.Shared.Rent(source.Length);
        try
        {
            var length = QuotedPrintableDecoding.Decode(source.Span, buffer, out _);
            return LeafText.Read(buffer.AsSpan(0, length), encoding, trimmed);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
