using FollowUpFlow.Core.Events;
using FollowUpFlow.Workflow.Persistence;

namespace FollowUpFlow.Workflow.Inbound;

/// <summary>
/// A reply that came by mail, through SendGrid's Inbound Parse or from the Graph mailbox, as the workflow records it.
/// Its id comes from the message's deduplication key, so the same reply arriving twice, or both ways, is one reply;
/// the sender reads "Name &lt;address&gt;"; the body is bounded.
/// </summary>
public static class MailedReply
{
    public const int MaxBody = 64 * 1024;

    /// <summary>The reply's id, from <see cref="InboundKeys.DedupeKey"/> of its message.</summary>
    public static string Id(string dedupeKey) => "r-" + dedupeKey[..20];

    public static string Sender(string? name, string? address) =>
        address is null ? "(no sender)" : name is { Length: > 0 } ? $"{name} <{address}>" : address;

    /// <summary>The event for the interview and the reply stored with it, in the same write.</summary>
    public static (ReplyReceived Event, StoredReply Stored) Create(string replyId, string interviewId, string from, string subject, string body, DateTimeOffset receivedAt) =>
        (new ReplyReceived(replyId, from, subject, receivedAt),
         new StoredReply(replyId, interviewId, from, subject, body.Length > MaxBody ? body[..MaxBody] : body, receivedAt));
}
