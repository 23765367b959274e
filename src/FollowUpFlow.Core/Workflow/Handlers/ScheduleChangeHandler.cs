using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;

namespace FollowUpFlow.Core.Workflow.Handlers;

/// <summary>Reschedules and cancellations forwarded by the candidate.</summary>
internal static class ScheduleChangeHandler
{
    public static Decision Reschedule(Transition transition, Rescheduled rescheduled)
    {
        var state = transition.State;
        if (state.IsClosed)
        {
            return transition.Refuse("The interview is closed; a reschedule no longer applies.");
        }

        if (state.Phase is not (InterviewPhase.Scheduled or InterviewPhase.AwaitingOutcome))
        {
            return transition.Refuse("The outcome is already recorded; the interview can no longer be rescheduled.");
        }

        if (state.Drafts.FirstOrDefault(d => d.WasEverSent()) is { } sent)
        {
            return transition.Refuse(
                $"A {sent.Kind.Label().ToLowerInvariant()} email to {sent.To.Name} was already sent for the original date, so the interview can no longer be rescheduled.");
        }

        var timeZone = string.IsNullOrWhiteSpace(rescheduled.TimeZone) ? state.Details.TimeZone : rescheduled.TimeZone.Trim();
        if (DetailsValidator.Problem(rescheduled.Start, rescheduled.End, timeZone) is { } problem)
        {
            return transition.Refuse(problem);
        }

        // Follow-ups written for the old date make no sense for the new one; the timeline is planned afresh.
        transition.WithdrawOpenDrafts(_ => true);
        transition.CancelTimers(_ => true);
        transition.Update(s => s with
        {
            Phase = InterviewPhase.Scheduled,
            Details = s.Details with { Start = rescheduled.Start, End = rescheduled.End, TimeZone = timeZone },
        });
        InterviewTimers.ScheduleAfterInterview(transition);
        return transition.Apply();
    }

    public static Decision Cancel(Transition transition)
    {
        if (transition.State.IsClosed)
        {
            return transition.Refuse($"The interview is already closed ({transition.State.CloseReason}).");
        }

        transition.Close(CloseReason.Cancelled);
        return transition.Apply();
    }
}
