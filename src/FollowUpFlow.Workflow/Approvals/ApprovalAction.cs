namespace FollowUpFlow.Workflow.Approvals;

/// <summary>What a signed link does when it is followed. Stored as one byte in the token, so values never change.</summary>
public enum ApprovalAction : byte
{
    /// <summary>Approve the draft as it is and send it.</summary>
    Approve = 1,
}
