namespace FollowUpFlow.Core.Model;

/// <summary>The job seeker FollowUpFlow works for: who drafts are signed by and sent from.</summary>
public sealed record CandidateProfile(string Name, string Email, string Signature, string TimeZone);
