using System.Text.Json;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Mail;
using FollowUpFlow.Storage.Queues;
using FollowUpFlow.Workflow.Persistence;
using Microsoft.Extensions.Logging;

namespace FollowUpFlow.Workflow.Effects;

/// <summary>
/// Performs an effect's outside action and reports how it went; it never touches the interview's state. Mail is
/// idempotent by the effect's id (the same Message-ID is the same file or message). A research task is stored by its
/// id and queued as a reference; the queue is at-least-once, so its consumer does each task id once.
/// </summary>
public sealed partial class EffectExecutor(IMailTransport transport, QueueClient researchQueue, InterviewStore store, TimeProvider time, ILogger<EffectExecutor> logger)
{
    public async Task<EffectOutcome> ExecuteAsync(string userId, InterviewState interview, PendingEffect effect, WorkflowSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            switch (effect)
            {
                case SendDraftEffect send:
                    var draft = interview.FindDraft(send.DraftId)
                        ?? throw new ArgumentException($"Draft '{send.DraftId}' is not part of interview '{interview.Id}'.");
                    var result = await transport.SendAsync(MessageComposer.ForDraft(interview, draft, settings, time.GetUtcNow()), cancellationToken);
                    LogDraftSent(logger, draft.Id, interview.Id);
                    return EffectOutcome.Done(result.SentAt);

                case NotifyCandidateEffect notify:
                    await transport.SendAsync(MessageComposer.ForNotification(interview, notify.Notification, settings, time.GetUtcNow()), cancellationToken);
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
