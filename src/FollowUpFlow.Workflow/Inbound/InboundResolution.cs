using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;

namespace FollowUpFlow.Workflow.Inbound;

/// <summary>What the candidate decided about a payload waiting for review.</summary>
public abstract record InboundResolution;

/// <summary>Create the interview the message describes, with details the candidate gave.</summary>
public sealed record CreateInterviewResolution(InterviewDetails Details) : InboundResolution;

/// <summary>Apply the message to an existing interview as this event (a reschedule, cancellation or outcome).</summary>
public sealed record ApplyToInterviewResolution(string InterviewId, WorkflowEvent Event) : InboundResolution;

/// <summary>Nothing to do with it.</summary>
public sealed record DismissResolution : InboundResolution;

public enum ResolutionStatus
{
    Resolved,
    Dismissed,
    PayloadNotFound,

    /// <summary>The payload is not waiting for the candidate (processed, refused, already resolved...).</summary>
    NotReviewable,

    InterviewNotFound,

    /// <summary>The workflow refused the event; the reason says why. The payload still waits.</summary>
    Refused,
}

/// <summary>What became of a resolution.</summary>
public sealed record ResolutionResult(ResolutionStatus Status, string? InterviewId, string Reason);
