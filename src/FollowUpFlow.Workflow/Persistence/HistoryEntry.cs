using FollowUpFlow.Core.Events;

namespace FollowUpFlow.Workflow.Persistence;

/// <summary>One event in an interview's history, as the timeline and the audit show it.</summary>
/// <param name="Applied">False for a recorded no-op (e.g. a reply to a closed interview).</param>
public sealed record HistoryEntry(int Sequence, DateTimeOffset At, bool Applied, string Summary, WorkflowEvent Event, string? Note = null);
