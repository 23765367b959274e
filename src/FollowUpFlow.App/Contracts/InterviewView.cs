using System.Collections.Immutable;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Workflow.Persistence;

namespace FollowUpFlow.App.Contracts;

/// <summary>One interview as the API shows it: its state, pending timers, drafts, replies and full history.</summary>
public sealed record InterviewView(
    string Id,
    string Company,
    string Role,
    DateTimeOffset Start,
    DateTimeOffset End,
    string TimeZone,
    InterviewPhase Phase,
    Outcome? Outcome,
    CloseReason? CloseReason,
    ImmutableArray<Person> Interviewers,
    Person? Recruiter,
    IReadOnlyList<PendingTimer> PendingTimers,
    ImmutableArray<Draft> Drafts,
    IReadOnlyList<StoredReply> Replies,
    IReadOnlyList<HistoryEntry> History)
{
    public static InterviewView From(InterviewState state, IReadOnlyList<StoredReply> replies, IReadOnlyList<HistoryEntry> history) => new(
        state.Id,
        state.Details.Company,
        state.Details.Role,
        state.Details.Start,
        state.Details.End,
        state.Details.TimeZone,
        state.Phase,
        state.Outcome,
        state.CloseReason,
        state.Details.Interviewers,
        state.Details.Recruiter,
        [.. state.Timers.OrderBy(t => t.DueAt)],
        state.Drafts,
        replies,
        history);
}

/// <summary>A draft with the interview it belongs to.</summary>
public sealed record DraftView(string InterviewId, string Company, string Role, Draft Draft)
{
    public static DraftView From(DraftRecord record) => new(record.InterviewId, record.Company, record.Role, record.Draft);

    public static DraftView From(InterviewState state, Draft draft) => new(state.Id, state.Details.Company, state.Details.Role, draft);
}
