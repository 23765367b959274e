using System.Text.Json.Serialization;
using FollowUpFlow.Core.Commands;
using FollowUpFlow.Core.Model;

namespace FollowUpFlow.Workflow.Effects;

/// <summary>
/// A command with an outside effect (a send, a notification, a queued task), kept in the interview's row until it
/// has run: the transactional outbox. It is written in the same atomic write as the decision that produced it, so a
/// crash after that write cannot lose it; <see cref="ClaimedUntil"/> keeps two workers from running it at once.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SendDraftEffect), "sendDraft")]
[JsonDerivedType(typeof(NotifyCandidateEffect), "notifyCandidate")]
[JsonDerivedType(typeof(QueueResearchEffect), "queueResearch")]
[JsonDerivedType(typeof(MirrorDraftEffect), "mirrorDraft")]
public abstract record PendingEffect(string Id, DateTimeOffset ClaimedUntil, int Attempts)
{
    /// <summary>The effects a decision's commands call for; scheduling and listing commands are the shell's own business.</summary>
    public static IEnumerable<PendingEffect> From(IEnumerable<WorkflowCommand> commands, DateTimeOffset claimedUntil)
    {
        foreach (var command in commands)
        {
            PendingEffect? effect = command switch
            {
                SendDraft send => new SendDraftEffect(send.MessageId, claimedUntil, 0, send.DraftId),
                NotifyCandidate notify => new NotifyCandidateEffect(notify.Notification.Id, claimedUntil, 0, notify.Notification),
                QueueResearch research => new QueueResearchEffect(research.Task.Id, claimedUntil, 0, research.Task),
                _ => null,
            };
            if (effect is not null)
            {
                yield return effect;
            }
        }
    }
}

/// <summary>Send a draft. Its id is the Message-ID fixed at approval, so a retried send is the same message.</summary>
/// <param name="MayHaveLeft">
/// An earlier attempt ended without an answer (its worker stopped, or the provider never replied): the message may have
/// left, so the next attempt asks the provider before sending, and where it cannot be asked the candidate decides.
/// </param>
public sealed record SendDraftEffect(string Id, DateTimeOffset ClaimedUntil, int Attempts, string DraftId, bool MayHaveLeft = false)
    : PendingEffect(Id, ClaimedUntil, Attempts);

/// <summary>
/// Bring the candidate's mailbox in line with the draft as it is when this runs (see <see cref="DraftMirroring"/>). Added
/// by the shell, not the decider, and only when the transport keeps drafts in the mailbox.
/// </summary>
public sealed record MirrorDraftEffect(string Id, DateTimeOffset ClaimedUntil, int Attempts, string DraftId)
    : PendingEffect(Id, ClaimedUntil, Attempts)
{
    public static MirrorDraftEffect For(string draftId, DateTimeOffset claimedUntil) => new(DraftMirroring.EffectId(draftId), claimedUntil, 0, draftId);
}

public sealed record NotifyCandidateEffect(string Id, DateTimeOffset ClaimedUntil, int Attempts, CandidateNotification Notification)
    : PendingEffect(Id, ClaimedUntil, Attempts);

public sealed record QueueResearchEffect(string Id, DateTimeOffset ClaimedUntil, int Attempts, ResearchTask Task)
    : PendingEffect(Id, ClaimedUntil, Attempts);
