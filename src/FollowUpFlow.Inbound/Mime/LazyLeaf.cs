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
    private readonly bool isBase64;
    private readonly Encoding? textEncoding;
    private StrongBox<ReadOnlyMemory<byte>>? content;
    private string? text;

    private LazyLeaf(ReadOnlyMemory<byte> source, bool isBase64, Encoding? textEncoding)
    {
        this.source = source;
        this.isBase64 = isBase64;
        this.textEncoding = textEncoding;
    }

    /// <summary>A text leaf whose content is decoded already; its text waits.</summary>
    public static LazyLeaf ForText(ReadOnlyMemory<byte> content, Encoding encoding) => new(content, isBase64: false, encoding);

    /// <summary>A leaf that is not text, decoded already (nothing waits).</summary>
    public static LazyLeaf ForDecoded(ReadOnlyMemory<byte> content) => new(content, isBase64: false, textEncoding: null);

    /// <summary>A leaf that is not text, still base64.</summary>
    public static LazyLeaf ForBase64(ReadOnlyMemory<byte> raw) => new(raw, isBase64: true, textEncoding: null);

    public ReadOnlyMemory<byte> Content
    {
        get
        {
            if (!isBase64)
            {
                return source;
            }

            var decoded = Volatile.Read(ref content);
            if (decoded is null)
            {
                decoded = new StrongBox<ReadOnlyMemory<byte>>(Base64Decoding.Decode(source.Span, out _));
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
                read = LeafText.Read(Content.Span, textEncoding);
                read = Interlocked.CompareExchange(ref text, read, null) ?? read;
            }

            return read;
        }
    }
}
