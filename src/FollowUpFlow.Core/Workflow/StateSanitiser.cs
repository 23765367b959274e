using FollowUpFlow.Core.Model;

namespace FollowUpFlow.Core.Workflow;

/// <summary>
/// A deserialised state can carry default (uninitialised) arrays, e.g. when a property was missing from the JSON.
/// The decider works on empty arrays instead, so it never throws on them.
/// </summary>
internal static class StateSanitiser
{
    public static InterviewState Sanitise(InterviewState state)
    {
        var details = Sanitise(state.Details);
        if (ReferenceEquals(details, state.Details) && !state.Drafts.IsDefault && !state.Timers.IsDefault && !state.Replies.IsDefault)
        {
            return state;
        }

        return state with
        {
            Details = details,
            Drafts = state.Drafts.IsDefault ? [] : state.Drafts,
            Timers = state.Timers.IsDefault ? [] : state.Timers,
            Replies = state.Replies.IsDefault ? [] : state.Replies,
        };
    }

    public static InterviewDetails Sanitise(InterviewDetails details) =>
        details.Interviewers.IsDefault ? details with { Interviewers = [] } : details;
}
