using System.Globalization;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Workflow.Approvals;

/// <summary>Checks the approval link settings at start-up. Messages name a key by its position, never by its value.</summary>
public sealed class ApprovalLinkOptionsValidator : IValidateOptions<ApprovalLinkOptions>
{
    /// <summary>More keys than a rotation ever needs; every verification tries each one.</summary>
    public const int MaxKeys = 8;

    public ValidateOptionsResult Validate(string? name, ApprovalLinkOptions options)
    {
        var failures = new List<string>();
        ValidateKeys(options.Keys, failures);
        if (options.Lifetime < ApprovalLinkOptions.MinLifetime || options.Lifetime > ApprovalLinkOptions.MaxLifetime)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{ApprovalLinkOptions.Section}:Lifetime must be between {ApprovalLinkOptions.MinLifetime} and {ApprovalLinkOptions.MaxLifetime} (it is {options.Lifetime})."));
        }

        if (DescribeBaseUrlProblem(options.PublicBaseUrl) is { } problem)
        {
            failures.Add($"{ApprovalLinkOptions.Section}:PublicBaseUrl {problem}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateKeys(List<string>? keys, List<string> failures)
    {
        if (keys is null)
        {
            return;
        }

        if (keys.Count > MaxKeys)
        {
            failures.Add($"{ApprovalLinkOptions.Section}:Keys lists {keys.Count} keys; at most {MaxKeys} are allowed.");
            return;
        }

        for (var i = 0; i < keys.Count; i++)
        {
            var key = ApprovalLinkKeys.TryDecode(keys[i]);
            if (key is null)
            {
                failures.Add($"{ApprovalLinkOptions.Section}:Keys:{i} is not base64 (at most {ApprovalLinkKeys.MaxKeyChars} characters).");
            }
            else if (key.Length < ApprovalLinkKeys.MinKeyBytes)
            {
                failures.Add($"{ApprovalLinkOptions.Section}:Keys:{i} is {key.Length} bytes; a key needs at least {ApprovalLinkKeys.MinKeyBytes} random bytes.");
            }
        }
    }

    private static string? DescribeBaseUrlProblem(Uri? url)
    {
        if (url is null)
        {
            return "is required: the links in the digest are built under it.";
        }

        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
        {
            return "must be an absolute http or https URL.";
        }

        if (url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            return "must not carry a query, a fragment or user information.";
        }

        // Over plain http a link (a bearer credential) could be read on the way; only this machine is spared.
        return url.Scheme == "http" && !url.IsLoopback ? "must use https unless it points at this machine (127.0.0.1, [::1], localhost)." : null;
    }
}
