using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;

namespace FollowUpFlow.Core.Workflow.Handlers;

/// <summary>The company's decision (or the candidate's withdrawal). Recorded once; only a rejection keeps the workflow going.</summary>
internal static class OutcomeHandler
{
    public static Decision Record(Transition transition, OutcomeRecorded recorded)
    {
        var state = transition.State;
        if (state.IsClosed)
        {
            return transition.Refuse($"The interview is closed ({state.CloseReason}); its outcome can no longer change.");
        }

        if (state.Outcome is { } existing)
        {
            return transition.Refuse($"The outcome is already recorded ({existing}).");
        }

        if (!Enum.IsDefined(recorded.Outcome))
        {
            return transition.Refuse($"Unknown outcome {recorded.Outcome}.");
        }

        transition.Update(s => s with { Outcome = recorded.Outcome, OutcomeAt = transition.Now, SuccessfulCandidate = recorded.SuccessfulCandidate });
        switch (recorded.Outcome)
        {
            case Outcome.Rejected:
                Reject(transition);
                break;
            case Outcome.Offer:
                transition.Close(CloseReason.Offer);
                break;
            case Outcome.Withdrawn:
                transition.Close(CloseReason.Withdrawn);
                break;
            default:
                transition.Close(CloseReason.NoResponse);
                break;
        }

        return transition.Apply();
    }

    private static void Reject(Transition transition)
    {
        // Thank-yous and check-ins read wrong after a "no". Their reminder goes too: the feedback request gets its own.
        transition.WithdrawOpenDrafts(_ => true);
        transition.CancelTimers(t => t.Kind is TimerKind.ApprovalReminder or TimerKind.ThankYouExpiry);
        transition.Update(s => s with { Phase = InterviewPhase.Rejected });
        var state = transition.State;
        transition.QueueResearch(new ResearchTask(
            $"{state.Id}-research",
            state.Id,
            state.Details.Company,
            state.Details.Role,
            state.SuccessfulCandidate,
            transition.Now));
        FeedbackRequests.Plan(transition);
    }
}
