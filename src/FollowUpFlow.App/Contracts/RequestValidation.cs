using System.Collections.Immutable;
using FollowUpFlow.Core.Model;

namespace FollowUpFlow.App.Contracts;

/// <summary>Turns request bodies into domain values, or says exactly what is wrong with them.</summary>
internal static class RequestValidation
{
    public static InterviewDetails? ToDetails(CreateInterviewRequest request, RequestErrors errors)
    {
        var company = RequiredText(request.Company, "company", RequestLimits.MaxName, errors);
        var role = RequiredText(request.Role, "role", RequestLimits.MaxName, errors);
        var timeZone = TimeZoneId(request.TimeZone, "timeZone", errors);
        CheckTimes(request.Start, request.End, errors);
        var interviewers = request.Interviewers ?? [];
        if (interviewers.Count > RequestLimits.MaxPeople)
        {
            errors.Add("interviewers", $"At most {RequestLimits.MaxPeople} interviewers are accepted.");
        }

        var people = interviewers.Select((p, i) => p is null ? Missing($"interviewers[{i}]", errors) : ToPerson(p, $"interviewers[{i}]", errors)).ToImmutableArray();
        var recruiter = request.Recruiter is null ? null : ToPerson(request.Recruiter, "recruiter", errors);
        if (errors.Any)
        {
            return null;
        }

        return new InterviewDetails(company!, role!, request.Start!.Value, request.End!.Value, timeZone!, people!, recruiter);
    }

    public static void CheckTimes(DateTimeOffset? start, DateTimeOffset? end, RequestErrors errors)
    {
        if (start is null)
        {
            errors.Add("start", "start is required (ISO 8601 with an offset, e.g. 2026-12-08T14:00:00-05:00).");
        }

        if (end is null)
        {
            errors.Add("end", "end is required (ISO 8601 with an offset, e.g. 2026-12-08T15:00:00-05:00).");
        }

        CheckInstant(start, "start", errors);
        CheckInstant(end, "end", errors);
        if (start is { } s && end is { } e)
        {
            if (e <= s)
            {
                errors.Add("end", "end must be after start.");
            }
            else if (e - s > RequestLimits.MaxInterviewLength)
            {
                errors.Add("end", "An interview longer than 24 hours is not accepted; check the dates.");
            }
        }
    }

    /// <summary>Dates outside this century are typing mistakes, and storage cannot hold dates before 1601 at all.</summary>
    public static void CheckInstant(DateTimeOffset? value, string field, RequestErrors errors)
    {
        if (value is { } instant && (instant.Year < 2000 || instant.Year >= 2100))
        {
            errors.Add(field, $"{field} must be a date between the years 2000 and 2099.");
        }
    }

    public static string? TimeZoneId(string? value, string field, RequestErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"{field} is required (an IANA time zone such as Europe/Berlin).");
            return null;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(value.Trim(), out _))
        {
            errors.Add(field, $"'{Shorten(value)}' is not a known time zone; use an IANA id such as America/New_York.");
            return null;
        }

        return value.Trim();
    }

    public static Person? ToPerson(PersonDto dto, string field, RequestErrors errors)
    {
        var name = OptionalText(dto.Name, $"{field}.name", RequestLimits.MaxName, errors);
        var email = string.IsNullOrWhiteSpace(dto.Email) ? null : Email(dto.Email, $"{field}.email", errors);
        if (name is null && email is null)
        {
            errors.Add(field, $"{field} needs a name or an email address.");
            return null;
        }

        return new Person(name ?? email!, email);
    }

    public static string? Email(string value, string field, RequestErrors errors)
    {
        var trimmed = value.Trim();
        try
        {
            return new Mail.MailAddress(null, trimmed).Address;
        }
        catch (ArgumentException)
        {
            errors.Add(field, $"'{Shorten(trimmed)}' is not a valid email address.");
            return null;
        }
    }

    public static string? RequiredText(string? value, string field, int maxLength, RequestErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"{field} is required.");
            return null;
        }

        return OptionalText(value, field, maxLength, errors);
    }

    public static string? OptionalText(string? value, string field, int maxLength, RequestErrors errors, bool singleLine = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            errors.Add(field, $"{field} is {trimmed.Length} characters long; at most {maxLength} are accepted.");
            return null;
        }

        if (singleLine && trimmed.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            errors.Add(field, $"{field} must be a single line.");
            return null;
        }

        return trimmed;
    }

    private static Person? Missing(string field, RequestErrors errors)
    {
        errors.Add(field, $"{field} is null; give a name or an email address.");
        return null;
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
