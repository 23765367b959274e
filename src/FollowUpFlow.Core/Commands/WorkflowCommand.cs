using FollowUpFlow.Core.Model;

namespace FollowUpFlow.Core.Commands;

/// <summary>What the shell must do after it has persisted a decision. Each command is idempotent by its ids.</summary>
public abstract record WorkflowCommand;

/// <summary>Put the timer in the due index. The timer is also in the new state, which is the source of truth.</summary>
public sealed record ScheduleTimer(PendingTimer Timer) : WorkflowCommand;

/// <summary>Take the timer out of the due index (it is already gone from the new state).</summary>
public sealed record CancelTimer(PendingTimer Timer) : WorkflowCommand;

/// <summary>A new draft waits for approval (it is in the new state; the shell lists it).</summary>
public sealed record CreateDraft(Draft Draft) : WorkflowCommand;

/// <summary>Send an approved draft from the candidate's mailbox, with the Message-ID the draft records.</summary>
public sealed record SendDraft(string DraftId, string MessageId) : WorkflowCommand;

/// <summary>Email the candidate (a digest, a reminder, a prompt). Goes to the candidate only.</summary>
public sealed record NotifyCandidate(CandidateNotification Notification) : WorkflowCommand;

public sealed record QueueResearch(ResearchTask Task) : WorkflowCommand;

/// <summary>The interview is finished; nothing will be sent for it any more.</summary>
public sealed record Close(CloseReason Reason) : WorkflowCommand;
