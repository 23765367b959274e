using System.Collections.Immutable;

namespace FollowUpFlow.Workflow.Inbound;

/// <summary>Why a payload is refused; each maps to its own HTTP status.</summary>
public enum InboundRefusalKind
{
    /// <summary>No header fields could be read.</summary>
    NotAnEmail,

    /// <summary>Over a size, part-count or depth limit.</summary>
    TooLarge,

    /// <summary>The body is not of the media type the entry point takes.</summary>
    UnsupportedMediaType,

    /// <summary>The webhook's shared secret is missing or wrong.</summary>
    Unauthenticated,

    /// <summary>The envelope (e.g. a SendGrid form) could not be read.</summary>
    Malformed,
}

/// <summary>A refusal and the reason the caller is told.</summary>
public sealed record InboundRefusal(InboundRefusalKind Kind, string Reason);

/// <summary>A payload as it arrived, stored before anything is read from it.</summary>
/// <param name="Bytes">What is stored: the body as received (at most the size limit).</param>
public sealed record InboundPayload(ReadOnlyMemory<byte> Bytes, InboundSource Source)
{
    /// <summary>The Content-Type the payload came with, if any.</summary>
    public string? ContentType { get; init; }

    /// <summary>True when only the first bytes were kept because the body was over the limit.</summary>
    public bool Truncated { get; init; }

    /// <summary>The length the sender declared (Content-Length), when known.</summary>
    public long? DeclaredLength { get; init; }

    /// <summary>Set when the entry point refuses the payload before it is read (it is still stored).</summary>
    public InboundRefusal? Refusal { get; init; }

    /// <summary>Takes the message out of an envelope (a SendGrid form); null when the bytes are the message.</summary>
    public IPayloadReader? Reader { get; init; }
}

/// <summary>Takes the RFC 5322 message out of a stored payload. Never throws on bad input: it refuses with a reason.</summary>
public interface IPayloadReader
{
    Task<MessageExtraction> ReadAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);
}

/// <summary>The message found in a payload (and how it was sent), or why there is none.</summary>
/// <param name="Source">The source as the envelope revealed it (e.g. SendGrid's raw or parsed mode).</param>
/// <param name="Problems">What had to be worked around while reading the envelope.</param>
public sealed record MessageExtraction(ReadOnlyMemory<byte> Message, InboundSource Source, ImmutableArray<string> Problems, InboundRefusal? Refusal = null)
{
    public static MessageExtraction Refused(InboundSource source, InboundRefusalKind kind, string reason, ImmutableArray<string> problems = default) =>
        new(ReadOnlyMemory<byte>.Empty, source, problems.IsDefault ? [] : problems, new InboundRefusal(kind, reason));
}
