using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Templates;

namespace FollowUpFlow.Core.Workflow;

/// <summary>
/// The timeline and the candidate's profile. Every delay is configurable. Delays of whole days are added on the
/// local calendar of the interview's time zone (so "7 days later" keeps the wall-clock time across a DST change);
/// shorter delays are exact durations.
/// </summary>
public sealed record WorkflowSettings
{
    public required CandidateProfile Candidate { get; init; }

    /// <summary>Domain for the Message-IDs of sent drafts, e.g. "followupflow.local".</summary>
    public string MessageIdDomain { get; init; } = "followupflow.local";

    public TimeSpan ReflectionPromptDelay { get; init; } = TimeSpan.FromMinutes(30);
    public TimeSpan ThankYouDelay { get; init; } = TimeSpan.FromHours(1);
    public TimeSpan ApprovalReminderDelay { get; init; } = TimeSpan.FromHours(18);
    public TimeSpan ThankYouExpiry { get; init; } = TimeSpan.FromHours(48);
    public TimeSpan StatusCheckInDelay { get; init; } = TimeSpan.FromDays(7);
    public TimeSpan FeedbackNudgeDelay { get; init; } = TimeSpan.FromDays(7);
    public TimeSpan FeedbackCloseDelay { get; init; } = TimeSpan.FromDays(21);

    /// <summary>A rejection recorded from this local hour on (or before <see cref="NightEndHour"/>) is drafted at <see cref="MorningHour"/>.</summary>
    public int NightStartHour { get; init; } = 21;
    public int NightEndHour { get; init; } = 7;
    public int MorningHour { get; init; } = 9;

    public DraftTemplates Templates { get; init; } = DraftTemplates.Default;
}
