using System.Globalization;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow.Timing;

namespace FollowUpFlow.Core.Workflow;

/// <summary>What an interview must have before the workflow can plan around it. Messages are for people.</summary>
internal static class DetailsValidator
{
    public static string? Problem(InterviewDetails details)
    {
        if (string.IsNullOrWhiteSpace(details.Company))
        {
            return "The confirmation does not say which company the interview is with.";
        }

        if (string.IsNullOrWhiteSpace(details.Role))
        {
            return "The confirmation does not say which role the interview is for.";
        }

        return Problem(details.Start, details.End, details.TimeZone);
    }

    public static string? Problem(DateTimeOffset start, DateTimeOffset end, string? timeZone)
    {
        if (end <= start)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The interview must end after it starts (start {start:O}, end {end:O}).");
        }

        return TimeZones.TryFind(timeZone, out _)
            ? null
            : $"\"{timeZone}\" is not a known time zone; use an IANA id such as \"Europe/Berlin\".";
    }
}
