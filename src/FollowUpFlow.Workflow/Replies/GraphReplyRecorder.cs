using System.Text;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Mail;
using FollowUpFlow.Workflow.Configuration;
using FollowUpFlow.Workflow.Inbound;
using FollowUpFlow.Workflow.Persistence;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Workflow.Replies;

/// <summary>What became of one Graph message.</summary>
public enum GraphReplyOutcome
{
    Recorded,
    AlreadyRecorded,

    /// <summary>The candidate's own message (or a draft) in the conversation.</summary>
    FromCandidate,

    /// <summary>No sent draft is in its conversation.</summary>
    NoDraft,

    /// <summary>The interview refused it (closed, say); the reason is logged.</summary>
    Refused,
}

/// <summary>
/// Records a message of the candidate's mailbox as a reply to the sent draft of its conversation. The reply's id is
/// derived from the message's Message-ID as a SendGrid reply's is, so a notification repeated, the conversation check
/// finding it again, or the same reply arriving both ways records it once.
/// </summary>
public sealed class GraphReplyRecorder(WorkflowEngine engine, InterviewStore interviews, GraphInboxClient graph, IOptions<CandidateOptions> candidate)
{
    public static string ReplyIdFor(GraphInboxMessage message) =>
        MailedReply.Id(InboundKeys.DedupeKey(message.InternetMessageId, Encoding.UTF8.GetBytes("graph:" + message.Id)));

    public async Task<GraphReplyOutcome> RecordAsync(string userId, GraphInboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Without a sender it cannot be told from the candidate's own: it is not taken for a reply.
        if (message.IsDraft || message.FromAddress is null || IsCandidate(message.FromAddress))
        {
            return GraphReplyOutcome.FromCandidate;
        }

        if (string.IsNullOrEmpty(message.ConversationId) || await FindDraftAsync(userId, message.ConversationId, cancellationToken) is not { } answered)
        {
            return GraphReplyOutcome.NoDraft;
        }

        var replyId = ReplyIdFor(message);

        // Checked here so a repeat writes nothing at all, not even an "ignored" history entry.
        var record = await interviews.GetAsync(userId, answered.InterviewId, cancellationToken);
        if (record is not null && record.State.Replies.Any(r => r.Id == replyId))
        {
            return GraphReplyOutcome.AlreadyRecorded;
        }

        var (received, reply) = MailedReply.Create(
            replyId,
            answered.InterviewId,
            MailedReply.Sender(message.FromName, message.FromAddress),
            message.Subject,
            message.Body,
            message.ReceivedAt ?? DateTimeOffset.UnixEpoch);
        var result = await engine.ApplyAsync(userId, answered.InterviewId, received, reply, cancellationToken);
        return result.Kind == DecisionKind.Applied ? GraphReplyOutcome.Recorded : GraphReplyOutcome.Refused;
    }

    /// <summary>The latest sent draft of the conversation: a nudge sent in the same thread answers for it.</summary>
    private async Task<DraftRecord?> FindDraftAsync(string userId, string conversationId, CancellationToken cancellationToken)
    {
        DraftRecord? found = null;
        await foreach (var sent in interviews.ListDraftsAsync(userId, DraftStatus.Sent, cancellationToken))
        {
            if (string.Equals(sent.Draft.ConversationId, conversationId, StringComparison.Ordinal) && (found is null || sent.Draft.SentAt > found.Draft.SentAt))
            {
                found = sent;
            }
        }

        return found;
    }

    private bool IsCandidate(string address) =>
        (address.Equals(graph.Mailbox, StringComparison.OrdinalIgnoreCase) || address.Equals(candidate.Value.Email, StringComparison.OrdinalIgnoreCase));
}
