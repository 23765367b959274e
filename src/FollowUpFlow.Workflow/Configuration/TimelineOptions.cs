using System.ComponentModel.DataAnnotations;

namespace FollowUpFlow.Workflow.Configuration;

/// <summary>The follow-up timeline; the defaults are DESIGN.md's. Delays are "d.hh:mm:ss" time spans.</summary>
public sealed class TimelineOptions
{
    public const string Section = "FollowUpFlow:Timeline";

    public TimeSpan ReflectionPromptDelay { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan ThankYouDelay { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan ApprovalReminderDelay { get; set; } = TimeSpan.FromHours(18);
    public TimeSpan ThankYouExpiry { get; set; } = TimeSpan.FromHours(48);
    public TimeSpan StatusCheckInDelay { get; set; } = TimeSpan.FromDays(7);
    public TimeSpan FeedbackNudgeDelay { get; set; } = TimeSpan.FromDays(7);
    public TimeSpan FeedbackCloseDelay { get; set; } = TimeSpan.FromDays(21);

    [Range(0, 23)]
    public int NightStartHour { get; set; } = 21;

    [Range(0, 23)]
    public int NightEndHour { get; set; } = 7;

    [Range(0, 23)]
    public int MorningHour { get; set; } = 9;

    /// <summary>Right-hand side of the Message-IDs FollowUpFlow gives the messages it sends.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*$")]
    public string MessageIdDomain { get; set; } = "followupflow.local";
}
