namespace FollowUpFlow.Workflow.Approvals;

/// <summary>
/// Signed one-click approval links in the digest email. No keys turns the links off (the digest cannot be signed);
/// with keys, the first signs and every one verifies, so a key is rotated by putting the new one first and removing
/// the old one once the links it signed have expired.
/// </summary>
public sealed class ApprovalLinkOptions
{
    public const string Section = "FollowUpFlow:ApprovalLinks";

    public static readonly TimeSpan MinLifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);

    /// <summary>Base64 HMAC keys of at least 32 bytes each (e.g. <c>openssl rand -base64 32</c>); the first signs.</summary>
    public List<string> Keys { get; set; } = [];

    /// <summary>How long a link works after it is signed.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Where the candidate reaches the app; links are built under it. https unless it is this machine.</summary>
    public Uri? PublicBaseUrl { get; set; } = new("http://127.0.0.1:7071");

    public bool Enabled => Keys.Count > 0;
}
