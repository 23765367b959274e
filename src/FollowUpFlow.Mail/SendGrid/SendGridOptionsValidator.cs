using Microsoft.Extensions.Options;

namespace FollowUpFlow.Mail;

/// <summary>
/// Checks <see cref="SendGridOptions"/> at start-up rather than at the first send. Messages name the setting and
/// the rule, never a secret's value.
/// </summary>
public sealed class SendGridOptionsValidator : IValidateOptions<SendGridOptions>
{
    public const int MinReplyKeyBytes = 32;
    public const int MaxAttemptsLimit = 10;
    public static readonly TimeSpan MaxRetryDelayLimit = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MaxTimeoutLimit = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, SendGridOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add($"{Setting(nameof(SendGridOptions.ApiKey))} is required.");
        }
        else if (!IsHeaderToken(options.ApiKey))
        {
            failures.Add($"{Setting(nameof(SendGridOptions.ApiKey))} must be printable ASCII without spaces (check for a pasted line break).");
        }

        CheckBaseUrl(options.BaseUrl, failures);
        CheckReplyDomain(options.ReplyDomain, failures);
        CheckReplyKey(options.ReplyKey, failures);

        if (options.MaxAttempts is < 1 or > MaxAttemptsLimit)
        {
            failures.Add($"{Setting(nameof(SendGridOptions.MaxAttempts))} must be between 1 and {MaxAttemptsLimit}.");
        }

        if (options.MaxRetryDelay <= TimeSpan.Zero || options.MaxRetryDelay > MaxRetryDelayLimit)
        {
            failures.Add($"{Setting(nameof(SendGridOptions.MaxRetryDelay))} must be more than zero and at most {MaxRetryDelayLimit}.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > MaxTimeoutLimit)
        {
            failures.Add($"{Setting(nameof(SendGridOptions.Timeout))} must be more than zero and at most {MaxTimeoutLimit}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Decodes <see cref="SendGridOptions.ReplyKey"/>, or null when it is not valid base64.</summary>
    internal static byte[]? TryDecodeReplyKey(string? replyKey)
    {
        if (string.IsNullOrWhiteSpace(replyKey))
        {
            return null;
        }

        var buffer = new byte[replyKey.Length];
        return Convert.TryFromBase64String(replyKey.Trim(), buffer, out var written) ? buffer[..written] : null;
    }

    private static void CheckBaseUrl(Uri? baseUrl, List<string> failures)
    {
        if (baseUrl is null || !baseUrl.IsAbsoluteUri)
        {
            failures.Add($"{Setting(nameof(SendGridOptions.BaseUrl))} must be an absolute URL such as {SendGridOptions.DefaultBaseUrl}.");
        }
        else if (!string.IsNullOrEmpty(baseUrl.UserInfo) || !string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment))
        {
            failures.Add($"{Setting(nameof(SendGridOptions.BaseUrl))} must not carry credentials, a query or a fragment.");
        }
        else if (baseUrl.Scheme != Uri.UriSchemeHttps && !(baseUrl.Scheme == Uri.UriSchemeHttp && baseUrl.IsLoopback))
        {
            // The API key travels in every request: plain HTTP only to this machine (a local fake).
            failures.Add($"{Setting(nameof(SendGridOptions.BaseUrl))} must use https (http is allowed only for a loopback address).");
        }
    }

    private static void CheckReplyDomain(string? replyDomain, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(replyDomain))
        {
            failures.Add($"{Setting(nameof(SendGridOptions.ReplyDomain))} is required (the Inbound Parse domain that receives replies).");
        }
        else if (!ReplyAddresses.IsValidDomain(replyDomain))
        {
            failures.Add($"{Setting(nameof(SendGridOptions.ReplyDomain))} '{replyDomain}' is not a host name such as replies.example.com.");
        }
    }

    private static void CheckReplyKey(string? replyKey, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(replyKey))
        {
            failures.Add($"{Setting(nameof(SendGridOptions.ReplyKey))} is required (base64 of at least {MinReplyKeyBytes} random bytes).");
            return;
        }

        var key = TryDecodeReplyKey(replyKey);
        if (key is null)
        {
            failures.Add($"{Setting(nameof(SendGridOptions.ReplyKey))} is not valid base64.");
        }
        else if (key.Length < MinReplyKeyBytes)
        {
            failures.Add($"{Setting(nameof(SendGridOptions.ReplyKey))} must decode to at least {MinReplyKeyBytes} bytes (it decodes to {key.Length}).");
        }
    }

    private static bool IsHeaderToken(string value)
    {
        foreach (var c in value)
        {
            if (c is <= ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    private static string Setting(string property) => $"{SendGridOptions.SectionName}:{property}";
}
