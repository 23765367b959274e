using FollowUpFlow.App.Contracts;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Workflow.Inbound;

namespace FollowUpFlow.App.Inbound;

/// <summary>
/// The candidate's answer to a payload waiting for review, one of:
/// { "interview": {company, role, start, end, timeZone, interviewers, recruiter} } to create the interview;
/// { "interviewId", "kind": "rejection|offer|cancellation|reschedule", "start", "end", "timeZone", "reason" } to apply it to one;
/// { "dismiss": true }.
/// </summary>
public sealed record ResolveInboundRequest(
    CreateInterviewRequest? Interview,
    string? InterviewId,
    string? Kind,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    string? TimeZone,
    string? Reason,
    bool? Dismiss)
{
    /// <summary>The resolution this asks for, or null with what is wrong in <paramref name="errors"/>.</summary>
    internal InboundResolution? ToResolution(RequestErrors errors)
    {
        var chosen = new[] { Interview is not null, InterviewId is not null, Dismiss == true }.Count(c => c);
        if (chosen != 1)
        {
            errors.Add("request", "Give exactly one of: \"interview\" (to create it), \"interviewId\" with \"kind\" (to apply the message to it), or \"dismiss\": true.");
            return null;
        }

        if (Dismiss == true)
        {
            return new DismissResolution();
        }

        if (Interview is not null)
        {
            return RequestValidation.ToDetails(Interview, errors) is { } details ? new CreateInterviewResolution(details) : null;
        }

        var interviewId = InterviewId!.Trim();
        if (interviewId.Length is 0 or > 64 || !interviewId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            errors.Add("interviewId", "interviewId must be an interview's id: letters, digits and '-' only.");
        }

        var workflowEvent = ToEvent(errors);
        return workflowEvent is null || errors.Any ? null : new ApplyToInterviewResolution(interviewId, workflowEvent);
    }

    private WorkflowEvent? ToEvent(RequestErrors errors)
    {
        switch (Kind?.Trim().ToLowerInvariant())
        {
            case "rejection":
                return new OutcomeRecorded(Outcome.Rejected);
            case "offer":
                return new OutcomeRecorded(Outcome.Offer);
            case "cancellation":
                var reason = RequestValidation.OptionalText(Reason, "reason", RequestLimits.MaxSubject, errors);
                return errors.Any ? null : new Cancelled(reason);
            case "reschedule":
                RequestValidation.CheckTimes(Start, End, errors);
                var timeZone = TimeZone is null ? null : RequestValidation.TimeZoneId(TimeZone, "timeZone", errors);
                return errors.Any ? null : new Rescheduled(Start!.Value, End!.Value, timeZone);
            default:
                errors.Add("kind", "kind must be one of: rejection, offer, cancellation, reschedule.");
                return null;
        }
    }
}
