using System.Collections.Immutable;
using FollowUpFlow.Core.Model;

namespace FollowUpFlow.Inbound.Understanding;

/// <summary>What one inbound email says about an interview, field by field, each with a confidence in [0, 1].</summary>
/// <param name="TimeZone">IANA id of the interview's own time zone; Start and End carry its offset.</param>
/// <param name="Confidence">Per field name ("kind", "company", "role", "start", "end", "timeZone", "interviewers", "recruiter", "meetingUrl", "location").</param>
public sealed record EmailUnderstanding(
    EmailKind Kind,
    string? Company,
    string? Role,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    string? TimeZone,
    ImmutableArray<Person> Interviewers,
    Person? Recruiter,
    string? MeetingUrl,
    string? Location,
    ImmutableDictionary<string, double> Confidence,
    ImmutableArray<string> Problems,
    EmailReferences References)
{
    /// <summary>Below this a key field is "uncertain" and the message waits for the candidate in "needs review".</summary>
    public const double ReviewThreshold = 0.6;

    /// <summary>The fields that must be certain for this kind of message to act on its own.</summary>
    public ImmutableArray<string> UncertainKeyFields
    {
        get
        {
            string[] keys = Kind switch
            {
                EmailKind.Confirmation => ["kind", "company", "start", "end"],
                EmailKind.Reschedule => ["kind", "start", "end"],
                _ => ["kind"],
            };
            return [.. keys.Where(k => Confidence.GetValueOrDefault(k) < ReviewThreshold)];
        }
    }

    public bool NeedsReview => !UncertainKeyFields.IsEmpty;

    /// <summary>For input that is not an email at all, or that a limit stopped: nothing known, the reasons kept.</summary>
    public static EmailUnderstanding NotUnderstood(ImmutableArray<string> problems) =>
        new(EmailKind.Other, null, null, null, null, null, [], null, null, null, ImmutableDictionary<string, double>.Empty, problems,
            new EmailReferences(null, null, [], null, null, null, null, null, null));
}

/// <summary>Identifiers that tie a message to an interview: its own ids, the thread it belongs to, and the calendar event.</summary>
/// <param name="MessageId">The outer message's Message-ID (what deduplication keys on).</param>
/// <param name="OriginalMessageId">The forwarded original's Message-ID, when the original was attached.</param>
/// <param name="ThreadIds">In-Reply-To and References of the outer message and of the original.</param>
/// <param name="OriginalSender">Who wrote the original (the forwarded block's From), not the forwarder.</param>
/// <param name="OriginalDate">When the original was written, from the forwarded block.</param>
public sealed record EmailReferences(
    string? MessageId,
    string? OriginalMessageId,
    ImmutableArray<string> ThreadIds,
    string? CalendarUid,
    int? CalendarSequence,
    string? CalendarMethod,
    Person? OriginalSender,
    string? OriginalSubject,
    DateTimeOffset? OriginalDate);
