using System.Text.Json.Serialization;

namespace FollowUpFlow.Core.Model;

/// <summary>Someone the candidate deals with: an interviewer or a recruiter. Email is optional: not every panel member gives one.</summary>
public sealed record Person(string Name, string? Email)
{
    [JsonIgnore]
    public bool HasEmail => !string.IsNullOrWhiteSpace(Email);
}
