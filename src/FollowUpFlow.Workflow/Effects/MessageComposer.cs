using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Mail;

namespace FollowUpFlow.Workflow.Effects;

/// <summary>Turns drafts and notifications into the messages the transport sends.</summary>
public static class MessageComposer
{
    public const string DraftIdHeader = "X-FollowUpFlow-Draft-Id";
    public const string InterviewIdHeader = "X-FollowUpFlow-Interview-Id";

    /// <summary>A draft, from the candidate's own address to its recipient.</summary>
    public static OutgoingMessage ForDraft(InterviewState interview, Draft draft, WorkflowSettings settings, DateTimeOffset now)
    {
        var candidate = settings.Candidate;
        var to = draft.To.Email ?? throw new ArgumentException($"Draft '{draft.Id}' has no recipient address.", nameof(draft));
        return new OutgoingMessage
        {
            From = new MailAddress(candidate.Name, candidate.Email),
            To = [new MailAddress(draft.To.Name, to)],
            Subject = draft.Subject,
            TextBody = draft.Body,
            MessageId = draft.MessageId ?? throw new ArgumentException($"Draft '{draft.Id}' has no Message-ID; it was not approved.", nameof(draft)),
            Date = now,
            InReplyTo = draft.InReplyTo,
            References = draft.InReplyTo is null ? [] : [draft.InReplyTo],
            ExtraHeaders = [new MessageHeader(DraftIdHeader, draft.Id), new MessageHeader(InterviewIdHeader, interview.Id)],
        };
    }

    /// <summary>A note to the candidate, from FollowUpFlow (in the candidate's own mailbox) to the candidate.</summary>
    public static OutgoingMessage ForNotification(InterviewState interview, CandidateNotification notification, WorkflowSettings settings, DateTimeOffset now)
    {
        var candidate = settings.Candidate;
        return new OutgoingMessage
        {
            From = new MailAddress("FollowUpFlow", candidate.Email),
            To = [new MailAddress(candidate.Name, candidate.Email)],
            Subject = notification.Subject,
            TextBody = notification.Body,
            MessageId = NotificationMessageId(interview.Id, notification.Id, settings.MessageIdDomain),
            Date = now,
            ExtraHeaders = [new MessageHeader(InterviewIdHeader, interview.Id)],
        };
    }

    /// <summary>Fixed per notification, so a notification sent again after a crash is the same message.</summary>
    public static string NotificationMessageId(string interviewId, string notificationId, string domain) =>
        MessageIds.Create($"{interviewId}.{notificationId}", domain);
}
