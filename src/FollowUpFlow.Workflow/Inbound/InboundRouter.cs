using System.Globalization;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Inbound;
using FollowUpFlow.Inbound.Mime;
using FollowUpFlow.Inbound.Understanding;
using FollowUpFlow.Workflow.Persistence;

namespace FollowUpFlow.Workflow.Inbound;

/// <summary>
/// Turns an understood message into one workflow event on the right interview, or into a review item when it cannot
/// tell which interview or what to do. Every step converges when the same message is routed again after a crash:
/// a created interview has an id derived from the message, and an event whose effect is already there changes nothing.
/// </summary>
public sealed class InboundRouter(WorkflowEngine engine, InterviewStore interviews, InboundIndex index, InterviewMatcher matcher, ReplyAddressMatcher replies)
{
    private const int MaxCancelReason = 300;

    public async Task<RouteOutcome> RouteAsync(string userId, ParsedEmail email, string dedupeKey, ParseOptions options, CancellationToken cancellationToken)
    {
        var understanding = email.Understanding;

        // Sent to the reply address of one of our messages: a reply to that draft, whatever its words.
        if (await replies.FindAsync(userId, email, cancellationToken) is { } answered)
        {
            return await RecordReplyAsync(userId, email, dedupeKey, answered, cancellationToken);
        }

        var uid = understanding.References.CalendarUid;
        var calendar = string.IsNullOrWhiteSpace(uid) ? null : await index.GetCalendarAsync(userId, uid, cancellationToken);
        var candidate = options.CandidateAddresses;

        // A calendar cancellation of a known event is unambiguous, whatever the words around it suggest.
        if (calendar is not null && IsCalendarCancel(understanding))
        {
            return await CancelAsync(userId, email, InterviewMatch.Found(calendar.InterviewId, "its calendar event"), calendar, cancellationToken);
        }

        switch (understanding.Kind)
        {
            case EmailKind.Confirmation when calendar is not null:
                return await MoveAsync(userId, email, EmailKind.Confirmation, InterviewMatch.Found(calendar.InterviewId, "its calendar event"), calendar, cancellationToken);
            case EmailKind.Confirmation:
                return await CreateAsync(userId, email, dedupeKey, options, cancellationToken);
            case EmailKind.Reschedule:
                return Unsure(understanding, "reschedule")
                    ?? await MoveAsync(userId, email, EmailKind.Reschedule, await matcher.MatchAsync(userId, email, calendar, false, candidate, cancellationToken), calendar, cancellationToken);
            case EmailKind.Cancellation:
                return Unsure(understanding, "cancellation")
                    ?? await CancelAsync(userId, email, await matcher.MatchAsync(userId, email, calendar, false, candidate, cancellationToken), calendar, cancellationToken);
            case EmailKind.Rejection or EmailKind.Offer:
                return Unsure(understanding, understanding.Kind == EmailKind.Offer ? "offer" : "rejection")
                    ?? await RecordOutcomeAsync(userId, email, await matcher.MatchAsync(userId, email, calendar, true, candidate, cancellationToken), cancellationToken);
            default:
                return new RouteOutcome(InboundStatus.Ignored, null, understanding.Kind, "Not about an interview as far as can be told; kept, nothing to do.");
        }
    }

    private async Task<RouteOutcome> CreateAsync(string userId, ParsedEmail email, string dedupeKey, ParseOptions options, CancellationToken cancellationToken)
    {
        var understanding = email.Understanding;
        if (!understanding.UncertainKeyFields.IsEmpty)
        {
            return Review(EmailKind.Confirmation, null, $"Looks like an interview confirmation, but it is not clear enough about: {string.Join(", ", understanding.UncertainKeyFields)}.");
        }

        var mapped = ConfirmationDetails.From(understanding, options.CandidateTimeZone, options.CandidateAddresses);
        if (mapped.Details is not { } details)
        {
            return Review(EmailKind.Confirmation, null, $"Looks like an interview confirmation, but: {mapped.Problem}");
        }

        var interviewId = InboundKeys.InterviewFor(dedupeKey);
        var result = await engine.ApplyAsync(userId, interviewId, new ConfirmationReceived(interviewId, details), null, cancellationToken);

        // Refused with a state means the interview exists: this very message made it on an earlier try.
        if (result.Kind == DecisionKind.Refused && result.State is null)
        {
            return Review(EmailKind.Confirmation, null, $"The interview could not be created: {result.Reason}");
        }

        await RecordThreadAsync(userId, interviewId, email, null, cancellationToken);
        var created = $"Interview at {details.Company} on {When(details.Start, details.TimeZone)} created.";
        return Processed(EmailKind.Confirmation, interviewId, mapped.Note is null ? created : $"{created} {mapped.Note}");
    }

