namespace FollowUpFlow.Workflow.Approvals;

public enum ApprovalLinkUse
{
    /// <summary>This call is the link's one use: go ahead.</summary>
    FirstUse,

    /// <summary>The link was used before (by an earlier click, or a concurrent one that won).</summary>
    AlreadyUsed,
}
