using System.Collections.Immutable;
using FollowUpFlow.Core.Commands;
using FollowUpFlow.Core.Model;

namespace FollowUpFlow.Core.Workflow;

public enum DecisionKind
{
    /// <summary>The event changed the interview; persist the new state and run the commands.</summary>
    Applied,

    /// <summary>The event is recorded in the history but changes nothing (a stale timer, a reply to a closed interview).</summary>
    Ignored,

    /// <summary>The event is not allowed now (an approval after expiry); nothing is persisted and the caller gets the reason.</summary>
    Refused,
}

/// <summary>
/// The result of <see cref="InterviewDecider.Decide"/>. For Ignored and Refused, State is the input state (null when the
/// interview does not exist) and Commands is empty; for Applied, State is the new state and never null.
/// </summary>
public sealed record Decision(DecisionKind Kind, InterviewState? State, ImmutableArray<WorkflowCommand> Commands, string? Reason = null)
{
    public static Decision Applied(InterviewState state, ImmutableArray<WorkflowCommand> commands) => new(DecisionKind.Applied, state, commands);

    public static Decision Ignored(InterviewState? state, string reason) => new(DecisionKind.Ignored, state, [], reason);

    public static Decision Refused(InterviewState? state, string reason) => new(DecisionKind.Refused, state, [], reason);
}
