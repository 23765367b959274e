using System.Collections.Immutable;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;

namespace FollowUpFlow.Core.Tests.Support;

/// <summary>The cast of every test: one candidate, a two-person panel and a recruiter at Acme, in Berlin.</summary>
internal static class TestData
{
    public const string Berlin = "Europe/Berlin";

    public static readonly CandidateProfile Candidate = new("Sam Carter", "sam@candidate.example", "Sam Carter\n+49 170 0000000", Berlin);

    public static readonly WorkflowSettings Settings = new() { Candidate = Candidate };

    public static readonly Person Ana = new("Ana Silva", "ana@acme.example");
    public static readonly Person Ben = new("Ben Okafor", "ben@acme.example");
    public static readonly Person Rita = new("Rita Gomez", "rita@acme.example");

    /// <summary>Tuesday 10 March 2026, 14:00–15:00 in Berlin (CET, UTC+1).</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 14, 0, 0, TimeSpan.FromHours(1));

    public static DateTimeOffset End => Start.AddHours(1);

    public static InterviewDetails Details(
        ImmutableArray<Person>? interviewers = null,
        Person? recruiter = null,
        bool noRecruiter = false,
        DateTimeOffset? start = null,
        TimeSpan? length = null,
        string timeZone = Berlin) =>
        new(
            "Acme",
            "Platform Engineer",
            start ?? Start,
            (start ?? Start) + (length ?? TimeSpan.FromHours(1)),
            timeZone,
            interviewers ?? [Ana, Ben],
            noRecruiter ? null : recruiter ?? Rita);

    /// <summary>A wall-clock time in a zone, as an instant.</summary>
    public static DateTimeOffset Local(string timeZone, int year, int month, int day, int hour, int minute = 0)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var wall = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
    }

    public static DateTime WallClock(DateTimeOffset instant, string timeZone) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime;
}
