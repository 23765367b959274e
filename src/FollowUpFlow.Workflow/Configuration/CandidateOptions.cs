using System.ComponentModel.DataAnnotations;

namespace FollowUpFlow.Workflow.Configuration;

/// <summary>The job seeker this deployment works for (standalone: one candidate, user id "default").</summary>
public sealed class CandidateOptions
{
    public const string Section = "FollowUpFlow:Candidate";

    /// <summary>Partition of all this candidate's data; letters, digits, '-', '_' and '.' only.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9._-]{1,64}$", ErrorMessage = "UserId may hold letters, digits, '.', '_' and '-' only (1-64 characters).")]
    public string UserId { get; set; } = "default";

    [Required]
    public string Name { get; set; } = "";

    [Required]
    [EmailAddress]
    public string Email { get; set; } = "";

    public string Signature { get; set; } = "";

    /// <summary>IANA time zone id, e.g. "Europe/Berlin".</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";
}
