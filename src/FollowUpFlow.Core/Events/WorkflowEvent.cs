using System.Text.Json.Serialization;
using FollowUpFlow.Core.Model;

namespace FollowUpFlow.Core.Events;

/// <summary>Something that happened to an interview. Every event is kept in the interview's history.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ConfirmationReceived), "confirmationReceived")]
[JsonDerivedType(typeof(Rescheduled), "rescheduled")]
[JsonDerivedType(typeof(Cancelled), "cancelled")]
[JsonDerivedType(typeof(TimerFired), "timerFired")]
[JsonDerivedType(typeof(DraftApproved), "draftApproved")]
[JsonDerivedType(typeof(DraftRejected), "draftRejected")]
[JsonDerivedType(typeof(DraftEdited), "draftEdited")]
[JsonDerivedType(typeof(OutcomeRecorded), "outcomeRecorded")]
[JsonDerivedType(typeof(ReplyReceived), "replyReceived")]
[JsonDerivedType(typeof(SendSucceeded), "sendSucceeded")]
[JsonDerivedType(typeof(SendFailed), "sendFailed")]
[JsonDerivedType(typeof(SendUncertain), "sendUncertain")]
[JsonDerivedType(typeof(DraftMarkedSent), "draftMarkedSent")]
public abstract record WorkflowEvent;

/// <summary>Creates the interview. <paramref name="InterviewId"/> is chosen by the caller (the shell), not the decider.</summary>
public sealed record ConfirmationReceived(string InterviewId, InterviewDetails Details) : WorkflowEvent;

public sealed record Rescheduled(DateTimeOffset Start, DateTimeOffset End, string? TimeZone) : WorkflowEvent;

public sealed record Cancelled(string? Reason) : WorkflowEvent;

public sealed record TimerFired(string TimerId, TimerKind Kind, DateTimeOffset DueAt) : WorkflowEvent;

/// <summary>The candidate approved a draft, optionally with an edited subject and/or body.</summary>
public sealed record DraftApproved(string DraftId, string? Subject = null, string? Body = null) : WorkflowEvent;

public sealed record DraftRejected(string DraftId) : WorkflowEvent;

/// <summary>The candidate saved a new subject and/or body for a draft without approving it yet.</summary>
public sealed record DraftEdited(string DraftId, string? Subject = null, string? Body = null) : WorkflowEvent;

public sealed record OutcomeRecorded(Outcome Outcome, SuccessfulCandidate? SuccessfulCandidate = null) : WorkflowEvent;

/// <summary>A reply in the interview's thread. Its body is stored apart by the shell under <paramref name="ReplyId"/>.</summary>
public sealed record ReplyReceived(string ReplyId, string From, string Subject, DateTimeOffset ReceivedAt) : WorkflowEvent;

/// <param name="ConversationId">The mail provider's thread of the sent message, when it has one (Graph): replies are looked for there.</param>
public sealed record SendSucceeded(string DraftId, string MessageId, DateTimeOffset SentAt, string? ConversationId = null) : WorkflowEvent;

/// <summary>The provider refused a send permanently (transient failures are retried by the shell and never reach the decider).</summary>
public sealed record SendFailed(string DraftId, string Reason) : WorkflowEvent;

/// <summary>A send was interrupted and the provider cannot say whether the message left; the shell never guesses.</summary>
public sealed record SendUncertain(string DraftId, string Reason) : WorkflowEvent;

/// <summary>The candidate found an uncertain send in their sent mail: it did leave.</summary>
public sealed record DraftMarkedSent(string DraftId) : WorkflowEvent;
