using System.Collections.Immutable;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>
/// One entity of a MIME tree: a leaf with decoded content, a multipart with children, or a
/// message/rfc822 part with the embedded message.
/// </summary>
public sealed class MimePart
{
    private readonly ReadOnlyMemory<byte> content;
    private readonly string? text;

    public required HeaderList Headers { get; init; }

    public required ContentType ContentType { get; init; }

    /// <summary>"inline", "attachment" or null when absent (lower case).</summary>
    public string? Disposition { get; init; }

    /// <summary>From Content-Disposition filename (or Content-Type name), decoded (RFC 2231 / RFC 2047).</summary>
    public string? FileName { get; init; }

    public string? ContentId { get; init; }

    /// <summary>Lower-case Content-Transfer-Encoding; "7bit" when absent.</summary>
    public string TransferEncoding { get; init; } = "7bit";

    /// <summary>Children of a multipart; empty otherwise.</summary>
    public ImmutableArray<MimePart> Children { get; init; } = [];

    /// <summary>The embedded message of a message/rfc822 (or message/global) part.</summary>
    public MimeMessage? EmbeddedMessage { get; init; }

    /// <summary>The decoded content of a leaf (transfer encoding removed); empty for multiparts.</summary>
    public ReadOnlyMemory<byte> Content
    {
        get => Deferred is null ? content : Deferred.Content;
        init => content = value;
    }

    /// <summary>For text/* leaves: the content decoded with its charset (falling back sensibly); otherwise null.</summary>
    public string? Text
    {
        get => Deferred is null ? text : Deferred.Text;
        init => text = value;
    }

    /// <summary>Content and text a reader left to decode when first read (instead of <see cref="Content"/> and <see cref="Text"/>).</summary>
    internal LazyLeaf? Deferred { get; init; }

    /// <summary><see cref="Text"/> trimmed; for a leaf not read yet, without keeping the untrimmed text.</summary>
    internal string? TrimmedText() => Deferred is null ? text?.Trim() : Deferred.TrimmedText();

    public bool IsMultipart => ContentType.MediaType == "multipart";

    public bool IsAttachment => Disposition == "attachment" || (FileName is not null && ContentType.MediaType != "text" && !IsMultipart);

    /// <summary>This part and every part below it, depth first, including the parts of embedded messages' bodies.</summary>
    public IEnumerable<MimePart> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var part in child.DescendantsAndSelf())
            {
                yield return part;
            }
        }

        if (EmbeddedMessage is not null)
        {
            foreach (var part in EmbeddedMessage.Body.DescendantsAndSelf())
            {
                yield return part;
            }
        }
    }
}
