namespace FollowUpFlow.Workflow.Approvals;

/// <summary>Reads the configured signing keys; shared by the options validator and the signer so both agree.</summary>
public static class ApprovalLinkKeys
{
    /// <summary>HMAC-SHA256's own block of security: a shorter key would be the weakest part of the link.</summary>
    public const int MinKeyBytes = 32;

    /// <summary>Longer than any real key; bounds the work of decoding a mistaken value (a file pasted in, say).</summary>
    public const int MaxKeyChars = 1024;

    /// <summary>Standard base64 (padding optional, surrounding whitespace ignored); null when it is not that.</summary>
    public static byte[]? TryDecode(string? base64)
    {
        var text = base64?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxKeyChars)
        {
            return null;
        }

        if (text.Length % 4 != 0)
        {
            text = text.PadRight(text.Length + (4 - (text.Length % 4)), '=');
        }

        var buffer = new byte[text.Length * 3 / 4];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
