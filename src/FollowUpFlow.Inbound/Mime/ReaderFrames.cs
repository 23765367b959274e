namespace FollowUpFlow.Inbound.Mime;

/// <summary>An entity the reader is inside of: a multipart collecting children, or a message waiting for its body.</summary>
internal abstract class ReaderFrame;

internal sealed class MultipartFrame(HeaderList headers, ContentType type, int depth) : ReaderFrame
{
    public HeaderList Headers { get; } = headers;

    public ContentType Type { get; } = type;

    /// <summary>How many containers are above this multipart; its children are one deeper.</summary>
    public int Depth { get; } = depth;

    public List<MimePart> Children { get; } = [];

    /// <summary>In multipart/digest a child without Content-Type is message/rfc822 (RFC 2046 5.1.5).</summary>
    public ContentType DefaultChildType => Type.SubType == "digest" ? MessageTypes.Rfc822 : ContentType.TextPlain;
}

/// <summary>A message: the top-level one (no part headers) or the content of a message/rfc822 part.</summary>
internal sealed class MessageFrame(HeaderList? partHeaders, ContentType? partType, int bodyDepth, int problemStart) : ReaderFrame
{
    public HeaderList? PartHeaders { get; } = partHeaders;

    public ContentType? PartType { get; } = partType;

    public int BodyDepth { get; } = bodyDepth;

    /// <summary>Where this message's problems start in the read's problem list.</summary>
    public int ProblemStart { get; } = problemStart;

    public HeaderList Headers { get; set; } = HeaderList.Empty;
}

internal static class MessageTypes
{
    public static readonly ContentType Rfc822 = new("message", "rfc822", System.Collections.Immutable.ImmutableDictionary<string, string>.Empty);

    /// <summary>Types whose content is a whole message, read into <see cref="MimePart.EmbeddedMessage"/>.</summary>
    public static bool IsEmbeddedMessage(ContentType type) => type.MediaType == "message" && type.SubType is "rfc822" or "global";
}
