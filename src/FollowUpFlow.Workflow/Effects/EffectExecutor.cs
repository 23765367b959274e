using System.Text.Json;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Mail;
using FollowUpFlow.Storage.Queues;
using FollowUpFlow.Workflow.Approvals;
using FollowUpFlow.Workflow.Persistence;
using Microsoft.Extensions.Logging;

namespace FollowUpFlow.Workflow.Effects;

/// <summary>
/// Performs an effect's outside action and reports how it went; it never touches the interview's state. Mail is
/// idempotent by the effect's id (the same Message-ID is the same file or message). A mailbox copy of a draft is
/// brought to the draft as it is when the effect runs, so running it again is harmless. A research task is stored by
/// its id and queued as a reference; the queue is at-least-once, so its consumer does each task id once.
/// </summary>
/// <param name="digests">Signed approve links in the notes about waiting drafts; without it those notes go out as the workflow wrote them.</param>
public sealed partial class EffectExecutor(
    IMailTransport transport,
    QueueClient researchQueue,
    InterviewStore store,
    TimeProvider time,
    ILogger<EffectExecutor> logger,
    ApprovalDigests? digests = null)
{
    private readonly IDraftMailbox? _mailbox = transport as IDraftMailbox;

    /// <summary>Whether drafts are kept in the candidate's mailbox too, so the shell adds <see cref="MirrorDraftEffect"/>s.</summary>
    public bool MirrorsDrafts => _mailbox is not null;

    public async Task<EffectOutcome> ExecuteAsync(string userId, InterviewState interview, PendingEffect effect, WorkflowSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            switch (effect)
            {
                case SendDraftEffect send:
                    return await SendDraftAsync(interview, send, settings, cancellationToken);

                case MirrorDraftEffect mirror:
                    return await MirrorDraftAsync(interview, mirror, settings, cancellationToken);

                case NotifyCandidateEffect notify:
                    var now = time.GetUtcNow();
                    var note = digests?.For(userId, interview, notify.Notification, settings, now) ?? MessageComposer.ForNotification(interview, notify.Notification, settings, now);
                    await transport.SendAsync(note, cancellationToken);
                    LogNotificationSent(logger, notify.Notification.Kind, interview.Id);
                    return EffectOutcome.Done(time.GetUtcNow());

                case QueueResearchEffect research:
                    // The task (with the successful candidate's profile text) can outgrow a 64 KiB queue message:
                    // it goes to the table, and the message carries where to find it.
                    await store.SaveResearchTaskAsync(userId, research.Task, cancellationToken);
                    var reference = new ResearchTaskReference(research.Task.Id, userId, interview.Id);
                    await researchQueue.SendMessageAsync(JsonSerializer.Serialize(reference, WorkflowJson.Options), cancellationToken: cancellationToken);
                    LogResearchQueued(logger, interview.Id);
                    return EffectOutcome.Done(time.GetUtcNow());

                default:
                    return EffectOutcome.Permanent($"Unknown effect '{effect.GetType().Name}'.");
            }
        }
        catch (ArgumentException e)
        {
            // The message cannot be built or was refused as malformed: retrying will not help.
            LogEffectFailedPermanently(logger, effect.Id, interview.Id, e.Message);
            return EffectOutcome.Permanent(e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogEffectFailedTransiently(logger, effect.Id, interview.Id, e.GetType().Name, e.Message);
            return EffectOutcome.Transient($"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// Sends a draft exactly once. An attempt that ends without an answer (a timeout, a dropped connection, a stopped
    /// worker) may have sent it, so the provider is asked before anything else happens: sent means done, not sent means
    /// it may be sent (again), and where the provider cannot be asked (SendGrid) the candidate decides rather than risk
    /// a second email. An answer that the message was not taken lets the next attempt send without asking.
    /// </summary>
    private async Task<EffectOutcome> SendDraftAsync(InterviewState interview, SendDraftEffect send, WorkflowSettings settings, CancellationToken cancellationToken)
    {
        var draft = interview.FindDraft(send.DraftId)
            ?? throw new ArgumentException($"Draft '{send.DraftId}' is not part of interview '{interview.Id}'.");
        if (send.MayHaveLeft && await AskWhetherSentAsync(interview, send, cancellationToken) is { } settled)
        {
            return settled;
        }

        EffectOutcome? sentByCandidate;
        try
        {
            sentByCandidate = await CopySentFromMailboxAsync(interview, draft, settings, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Nothing was sent yet (and an earlier attempt, if any, was found not to have left): safe to try again.
            LogEffectFailedTransiently(logger, send.Id, interview.Id, e.GetType().Name, e.Message);
            return EffectOutcome.Transient($"Could not ask whether the mailbox copy was sent: {e.GetType().Name}: {e.Message}");
        }

        if (sentByCandidate is not null)
        {
            return sentByCandidate;
        }

        try
        {
            var result = await transport.SendAsync(MessageComposer.ForDraft(interview, draft, settings, time.GetUtcNow()), cancellationToken);
            LogDraftSent(logger, draft.Id, interview.Id);
            return EffectOutcome.Done(result.SentAt, result.ConversationId);
        }
        catch (MailRefusedException e)
        {
            LogEffectFailedPermanently(logger, send.Id, interview.Id, e.Message);
            return EffectOutcome.Permanent(e.Message);
        }
        catch (MailNotAcceptedException e)
        {
            LogEffectFailedTransiently(logger, send.Id, interview.Id, e.GetType().Name, e.Message);
            return EffectOutcome.Transient(e.Message);
        }
        catch (Exception e) when (e is not ArgumentException && (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            // No answer came (a timeout, a dropped connection): ask at once whether it left.
            LogEffectFailedTransiently(logger, send.Id, interview.Id, e.GetType().Name, e.Message);
            var reason = $"{e.GetType().Name}: {e.Message}";
            return await AskWhetherSentAsync(interview, send, cancellationToken) switch
            {
                null => EffectOutcome.Transient(reason),
                { Kind: EffectOutcomeKind.Transient } => EffectOutcome.Transient(reason, mayHaveLeft: true),
                var answered => answered,
            };
        }
    }

    /// <summary>Brings the mailbox in line with the draft as it is now: its copy created or updated, or deleted.</summary>
    private async Task<EffectOutcome> MirrorDraftAsync(InterviewState interview, MirrorDraftEffect mirror, WorkflowSettings settings, CancellationToken cancellationToken)
    {
        if (_mailbox is null)
        {
            // Queued under a transport that kept drafts in the mailbox; this one does not.
            return EffectOutcome.Done(time.GetUtcNow());
        }

        var draft = interview.FindDraft(mirror.DraftId)
            ?? throw new ArgumentException($"Draft '{mirror.DraftId}' is not part of interview '{interview.Id}'.");
        var copyId = DraftMirroring.CopyMessageId(draft, settings);
        try
        {
            if (DraftMirroring.KeepsCopy(draft))
            {
                await _mailbox.SaveDraftAsync(MessageComposer.ForDraft(interview, draft with { MessageId = copyId }, settings, time.GetUtcNow()), cancellationToken);
            }
            else
            {
                await _mailbox.DeleteDraftsAsync(copyId, cancellationToken);
            }
        }
        catch (MessageAlreadySentException)
        {
            // The candidate sent the copy themselves. Approving the draft finds that message and records the send
            // without sending it again.
            LogMirrorAlreadySent(logger, draft.Id, interview.Id);
            return EffectOutcome.Done(time.GetUtcNow());
        }
        catch (MailRefusedException e)
        {
            LogEffectFailedPermanently(logger, mirror.Id, interview.Id, e.Message);
            return EffectOutcome.Permanent(e.Message);
        }

        LogDraftMirrored(logger, draft.Id, interview.Id, draft.Status);
        return EffectOutcome.Done(time.GetUtcNow());
    }

    /// <summary>
    /// The draft's copy in the mailbox, when the candidate sent it from there themselves: then that was the send, and
    /// approving the draft records it rather than sending a second message.
    /// </summary>
    private async Task<EffectOutcome?> CopySentFromMailboxAsync(InterviewState interview, Draft draft, WorkflowSettings settings, CancellationToken cancellationToken)
    {
        if (_mailbox is null)
        {
            return null;
        }

        var copyId = DraftMirroring.CopyMessageId(draft, settings);
        if (await transport.CheckSentAsync(copyId, cancellationToken) != SendCheck.Sent)
        {
            return null;
        }

        LogCopySentFromMailbox(logger, draft.Id, interview.Id);
        return EffectOutcome.Done(time.GetUtcNow(), messageId: copyId);
    }

    /// <summary>Done when the provider says the message left, Uncertain when it cannot be asked, null when it did not leave.</summary>
    private async Task<EffectOutcome?> AskWhetherSentAsync(InterviewState interview, SendDraftEffect send, CancellationToken cancellationToken)
    {
        SendCheck check;
        try
        {
            check = await transport.CheckSentAsync(send.Id, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogEffectFailedTransiently(logger, send.Id, interview.Id, e.GetType().Name, e.Message);
            return EffectOutcome.Transient($"Could not ask whether it was sent: {e.GetType().Name}: {e.Message}", mayHaveLeft: true);
        }

        LogSendChecked(logger, send.DraftId, interview.Id, check);
        return check switch
        {
            SendCheck.Sent => EffectOutcome.Done(time.GetUtcNow()),
            SendCheck.Unknown => EffectOutcome.Uncertain("The send was interrupted before the mail service answered, and the service cannot be asked whether the message left."),
            _ => null,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Asked whether draft {DraftId} of interview {InterviewId} left after an attempt without an answer: {Check}")]
    private static partial void LogSendChecked(ILogger logger, string draftId, string interviewId, SendCheck check);

    [LoggerMessage(Level = LogLevel.Information, Message = "Brought the mailbox in line with draft {DraftId} of interview {InterviewId} ({Status})")]
    private static partial void LogDraftMirrored(ILogger logger, string draftId, string interviewId, DraftStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "The mailbox copy of draft {DraftId} of interview {InterviewId} was already sent from the mailbox; approving the draft records that send")]
    private static partial void LogMirrorAlreadySent(ILogger logger, string draftId, string interviewId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Draft {DraftId} of interview {InterviewId} was approved after its mailbox copy was sent from the mailbox; recorded as sent, not sent again")]
    private static partial void LogCopySentFromMailbox(ILogger logger, string draftId, string interviewId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent draft {DraftId} of interview {InterviewId}")]
    private static partial void LogDraftSent(ILogger logger, string draftId, string interviewId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent a {Kind} notification for interview {InterviewId}")]
    private static partial void LogNotificationSent(ILogger logger, NotificationKind kind, string interviewId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued the research task of interview {InterviewId}")]
    private static partial void LogResearchQueued(ILogger logger, string interviewId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Effect {EffectId} of interview {InterviewId} failed and will not be retried: {Reason}")]
    private static partial void LogEffectFailedPermanently(ILogger logger, string effectId, string interviewId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Effect {EffectId} of interview {InterviewId} failed ({ErrorType}) and will be retried: {Reason}")]
    private static partial void LogEffectFailedTransiently(ILogger logger, string effectId, string interviewId, string errorType, string reason);
}
