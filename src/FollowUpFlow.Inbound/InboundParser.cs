using System.Collections.Immutable;
using FollowUpFlow.Inbound.Mime;
using FollowUpFlow.Inbound.Understanding;

namespace FollowUpFlow.Inbound;

/// <summary>Who the candidate is, so they are never taken for an interviewer, and the zone to assume when an email names none.</summary>
public sealed record ParseOptions
{
    public ImmutableArray<string> CandidateAddresses { get; init; } = [];

    public string CandidateTimeZone { get; init; } = "UTC";

    public MimeLimits Limits { get; init; } = MimeLimits.Default;
}

/// <summary>An inbound email read and understood.</summary>
public sealed record ParsedEmail(MimeMessage Message, EmailUnderstanding Understanding)
{
    /// <summary>False when the input is not an email at all (no header fields could be read).</summary>
    public bool IsEmail => Message.HasHeaders;
}

/// <summary>The one entry point: raw RFC 5322 bytes in, understanding out. Never throws on bad input.</summary>
public static class InboundParser
{
    public static ParsedEmail Parse(ReadOnlyMemory<byte> raw, ParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        throw new NotImplementedException("Being built: the MIME reader and the extractor land in the following commits.");
    }
}