    private async Task<RouteOutcome> MoveAsync(string userId, ParsedEmail email, EmailKind kind, InterviewMatch match, CalendarEntry? calendar, CancellationToken cancellationToken)
    {
        var understanding = email.Understanding;
        if (match.InterviewId is not { } interviewId)
        {
            return Review(kind, null, $"Looks like a new time for an interview, but: {match.Problem}");
        }

        var unclear = understanding.UncertainKeyFields.Intersect(["start", "end"]).ToList();
        if (understanding.Start is not { } start || understanding.End is not { } end || unclear.Count > 0)
        {
            return Review(kind, interviewId, $"Looks like a new time for interview {interviewId} (found by {match.How}), but the time is not clear.");
        }

        var record = await interviews.GetAsync(userId, interviewId, cancellationToken);
        if (record is null)
        {
            return Review(kind, null, $"It belongs to interview {interviewId} (found by {match.How}), which no longer exists.");
        }

        var current = record.State.Details;
        var sameTime = current.Start == start && current.End == end;
        if (IsStale(understanding, calendar, sameTime))
        {
            return new RouteOutcome(InboundStatus.Stale, interviewId, kind,
                $"An older version (SEQUENCE {understanding.References.CalendarSequence}) of a calendar event already applied at SEQUENCE {calendar!.Sequence}; nothing changed.");
        }

        if (sameTime)
        {
            await RecordThreadAsync(userId, interviewId, email, calendar, cancellationToken);
            return new RouteOutcome(InboundStatus.Duplicate, interviewId, kind, $"Interview {interviewId} is already at {When(start, current.TimeZone)}; nothing changed.");
        }

        var timeZone = understanding.TimeZone is { } zone && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) ? zone : null;
        var result = await engine.ApplyAsync(userId, interviewId, new Rescheduled(start, end, timeZone), null, cancellationToken);
        if (result.Kind == DecisionKind.Refused)
        {
            return Review(kind, interviewId, $"Interview {interviewId} (found by {match.How}) could not be moved: {result.Reason}");
        }

