namespace FollowUpFlow.Workflow.Approvals;

/// <summary>The addresses the digest links to, under the configured public base URL (which may carry a path).</summary>
public sealed class ApprovalUrls
{
    public const string ApprovePath = "approve";
    public const string DraftsPath = "drafts";

    private readonly string _base;

    public ApprovalUrls(Uri publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        if (!publicBaseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The public base URL must be absolute.", nameof(publicBaseUrl));
        }

        _base = publicBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    /// <summary>Where a one-click approval lands: <c>{base}/approve/{token}</c>. Tokens are URL-safe as they are.</summary>
    public string Approve(string token) => $"{_base}/{ApprovePath}/{Uri.EscapeDataString(token)}";

    /// <summary>The draft in the dashboard, to edit before approving: <c>{base}/drafts/{draftId}</c>.</summary>
    public string EditDraft(string draftId) => $"{_base}/{DraftsPath}/{Uri.EscapeDataString(draftId)}";

    /// <summary>All drafts in the dashboard.</summary>
    public string Drafts() => $"{_base}/{DraftsPath}";
}
