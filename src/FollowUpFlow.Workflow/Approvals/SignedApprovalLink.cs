using System.Text;

namespace FollowUpFlow.Workflow.Approvals;

/// <summary>A freshly signed link: the token to put in a URL and what it says.</summary>
public sealed record SignedApprovalLink(string Token, ApprovalLink Link)
{
    // The token is a bearer credential: whoever holds it can approve the draft, so it stays out of logs.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Link = ").Append(Link);
        return true;
    }
}
