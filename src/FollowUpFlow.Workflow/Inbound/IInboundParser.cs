using FollowUpFlow.Inbound;

namespace FollowUpFlow.Workflow.Inbound;

/// <summary>Reads and understands one raw message; a seam so the processor can be tested without the real reader.</summary>
public interface IInboundParser
{
    ParsedEmail Parse(ReadOnlyMemory<byte> raw, ParseOptions options);
}

/// <summary>The real reader: <see cref="InboundParser.Parse"/>.</summary>
public sealed class DefaultInboundParser : IInboundParser
{
    public ParsedEmail Parse(ReadOnlyMemory<byte> raw, ParseOptions options) => InboundParser.Parse(raw, options);
}
