using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow.Handlers;

namespace FollowUpFlow.Core.Workflow;

/// <summary>
/// The per-interview workflow as a pure function: no I/O, no clock, no randomness. The shell persists the new state
/// with the event, then runs the commands. Never throws for well-formed inputs: an event that does not fit is
/// Refused (with a reason for the caller) or Ignored (a recorded no-op).
/// </summary>
public static class InterviewDecider
{
    public static Decision Decide(InterviewState? state, WorkflowEvent evt, DateTimeOffset now, WorkflowSettings settings)
    {
        if (evt is null)
        {
            return Decision.Refused(state, "No event was given.");
        }

        if (settings?.Candidate is null)
        {
            return Decision.Refused(state, "The workflow settings have no candidate profile.");
        }

        if (state is null)
        {
            return evt is ConfirmationReceived confirmation
                ? ConfirmationHandler.Start(confirmation, now, settings)
                : Decision.Refused(null, $"There is no such interview yet, so \"{EventDescriptions.Describe(evt)}\" cannot apply; only a forwarded confirmation starts one.");
        }

        if (state.Details is null)
        {
            return Decision.Refused(state, "The interview's stored state has no details.");
        }

        var transition = new Transition(state, now, settings);
        return evt switch
        {
            ConfirmationReceived => transition.Refuse("This interview already exists; forward a reschedule rather than a second confirmation."),
            Rescheduled rescheduled => ScheduleChangeHandler.Reschedule(transition, rescheduled),
            Cancelled => ScheduleChangeHandler.Cancel(transition),
            TimerFired fired => TimerHandler.Handle(transition, fired),
            DraftApproved approved => ApprovalHandler.Approve(transition, approved),
            DraftRejected rejected => ApprovalHandler.Reject(transition, rejected),
            DraftEdited edited => ApprovalHandler.Edit(transition, edited),
            OutcomeRecorded outcome => OutcomeHandler.Record(transition, outcome),
            ReplyReceived reply => ReplyHandler.Handle(transition, reply),
            SendSucceeded succeeded => SendResultHandler.Succeeded(transition, succeeded),
            SendFailed failed => SendResultHandler.Failed(transition, failed),
            SendUncertain uncertain => SendResultHandler.Uncertain(transition, uncertain),
            DraftMarkedSent marked => SendResultHandler.MarkedSent(transition, marked),
            _ => transition.Refuse($"Unknown event type {evt.GetType().Name}."),
        };
    }
}
