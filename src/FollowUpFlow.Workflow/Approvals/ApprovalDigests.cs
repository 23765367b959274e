using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Mail;
using FollowUpFlow.Workflow.Effects;
using FollowUpFlow.Workflow.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Workflow.Approvals;

/// <summary>
/// Turns the workflow's "drafts wait for you" notes into the digest with one signed approve link per draft, when
/// approval links are on (keys configured); with them off the workflow's own wording goes out unchanged.
/// </summary>
public sealed class ApprovalDigests(IOptions<ApprovalLinkOptions> options, IServiceProvider services, ApprovalUrls urls)
{
    public bool Enabled => options.Value.Enabled;

    /// <summary>The digest for a note about drafts, or null when links are off, the note is not about drafts or none of them still waits.</summary>
    public OutgoingMessage? For(string userId, InterviewState interview, CandidateNotification notification, WorkflowSettings settings, DateTimeOffset now)
    {
        if (!Enabled || notification.Kind is not (NotificationKind.DraftsWaiting or NotificationKind.ApprovalReminder))
        {
            return null;
        }

        var signer = services.GetRequiredService<ApprovalLinkSigner>();
        var entries = notification.DraftIds
            .Select(interview.FindDraft)
            .Where(draft => draft is { Status: DraftStatus.Pending })
            .Select(draft => new DigestEntry(
                new DraftRecord(interview.Id, interview.Details.Company, interview.Details.Role, draft!),
                signer.Sign(userId, interview.Id, draft!.Id, notAfter: draft.ExpiresAt)))
            .ToList();
        if (entries.Count == 0)
        {
            return null;
        }

        // The note's own Message-ID, not the digest's: the note is the effect, and a retried effect is the same message.
        return DigestComposer.Compose(entries, settings, urls, now) with
        {
            MessageId = MessageComposer.NotificationMessageId(interview.Id, notification.Id, settings.MessageIdDomain),
        };
    }
}
