using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;

namespace FollowUpFlow.Core.Workflow.Handlers;

/// <summary>A forwarded confirmation creates the interview and plans its timeline from the interview's end.</summary>
internal static class ConfirmationHandler
{
    public static Decision Start(ConfirmationReceived confirmation, DateTimeOffset now, WorkflowSettings settings)
    {
        if (string.IsNullOrWhiteSpace(confirmation.InterviewId))
        {
            return Decision.Refused(null, "The confirmation has no interview id.");
        }

        if (confirmation.Details is null)
        {
            return Decision.Refused(null, "The confirmation has no interview details.");
        }

        var details = StateSanitiser.Sanitise(confirmation.Details) with
        {
            Company = confirmation.Details.Company?.Trim() ?? string.Empty,
            Role = confirmation.Details.Role?.Trim() ?? string.Empty,
            TimeZone = confirmation.Details.TimeZone?.Trim() ?? string.Empty,
        };
        if (DetailsValidator.Problem(details) is { } problem)
        {
            return Decision.Refused(null, problem);
        }

        var state = new InterviewState(confirmation.InterviewId, details, InterviewPhase.Scheduled, [], [], [], NextSequence: 1);
        var transition = new Transition(state, now, settings);
        InterviewTimers.ScheduleAfterInterview(transition);
        return transition.Apply();
    }
}
