namespace FollowUpFlow.Mail;

/// <summary>How the SendGrid transport reaches SendGrid and builds each message's reply address.</summary>
public sealed class SendGridOptions
{
    public const string SectionName = "FollowUpFlow:Mail:SendGrid";

    public static readonly Uri DefaultBaseUrl = new("https://api.sendgrid.com");

    /// <summary>A SendGrid API key with the Mail Send permission. A secret: never logged, never shown in errors.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The API's root; <c>/v3/mail/send</c> is resolved against it (the EU region or a local fake can be set here).</summary>
    public Uri BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The Inbound Parse domain that receives replies, e.g. <c>replies.example.com</c>.</summary>
    public string ReplyDomain { get; set; } = "";

    /// <summary>Base64 secret of at least 32 bytes that makes each message's reply token unguessable. A secret.</summary>
    public string ReplyKey { get; set; } = "";

    /// <summary>Attempts in all for one message when SendGrid answers 429 or 5xx (1 means no retry).</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The longest wait before a retry; a Retry-After asking for longer ends the send as not accepted.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may wait for SendGrid's answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
