using System.Collections.Immutable;
using FollowUpFlow.Inbound.Mime;

namespace FollowUpFlow.Inbound.Forwards;

/// <summary>How a layer was found inside the one above it.</summary>
public enum ForwardStyle
{
    /// <summary>The message itself (the outermost layer).</summary>
    None,

    /// <summary>An inline block of From/Date/Subject lines (Gmail, Outlook, Apple Mail, Thunderbird, in any of their languages).</summary>
    Inline,

    /// <summary>An attached original (message/rfc822).</summary>
    Attached,
}

/// <summary>
/// One message in a chain of forwards, outermost first. <see cref="Body"/> is this layer's own words;
/// <see cref="Quoted"/> is older text below them (reply history, quoted lines) that is only a fallback.
/// </summary>
public sealed record ForwardedLayer(
    ForwardStyle Style,
    MailboxAddress? From,
    ImmutableArray<MailboxAddress> To,
    ImmutableArray<MailboxAddress> Cc,
    MailboxAddress? ReplyTo,
    string? Subject,
    DateTimeOffset? Date,
    string? MessageId,
    ImmutableArray<string> ThreadIds,
    string Body,
    string Quoted);
