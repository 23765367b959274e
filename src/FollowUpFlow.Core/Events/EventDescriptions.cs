using System.Globalization;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Core.Workflow.Timing;

namespace FollowUpFlow.Core.Events;

/// <summary>One human line per event, for the dashboard timeline and the history.</summary>
public static class EventDescriptions
{
    /// <summary>Without the interview at hand, drafts are named by id.</summary>
    public static string Describe(WorkflowEvent evt) => Describe(evt, state: null);

    /// <summary>With the interview (before or after the event: drafts are never removed), drafts are named by recipient.</summary>
    public static string Describe(WorkflowEvent evt, InterviewState? state) => evt switch
    {
        ConfirmationReceived c => Confirmation(c),
        Rescheduled r => $"Interview rescheduled to {When(r.Start, r.TimeZone ?? state?.Details?.TimeZone)}",
        Cancelled c => string.IsNullOrWhiteSpace(c.Reason) ? "Interview cancelled" : $"Interview cancelled: {c.Reason.Trim()}",
        TimerFired t => Timer(t.Kind),
        DraftApproved a => $"{DraftName(a.DraftId, state)} approved{(a.Subject is not null || a.Body is not null ? " (edited)" : string.Empty)}",
        DraftRejected r => $"{DraftName(r.DraftId, state)} skipped",
        DraftEdited e => $"{DraftName(e.DraftId, state)} edited",
        OutcomeRecorded o => Outcome(o),
        ReplyReceived r => $"Reply from {r.From}: {r.Subject}",
        SendSucceeded s => $"{SentName(s.DraftId, state)} sent",
        SendFailed f => $"{SentName(f.DraftId, state)} could not be sent: {f.Reason}",
        SendUncertain u => $"{SentName(u.DraftId, state)} may or may not have been sent: {u.Reason}",
        DraftMarkedSent m => $"{SentName(m.DraftId, state)} confirmed as sent by you",
        null => "(no event)",
        _ => evt.GetType().Name,
    };

    private static string Confirmation(ConfirmationReceived c) =>
        c.Details is null
            ? "Interview confirmed"
            : $"Interview confirmed: {c.Details.Role} at {c.Details.Company}, {When(c.Details.Start, c.Details.TimeZone)}";

    private static string Timer(TimerKind kind) => kind switch
    {
        TimerKind.ReflectionPrompt => "Reflection prompt due",
        TimerKind.ThankYouDrafts => "Thank-you drafts due",
        TimerKind.ApprovalReminder => "Approval reminder due",
        TimerKind.ThankYouExpiry => "Unapproved thank-you drafts expire",
        TimerKind.StatusCheckIn => "Status check-in due",
        TimerKind.FeedbackRequestDraft => "Feedback request due (the rejection came at night)",
        TimerKind.FeedbackNudge => "Feedback nudge due",
        TimerKind.CloseWithoutFeedback => "No feedback after the final wait",
        _ => $"Timer {kind} due",
    };

    private static string Outcome(OutcomeRecorded o)
    {
        var text = o.Outcome switch
        {
            Model.Outcome.Rejected => "Outcome: rejected",
            Model.Outcome.Offer => "Outcome: offer",
            Model.Outcome.Withdrawn => "Outcome: the candidate withdrew",
            Model.Outcome.NoResponse => "Outcome: no response from the company",
            _ => $"Outcome: {o.Outcome}",
        };
        return string.IsNullOrWhiteSpace(o.SuccessfulCandidate?.Name) ? text : $"{text} (the role went to {o.SuccessfulCandidate.Name.Trim()})";
    }

    private static string DraftName(string draftId, InterviewState? state) =>
        Find(draftId, state) is { } draft ? $"{draft.Kind.Label()} draft to {draft.To.Name}" : $"Draft {draftId}";

    private static string SentName(string draftId, InterviewState? state) =>
        Find(draftId, state) is { } draft ? $"{draft.Kind.Label()} to {draft.To.Name}" : $"Draft {draftId}";

    private static Draft? Find(string draftId, InterviewState? state) =>
        state is null || state.Drafts.IsDefault ? null : state.FindDraft(draftId);

    /// <summary>"Tuesday 3 March 2026, 14:00 (Europe/Berlin)", in the interview's own zone when it is known.</summary>
    private static string When(DateTimeOffset instant, string? timeZone)
    {
        if (TimeZones.TryFind(timeZone, out var zone))
        {
            var local = Timeline.ToLocal(instant, zone);
            return string.Create(CultureInfo.InvariantCulture, $"{local:dddd d MMMM yyyy, HH:mm} ({timeZone!.Trim()})");
        }

        return instant.ToString("dddd d MMMM yyyy, HH:mm 'UTC'zzz", CultureInfo.InvariantCulture);
    }
}
