using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;

namespace FollowUpFlow.Core.Tests.Properties;

/// <summary>
/// What a random run does next. Steps pick drafts and timers by index at run time, so they can refer to whatever the
/// workflow has created by then (as well as to ids that do not exist).
/// </summary>
internal abstract record Step;

internal sealed record Wait(int Minutes) : Step;

/// <summary>The scheduler's move: the earliest pending timer, at its due time.</summary>
internal sealed record FireNextDue : Step;

internal enum TimerMutation
{
    Exact,
    StaleDueAt,
    WrongKind,
    UnknownId,
}

internal sealed record FireTimer(int Pick, TimerMutation Mutation, TimerKind BogusKind) : Step;

internal enum Edit
{
    None,
    Subject,
    Body,
    Both,
    BlankBody,
    MultiLineSubject,
}

/// <summary>Draft steps: an even pick prefers drafts the event suits (open, or in flight); an odd one takes any draft.</summary>
internal sealed record Approve(int Pick, bool UnknownId, Edit Edit) : Step;

internal sealed record Reject(int Pick, bool UnknownId) : Step;

/// <summary>New words saved for later; <see cref="Edit.None"/> is an edit with neither subject nor body.</summary>
internal sealed record Revise(int Pick, bool UnknownId, Edit Edit) : Step;

internal sealed record Succeed(int Pick, bool UnknownId) : Step;

internal sealed record Fail(int Pick, bool UnknownId) : Step;

/// <summary>The shell could not tell whether a send left.</summary>
internal sealed record Interrupt(int Pick, bool UnknownId) : Step;

/// <summary>The candidate found an uncertain send in their sent mail.</summary>
internal sealed record MarkSent(int Pick, bool UnknownId) : Step;

internal sealed record Decide(Outcome Outcome, bool WithSuccessor) : Step;

/// <summary>Sender: 0 the recruiter, 1 an interviewer, 2 the candidate's own address, 3 a stranger.</summary>
internal sealed record Reply(int Id, int Sender) : Step;

/// <summary>Zone: 0 unchanged, 1 another valid zone, 2 a bogus one. A length of zero or less is an invalid reschedule.</summary>
internal sealed record Reschedule(int ShiftHours, int LengthMinutes, int Zone) : Step;

internal sealed record Cancel : Step;

internal sealed record Confirm : Step;

/// <summary>Delivers an earlier event again, as an at-least-once shell would.</summary>
internal sealed record Repeat(int Pick) : Step;

/// <summary>One random life of an interview.</summary>
internal sealed record Scenario(string InterviewId, InterviewDetails Details, WorkflowSettings Settings, DateTimeOffset Now, IReadOnlyList<Step> Steps)
{
    public override string ToString() =>
        $"Scenario {Details.Start:O}–{Details.End:O} {Details.TimeZone}, panel [{string.Join(", ", Details.Interviewers.Select(p => $"{p.Name} <{p.Email}>"))}], " +
        $"recruiter {Details.Recruiter?.Email ?? "none"}, settings {Settings.ThankYouDelay}/{Settings.StatusCheckInDelay}/{Settings.ThankYouExpiry}/{Settings.ApprovalReminderDelay} night {Settings.NightStartHour}-{Settings.NightEndHour}, " +
        $"now {Now:O}\n  " + string.Join("\n  ", Steps);
}
