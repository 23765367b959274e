using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;

namespace FollowUpFlow.Workflow.Configuration;

public static class WorkflowSettingsFactory
{
    public static WorkflowSettings Create(CandidateOptions candidate, TimelineOptions timeline) => new()
    {
        Candidate = new CandidateProfile(candidate.Name, candidate.Email, candidate.Signature, candidate.TimeZone),
        MessageIdDomain = timeline.MessageIdDomain,
        ReflectionPromptDelay = timeline.ReflectionPromptDelay,
        ThankYouDelay = timeline.ThankYouDelay,
        ApprovalReminderDelay = timeline.ApprovalReminderDelay,
        ThankYouExpiry = timeline.ThankYouExpiry,
        StatusCheckInDelay = timeline.StatusCheckInDelay,
        FeedbackNudgeDelay = timeline.FeedbackNudgeDelay,
        FeedbackCloseDelay = timeline.FeedbackCloseDelay,
        NightStartHour = timeline.NightStartHour,
        NightEndHour = timeline.NightEndHour,
        MorningHour = timeline.MorningHour,
    };
}
