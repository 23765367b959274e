using System.Collections.Immutable;
using Azure;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Workflow.Effects;

namespace FollowUpFlow.Workflow.Persistence;

/// <summary>An interview as stored: its state, its outbox of effects still to run, and the concurrency token of the row.</summary>
/// <param name="HistoryCount">How many history events exist; the next one gets HistoryCount + 1.</param>
public sealed record InterviewRecord(
    string UserId,
    InterviewState State,
    ImmutableArray<PendingEffect> Outbox,
    int HistoryCount,
    ETag ETag);
