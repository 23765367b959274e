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
    private static readonly string[] MessageFields = ["From", "Sender", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Received", "Return-Path"];

    /// <summary>False when the input is not an email at all: no header field that messages have (From, Subject, Date, …) could be read.</summary>
    public bool IsEmail => HasMessageFields(Message);

    internal static bool HasMessageFields(MimeMessage message) =>
        message.Headers.Any(h => MessageFields.Contains(h.Name, StringComparer.OrdinalIgnoreCase));
}

/// <summary>The one entry point: raw RFC 5322 bytes in, understanding out. Never throws on bad input.</summary>
public static class InboundParser
{
    public static ParsedEmail Parse(ReadOnlyMemory<byte> raw, ParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var message = MimeReader.Parse(raw.Span, options.Limits);
        var understanding = ParsedEmail.HasMessageFields(message) && message.LimitExceeded is null
            ? EmailUnderstander.Understand(message, options)
            : EmailUnderstanding.NotUnderstood([.. message.Problems.Select(p => p.ToString()), .. message.LimitExceeded is { } limit ? [limit] : Array.Empty<string>()]);
        return new ParsedEmail(message, understanding);
    }
}
