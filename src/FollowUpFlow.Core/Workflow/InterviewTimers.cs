using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow.Timing;

namespace FollowUpFlow.Core.Workflow;

/// <summary>The timers an interview starts with, all counted from its end (so a reschedule just plans again).</summary>
internal static class InterviewTimers
{
    public static void ScheduleAfterInterview(Transition transition)
    {
        var end = transition.State.Details.End;
        var zone = transition.Zone;
        var settings = transition.Settings;
        transition.Schedule(TimerKind.ReflectionPrompt, Timeline.After(end, settings.ReflectionPromptDelay, zone));
        transition.Schedule(TimerKind.ThankYouDrafts, Timeline.After(end, settings.ThankYouDelay, zone));
        transition.Schedule(TimerKind.StatusCheckIn, Timeline.After(end, settings.StatusCheckInDelay, zone));
    }
}