        await RecordThreadAsync(userId, interviewId, email, calendar, cancellationToken);
        return Processed(kind, interviewId, $"Interview {interviewId} at {current.Company} moved to {When(start, timeZone ?? current.TimeZone)} (found by {match.How}).");
    }

    private async Task<RouteOutcome> CancelAsync(string userId, ParsedEmail email, InterviewMatch match, CalendarEntry? calendar, CancellationToken cancellationToken)
    {
        var understanding = email.Understanding;
        if (match.InterviewId is not { } interviewId)
        {
            return Review(EmailKind.Cancellation, null, $"Looks like a cancellation, but: {match.Problem}");
        }

        if (understanding.References.CalendarSequence is { } sequence && calendar?.Sequence is { } applied && sequence < applied)
        {
            return new RouteOutcome(InboundStatus.Stale, interviewId, EmailKind.Cancellation,
                $"A cancellation of an older version (SEQUENCE {sequence}) of a calendar event already applied at SEQUENCE {applied}; nothing changed.");
        }

        var subject = understanding.References.OriginalSubject ?? email.Message.Subject;
        var reason = string.IsNullOrWhiteSpace(subject) ? null : Shorten(subject.Trim(), MaxCancelReason);
        var result = await engine.ApplyAsync(userId, interviewId, new Cancelled(reason), null, cancellationToken);
        if (result.Kind == DecisionKind.Refused)
        {
            return result.State?.CloseReason == CloseReason.Cancelled
                ? new RouteOutcome(InboundStatus.Duplicate, interviewId, EmailKind.Cancellation, $"Interview {interviewId} is already cancelled; nothing changed.")
                : Review(EmailKind.Cancellation, interviewId, $"Interview {interviewId} (found by {match.How}) could not be cancelled: {result.Reason}");
        }

        await RecordThreadAsync(userId, interviewId, email, calendar, cancellationToken);
        return Processed(EmailKind.Cancellation, interviewId, $"Interview {interviewId} cancelled (found by {match.How}).");
    }

    private async Task<RouteOutcome> RecordOutcomeAsync(string userId, ParsedEmail email, InterviewMatch match, CancellationToken cancellationToken)
    {
        var kind = email.Understanding.Kind;
        var outcome = kind == EmailKind.Offer ? Outcome.Offer : Outcome.Rejected;
        var what = kind == EmailKind.Offer ? "an offer" : "a rejection";
        if (match.InterviewId is not { } interviewId)
        {
            return Review(kind, null, $"Looks like {what}, but: {match.Problem}");
        }

        var result = await engine.ApplyAsync(userId, interviewId, new OutcomeRecorded(outcome), null, cancellationToken);
        if (result.Kind == DecisionKind.Refused)
        {
            return result.State?.Outcome == outcome
                ? new RouteOutcome(InboundStatus.Duplicate, interviewId, kind, $"Interview {interviewId} already has this outcome ({outcome}); nothing changed.")
                : Review(kind, interviewId, $"Looks like {what} for interview {interviewId} (found by {match.How}), but it could not be recorded: {result.Reason}");
        }

        await RecordThreadAsync(userId, interviewId, email, null, cancellationToken);
        return Processed(kind, interviewId, $"Recorded {what} for interview {interviewId} (found by {match.How}).");
    }

    /// <summary>Stores the reply with its interview; the reply's id comes from the message, so routing it again changes nothing.</summary>
    private async Task<RouteOutcome> RecordReplyAsync(string userId, ParsedEmail email, string dedupeKey, DraftRecord answered, CancellationToken cancellationToken)
    {
        var message = email.Message;
        var sender = message.From.FirstOrDefault();
        var (received, reply) = MailedReply.Create(
            MailedReply.Id(dedupeKey),
            answered.InterviewId,
            MailedReply.Sender(sender?.Name, sender?.Address),
            message.Subject ?? "",
            MessageText.GetBodyText(message) ?? "",
            message.Date ?? DateTimeOffset.UnixEpoch);
        var result = await engine.ApplyAsync(userId, answered.InterviewId, received, reply, cancellationToken);
        if (result.Kind == DecisionKind.Refused)
        {
            return Review(EmailKind.Other, answered.InterviewId, $"A reply to {answered.Draft.Id} could not be recorded: {result.Reason}");
        }

        await RecordThreadAsync(userId, answered.InterviewId, email, null, cancellationToken);
        return Processed(EmailKind.Other, answered.InterviewId, $"Reply to {answered.Draft.Id} ({answered.Draft.Kind}) recorded for interview {answered.InterviewId}.");
    }

    /// <summary>Later messages of the thread (replies to this one or to the original it forwards) find the interview.</summary>
    private Task RecordThreadAsync(string userId, string interviewId, ParsedEmail email, CalendarEntry? calendar, CancellationToken cancellationToken)
    {
        var references = email.Understanding.References;
        return index.RecordAsync(
            userId,
            interviewId,
            [references.MessageId ?? email.Message.MessageId, references.OriginalMessageId],
            references.CalendarUid,
            references.CalendarSequence,
            calendar,
            cancellationToken);
    }

    /// <summary>Not sure enough of the kind to act on it alone.</summary>
    private static RouteOutcome? Unsure(EmailUnderstanding understanding, string what) =>
        understanding.UncertainKeyFields.Contains("kind")
            ? Review(understanding.Kind, null, $"It may be a {what}, but that is not certain.")
            : null;

    /// <summary>
    /// An older SEQUENCE than the one applied is stale; so is the same SEQUENCE with a different time (a calendar
    /// changes its time only with a new SEQUENCE, so the applied one is the newer reading).
    /// </summary>
    private static bool IsStale(EmailUnderstanding understanding, CalendarEntry? calendar, bool sameTime) =>
        understanding.References.CalendarSequence is { } sequence && calendar?.Sequence is { } applied
        && (sequence < applied || (sequence == applied && !sameTime));

    private static bool IsCalendarCancel(EmailUnderstanding understanding) =>
        string.Equals(understanding.References.CalendarMethod, "CANCEL", StringComparison.OrdinalIgnoreCase);

    private static RouteOutcome Processed(EmailKind kind, string interviewId, string reason) => new(InboundStatus.Processed, interviewId, kind, reason);

    private static RouteOutcome Review(EmailKind kind, string? interviewId, string reason) => new(InboundStatus.NeedsReview, interviewId, kind, reason);

    private static string When(DateTimeOffset instant, string timeZone)
    {
        var local = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? TimeZoneInfo.ConvertTime(instant, zone) : instant;
        return string.Create(CultureInfo.InvariantCulture, $"{local:ddd d MMM yyyy HH:mm} ({timeZone})");
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
