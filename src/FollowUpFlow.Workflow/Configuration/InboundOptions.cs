using System.ComponentModel.DataAnnotations;
using FollowUpFlow.Inbound.Mime;

namespace FollowUpFlow.Workflow.Configuration;

/// <summary>The inbound entry points: how much they take, and the SendGrid webhook's shared secret.</summary>
public sealed class InboundOptions
{
    public const string Section = "FollowUpFlow:Inbound";

    /// <summary>The shortest secret accepted: anything shorter could be guessed by an attacker who keeps trying.</summary>
    public const int MinSecretLength = 16;

    /// <summary>Largest body an inbound entry point takes. A larger one is refused (413), its first bytes still stored.</summary>
    [Range(64 * 1024, 100 * 1024 * 1024)]
    public int MaxPayloadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// The SendGrid Inbound Parse webhook's shared secret, carried in the webhook URL (?secret=, or as the Basic auth
    /// password). Empty turns the webhook off.
    /// </summary>
    public string SendGridSecret { get; set; } = "";

    /// <summary>Most parts a SendGrid form may have (its fields and attachments).</summary>
    [Range(1, 1000)]
    public int MaxFormParts { get; set; } = 100;

    /// <summary>Most MIME parts the reader descends into in one message.</summary>
    [Range(1, 10_000)]
    public int MaxMimeParts { get; set; } = 500;

    /// <summary>Deepest nesting of multiparts and attached messages the reader follows.</summary>
    [Range(1, 100)]
    public int MaxMimeDepth { get; set; } = 16;

    /// <summary>Most header fields read per message or part.</summary>
    [Range(1, 100_000)]
    public int MaxHeaderFields { get; set; } = 1000;

    /// <summary>
    /// The reader's limits. Its byte limit is twice the payload limit: a message rebuilt from SendGrid's fields
    /// carries its attachments in base64, a third larger than the form that brought them.
    /// </summary>
    public MimeLimits ToMimeLimits() => new()
    {
        MaxBytes = MaxPayloadBytes * 2,
        MaxParts = MaxMimeParts,
        MaxDepth = MaxMimeDepth,
        MaxHeaderFields = MaxHeaderFields,
    };
}
