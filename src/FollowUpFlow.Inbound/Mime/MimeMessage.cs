using System.Collections.Immutable;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>A message read by <see cref="MimeReader"/>: its decoded top-level headers and its body tree.</summary>
public sealed class MimeMessage
{
    public required HeaderList Headers { get; init; }

    public required MimePart Body { get; init; }

    public ImmutableArray<MailboxAddress> From { get; init; } = [];

    public MailboxAddress? Sender { get; init; }

    public ImmutableArray<MailboxAddress> ReplyTo { get; init; } = [];

    public ImmutableArray<MailboxAddress> To { get; init; } = [];

    public ImmutableArray<MailboxAddress> Cc { get; init; } = [];

    /// <summary>Subject with encoded words decoded; null when absent.</summary>
    public string? Subject { get; init; }

    /// <summary>The Date header, parsed leniently (RFC 5322 and common obsolete forms); null when absent or unreadable.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>Message-ID without angle brackets.</summary>
    public string? MessageId { get; init; }

    public string? InReplyTo { get; init; }

    public ImmutableArray<string> References { get; init; } = [];

    /// <summary>Problems found anywhere while reading this message (embedded messages keep their own too).</summary>
    public ImmutableArray<MimeProblem> Problems { get; init; } = [];

    /// <summary>Set when a <see cref="MimeLimits"/> limit stopped the reader; the reason names the limit.</summary>
    public string? LimitExceeded { get; init; }

    /// <summary>The mbox "From " separator line in front of this message, when it was read by <see cref="MimeReader.ReadMbox"/>.</summary>
    public string? MboxFromLine { get; internal set; }

    /// <summary>True when the input looked like an email at all (at least one header field of a message).</summary>
    public bool HasHeaders => Headers.Count > 0;
}
