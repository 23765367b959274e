using System.Text;
using FollowUpFlow.Workflow.Persistence;

namespace FollowUpFlow.Workflow.Approvals;

/// <summary>One pending draft in the digest, with the link signed for it.</summary>
public sealed record DigestEntry(DraftRecord Draft, SignedApprovalLink Approval)
{
    // The draft's text is the candidate's and the token a credential: neither belongs in a log line.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("InterviewId = ").Append(Draft.InterviewId).Append(", DraftId = ").Append(Draft.Draft.Id);
        return true;
    }
}
