using System.Collections.Immutable;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Workflow.Configuration;
using FollowUpFlow.Workflow.Effects;
using FollowUpFlow.Workflow.Persistence;
using FollowUpFlow.Workflow.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Workflow;

/// <summary>
/// The imperative shell around <see cref="InterviewDecider"/>. For each event: read the interview, decide, write the
/// due-index rows the new state needs, write state + history + drafts + outbox in one atomic write (optimistic
/// concurrency on the ETag, retried on conflict), then run the outbox effects and any timers already due. Every
/// effect is recorded before it runs and completed after, so a crash anywhere leaves work a later tick finishes once.
/// </summary>
public sealed partial class WorkflowEngine(
    InterviewStore store,
    DueIndex dueIndex,
    EffectExecutor executor,
    WorkflowSettings settings,
    TimeProvider time,
    IOptions<WorkflowOptions> options,
    ILogger<WorkflowEngine> logger,
    IHostApplicationLifetime? lifetime = null)
{
    private const int MaxConflictRetries = 10;

    /// <summary>Bounds the follow-up work one call does inline; the rest is left to the scheduler.</summary>
    private const int MaxSettleSteps = 64;

    /// <summary>A send that has failed this often with "try again later" errors is reported to the candidate as failed.</summary>
    public const int MaxSendAttempts = 8;

    /// <summary>A mailbox copy that failed this often with "try again later" errors is given up (about an hour and a half of backing off).</summary>
    private const int MaxMirrorAttempts = 8;

    /// <summary>
    /// Follow-up work runs until the app stops, not until the caller hangs up: a client that disconnects after its
    /// approval was recorded must not delay the send by a whole lease.
    /// </summary>
    private CancellationToken Stopping => lifetime?.ApplicationStopping ?? CancellationToken.None;

    public WorkflowSettings Settings => settings;

    /// <param name="reply">The full reply for a <see cref="ReplyReceived"/> event, stored in the same write.</param>
    public async Task<WorkflowResult> ApplyAsync(string userId, string interviewId, WorkflowEvent workflowEvent, StoredReply? reply, CancellationToken cancellationToken)
    {
        var commit = await CommitAsync(userId, interviewId, workflowEvent, reply, completedEffectId: null, cancellationToken);
        if (commit.Kind == DecisionKind.Refused)
        {
            return new WorkflowResult(commit.Kind, commit.Record?.State, commit.Reason);
        }

        // The event is recorded: whatever happens next, the caller must hear that it was. What the follow-up work
        // could not finish stays in the outbox and the due index, and a tick finishes it.
        InterviewRecord? settled = null;
        try
        {
            settled = await SettleAsync(userId, interviewId, commit.NewEffects, commit.Record, Stopping);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSettleFailed(logger, e, interviewId);
        }

        return new WorkflowResult(commit.Kind, settled?.State ?? commit.Record?.State, commit.Reason);
    }

    /// <summary>Handles one due-index row for the scheduler: fire the timer, or rescue an effect whose worker died.</summary>
    public async Task HandleDueAsync(DueItem item, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var record = await store.GetAsync(item.UserId, item.InterviewId, cancellationToken);
        // A row younger than the grace period may belong to a write still in flight: its item may appear any moment.
        var young = item.WrittenAt > now - options.Value.CommitGrace;
        if (item.Kind == DueItemKind.Timer)
        {
            var timer = record?.State.FindTimer(item.ItemId);
            if (timer is null || timer.DueAt != item.ItemDue)
            {
                await RemoveGarbageAsync(item, young, cancellationToken);
                return;
            }

            var commit = await CommitAsync(item.UserId, item.InterviewId, new TimerFired(timer.Id, timer.Kind, timer.DueAt), null, null, cancellationToken, known: record);
            await RemovePostponedAsync(item, cancellationToken);
            await SettleAsync(item.UserId, item.InterviewId, commit.NewEffects, commit.Record, cancellationToken);
            return;
        }

        var effect = record?.Outbox.FirstOrDefault(e => e.Id == item.ItemId);
        if (record is null || effect is null || effect.ClaimedUntil != item.ItemDue)
        {
            await RemoveGarbageAsync(item, young, cancellationToken);
            return;
        }

        var claimed = await ClaimAsync(record, effect, cancellationToken);
        await RemovePostponedAsync(item, cancellationToken);
        if (claimed is { } owned)
        {
            LogEffectRescued(logger, effect.Id, item.InterviewId, effect.Attempts);
            await SettleAsync(item.UserId, item.InterviewId, [owned.Effect], owned.Record, cancellationToken);
        }
    }

    /// <summary>A postponed row is keyed apart from the item's own time, so handling the item does not remove it.</summary>
    private async Task RemovePostponedAsync(DueItem item, CancellationToken cancellationToken)
    {
        if (item.Attempts > 0)
        {
            await dueIndex.RemoveAsync([item], cancellationToken);
        }
    }

    private async Task RemoveGarbageAsync(DueItem item, bool young, CancellationToken cancellationToken)
    {
        if (!young)
        {
            await dueIndex.RemoveAsync([item], cancellationToken);
        }
    }

    /// <summary>
    /// Decides and persists one event, retrying on concurrent changes. Refused events write nothing. The first attempt
    /// starts from <paramref name="known"/> when the caller has just read or written the interview (the ETag check
    /// catches any change since), and a confirmation starts from nothing: a new interview does not need a read that
    /// would answer 404, and if it does exist the insert conflicts and the next attempt reads it.
    /// </summary>
    private async Task<Commit> CommitAsync(
        string userId,
        string interviewId,
        WorkflowEvent workflowEvent,
        StoredReply? reply,
        string? completedEffectId,
        CancellationToken cancellationToken,
        InterviewRecord? known = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var record = attempt > 1 ? await store.GetAsync(userId, interviewId, cancellationToken)
                : known ?? (workflowEvent is ConfirmationReceived ? null : await store.GetAsync(userId, interviewId, cancellationToken));
            var now = time.GetUtcNow();
            var decision = InterviewDecider.Decide(record?.State, workflowEvent, now, settings);
            var completed = completedEffectId is null ? null : record?.Outbox.FirstOrDefault(e => e.Id == completedEffectId);
            if (decision.Kind == DecisionKind.Refused || record is null && decision.Kind != DecisionKind.Applied)
            {
                return Commit.NotWritten(DecisionKind.Refused, record, decision.Reason);
            }

            // A timer that already fired elsewhere is not history; anything else the decider ignores is recorded.
            if (decision.Kind == DecisionKind.Ignored && workflowEvent is TimerFired && completed is null)
            {
                return Commit.NotWritten(decision.Kind, record, decision.Reason);
            }

            var state = decision.State ?? record!.State;
            var oldTimers = record?.State.Timers ?? [];
            var oldDrafts = record?.State.Drafts ?? [];
            var kept = (record?.Outbox ?? []).Where(e => e.Id != completedEffectId).ToImmutableArray();
            // Mirrors first: a draft is in the mailbox's Drafts folder before the note that it waits goes out.
            var newEffects = MirrorEffects(kept, oldDrafts, state.Drafts, now + options.Value.EffectLease)
                .Concat(PendingEffect.From(decision.Commands, now + options.Value.EffectLease))
                .ToImmutableArray();
            var outbox = kept.AddRange(newEffects);

            // The due index is written before the state that needs it: a crash in between leaves only garbage.
            var newRows = state.Timers.Except(oldTimers).Select(t => TimerRow(userId, interviewId, t, now))
                .Concat(newEffects.Select(e => EffectRow(userId, interviewId, e, now)))
                .ToList();
            if (newRows.Count > 0)
            {
                await dueIndex.AddAsync(newRows, cancellationToken);
            }

            var history = new HistoryEntry(
                (record?.HistoryCount ?? 0) + 1,
                now,
                decision.Kind == DecisionKind.Applied,
                EventDescriptions.Describe(workflowEvent, state),
                workflowEvent,
                decision.Kind == DecisionKind.Ignored ? decision.Reason : null);
            InterviewRecord saved;
            try
            {
                saved = await store.SaveAsync(
                    userId,
                    record,
                    state,
                    outbox,
                    history,
                    state.Drafts.Except(oldDrafts).ToList(),
                    reply,
                    cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                LogConcurrencyConflict(logger, interviewId, attempt);
                continue;
            }

            // Rows of timers that fired or were cancelled, and of the completed effect, are garbage now.
            var staleRows = oldTimers.Except(state.Timers).Select(t => TimerRow(userId, interviewId, t, now)).ToList();
            if (completed is not null)
            {
                staleRows.Add(EffectRow(userId, interviewId, completed, now));
            }

            await dueIndex.RemoveAsync(staleRows, cancellationToken);
            return new Commit(decision.Kind, saved, decision.Reason, newEffects);
        }
    }

    /// <summary>
    /// Runs the effects we hold and fires timers already due, until nothing is left (or the step bound is hit; the
    /// scheduler finishes the rest). Each step goes on from the record the previous one wrote (<paramref name="known"/>
    /// at first), reading only when that is unknown. Returns the last record seen.
    /// </summary>
    private async Task<InterviewRecord?> SettleAsync(
        string userId,
        string interviewId,
        ImmutableArray<PendingEffect> effects,
        InterviewRecord? known,
        CancellationToken cancellationToken)
    {
        var queue = new Queue<PendingEffect>(effects);
        var fired = new HashSet<string>(StringComparer.Ordinal);
        var record = known;
        for (var step = 0; step < MaxSettleSteps; step++)
        {
            record ??= await store.GetAsync(userId, interviewId, cancellationToken);
            if (record is null)
            {
                return null;
            }

            if (queue.TryDequeue(out var effect))
            {
                // Someone else completed it or took it over after our claim ran out: it is theirs now. A claim that is
                // nearly over is left to the tick that will take it over, so two workers never run it at once.
                var current = record.Outbox.FirstOrDefault(e => e.Id == effect.Id);
                if (current is not null && current.ClaimedUntil == effect.ClaimedUntil && current.ClaimedUntil - time.GetUtcNow() > options.Value.EffectLease / 4)
                {
                    var (followUps, after) = await RunEffectAsync(record, current, cancellationToken);
                    foreach (var followUp in followUps)
                    {
                        queue.Enqueue(followUp);
                    }

                    record = after;
                }

                continue;
            }

            var now = time.GetUtcNow();
            var timer = record.State.Timers
                .Where(t => t.DueAt <= now && !fired.Contains(t.Id))
                .OrderBy(t => t.DueAt)
                .ThenBy(t => t.Id, StringComparer.Ordinal)
                .FirstOrDefault();
            if (timer is null)
            {
                return record;
            }

            // Each timer once per settle: one that did not go away (fired elsewhere, say) is the scheduler's business.
            fired.Add(timer.Id);
            var commit = await CommitAsync(userId, interviewId, new TimerFired(timer.Id, timer.Kind, timer.DueAt), null, null, cancellationToken, known: record);
            foreach (var followUp in commit.NewEffects)
            {
                queue.Enqueue(followUp);
            }

            record = commit.Kind == DecisionKind.Applied ? commit.Record : null;
        }

        return record;
    }

    /// <summary>
    /// A mirroring effect for each draft the decision changed in a way the mailbox copy must follow, unless one is already
    /// waiting: that one brings the mailbox to the draft as it is when it runs, and runs again if the draft changed meanwhile.
    /// </summary>
    private IEnumerable<PendingEffect> MirrorEffects(ImmutableArray<PendingEffect> outbox, IReadOnlyList<Draft> before, IReadOnlyList<Draft> after, DateTimeOffset claimedUntil)
    {
        if (!executor.MirrorsDrafts)
        {
            yield break;
        }

        foreach (var draft in after)
        {
            var old = before.FirstOrDefault(d => d.Id == draft.Id);
            var effectId = DraftMirroring.EffectId(draft.Id);
            if (DraftMirroring.IsNeeded(old, draft) && !outbox.Any(e => e.Id == effectId))
            {
                yield return MirrorDraftEffect.For(draft.Id, claimedUntil);
            }
        }
    }

    /// <summary>
    /// Runs one effect we hold and records how it went. Returns the effects that recording added, and the record as
    /// written (null when unknown, e.g. another worker took the effect over).
    /// </summary>
    private async Task<(ImmutableArray<PendingEffect> FollowUps, InterviewRecord? Record)> RunEffectAsync(InterviewRecord record, PendingEffect effect, CancellationToken cancellationToken)
    {
        if (effect is MirrorDraftEffect mirror)
        {
            return await RunMirrorAsync(record, mirror, cancellationToken);
        }

        var outcome = await executor.ExecuteAsync(record.UserId, record.State, effect, settings, cancellationToken);
        var userId = record.UserId;
        var interviewId = record.State.Id;
        if (outcome.Kind == EffectOutcomeKind.Transient && effect is SendDraftEffect && effect.Attempts + 1 >= MaxSendAttempts)
        {
            // "Later" has not come after hours of retrying: the candidate decides, as for any failed send; when the
            // last attempt got no answer the message may have left, and they are told so rather than that it failed.
            var reason = $"Gave up after {MaxSendAttempts} attempts; the last error was: {outcome.Reason}";
            outcome = outcome.MayHaveLeft ? EffectOutcome.Uncertain(reason) : EffectOutcome.Permanent(reason);
        }

        WorkflowEvent? completion = (outcome.Kind, effect) switch
        {
            (EffectOutcomeKind.Done, SendDraftEffect send) => new SendSucceeded(send.DraftId, outcome.MessageId ?? send.Id, outcome.CompletedAt ?? time.GetUtcNow(), outcome.ConversationId),
            (EffectOutcomeKind.Permanent, SendDraftEffect send) => new SendFailed(send.DraftId, outcome.Reason ?? "The provider refused the message."),
            (EffectOutcomeKind.Uncertain, SendDraftEffect send) => new SendUncertain(send.DraftId, outcome.Reason ?? "The send was interrupted."),
            _ => null,
        };
        if (completion is not null)
        {
            var commit = await CommitAsync(userId, interviewId, completion, null, effect.Id, cancellationToken, known: record);
            if (commit.Kind != DecisionKind.Refused)
            {
                return (commit.NewEffects, commit.Record);
            }

            // The decider cannot place this completion (the draft is gone): keeping the effect would re-run it forever.
            LogCompletionRefused(logger, effect.Id, interviewId, commit.Reason);
            return ([], await ChangeOutboxAsync(userId, interviewId, effect.Id, replacement: null, cancellationToken, known: commit.Record));
        }

        if (outcome.Kind == EffectOutcomeKind.Transient)
        {
            return ([], await RescheduleAsync(record, effect, outcome.MayHaveLeft, cancellationToken));
        }

        if (outcome.Kind == EffectOutcomeKind.Permanent)
        {
            LogEffectDropped(logger, effect.Id, interviewId, outcome.Reason);
        }

        return ([], await ChangeOutboxAsync(userId, interviewId, effect.Id, replacement: null, cancellationToken, known: record));
    }

    /// <summary>
    /// Runs a mirroring effect and records how it went. A copy that fails for good, or for hours, is given up: nothing
    /// else depends on it.
    /// </summary>
    private async Task<(ImmutableArray<PendingEffect> FollowUps, InterviewRecord? Record)> RunMirrorAsync(InterviewRecord record, MirrorDraftEffect mirror, CancellationToken cancellationToken)
    {
        var outcome = await executor.ExecuteAsync(record.UserId, record.State, mirror, settings, cancellationToken);
        if (outcome.Kind == EffectOutcomeKind.Transient && mirror.Attempts + 1 < MaxMirrorAttempts
            && await RescheduleAsync(record, mirror, mayHaveLeft: false, cancellationToken) is { } rescheduled)
        {
            return ([], rescheduled);
        }

        if (outcome.Kind is EffectOutcomeKind.Permanent or EffectOutcomeKind.Transient)
        {
            LogEffectDropped(logger, mirror.Id, record.State.Id, outcome.Reason);
        }

        return await FinishMirrorAsync(record, mirror, cancellationToken);
    }

    /// <summary>
    /// After a mirroring run: removes the effect, or, when the draft no longer looks in the mailbox as it did when the run
    /// started (an approval, a skip, an edit meanwhile), runs it again at once for the draft as it is now. That holds even
    /// when the effect is no longer ours (a worker that took it over, or already finished it): our writes may have landed
    /// after theirs, so the mailbox is brought in line once more.
    /// </summary>
    private async Task<(ImmutableArray<PendingEffect> FollowUps, InterviewRecord? Record)> FinishMirrorAsync(InterviewRecord record, MirrorDraftEffect mirror, CancellationToken cancellationToken)
    {
        var mirrored = record.State.FindDraft(mirror.DraftId);
        MirrorDraftEffect? again = null;
        var (written, after) = await ChangeEffectAsync(
            record.UserId,
            record.State.Id,
            mirror.Id,
            (current, held) =>
            {
                var draft = current.State.FindDraft(mirror.DraftId);
                var changed = mirrored is not null && draft is not null && !DraftMirroring.SameInMailbox(mirrored, draft);
                var ours = held is not null && held.ClaimedUntil == mirror.ClaimedUntil;
                again = changed ? MirrorDraftEffect.For(mirror.DraftId, time.GetUtcNow() + options.Value.EffectLease) : null;
                return ours || changed ? EffectChange.Put(again) : EffectChange.None;
            },
            cancellationToken,
            known: record);
        return written && again is not null ? ([again], after) : ([], after);
    }

    /// <summary>
    /// Takes over an effect whose claim ran out. Null when another worker got there first. The worker that let the claim
    /// run out may have been stopped in the middle of a send, so a taken-over send asks before sending.
    /// </summary>
    private async Task<(PendingEffect Effect, InterviewRecord Record)?> ClaimAsync(InterviewRecord record, PendingEffect effect, CancellationToken cancellationToken)
    {
        var claimedUntil = time.GetUtcNow() + options.Value.EffectLease;
        var claimed = effect is SendDraftEffect send ? send with { ClaimedUntil = claimedUntil, MayHaveLeft = true } : effect with { ClaimedUntil = claimedUntil };
        var saved = await ChangeOutboxAsync(record.UserId, record.State.Id, effect.Id, claimed, cancellationToken, known: record, retry: false);
        return saved is null ? null : (claimed, saved);
    }

    /// <summary>A transient failure: try again later, backing off exponentially up to an hour.</summary>
    private async Task<InterviewRecord?> RescheduleAsync(InterviewRecord record, PendingEffect effect, bool mayHaveLeft, CancellationToken cancellationToken)
    {
        var backoff = Backoff.After(effect.Attempts, TimeSpan.FromSeconds(15));
        var retryAt = time.GetUtcNow() + backoff;
        var retry = effect is SendDraftEffect send
            ? send with { ClaimedUntil = retryAt, Attempts = effect.Attempts + 1, MayHaveLeft = mayHaveLeft }
            : effect with { ClaimedUntil = retryAt, Attempts = effect.Attempts + 1 };
        return await ChangeOutboxAsync(record.UserId, record.State.Id, effect.Id, retry, cancellationToken, known: record, onlyWhileClaimedUntil: effect.ClaimedUntil);
    }

    /// <summary>
    /// Replaces (or, with a null replacement, removes) an outbox effect without an event, moving its due row along.
    /// Starts from <paramref name="known"/> when given; without <paramref name="retry"/> it succeeds only if the
    /// interview is unchanged since that read. With <paramref name="onlyWhileClaimedUntil"/>, only while the effect
    /// still carries our claim (a worker whose claim ran out must not move an effect another worker has taken over).
    /// Returns the record as written, or null when nothing was changed.
    /// </summary>
    private async Task<InterviewRecord?> ChangeOutboxAsync(
        string userId,
        string interviewId,
        string effectId,
        PendingEffect? replacement,
        CancellationToken cancellationToken,
        InterviewRecord? known = null,
        bool retry = true,
        DateTimeOffset? onlyWhileClaimedUntil = null)
    {
        var (written, saved) = await ChangeEffectAsync(
            userId,
            interviewId,
            effectId,
            (_, current) => current is null || (onlyWhileClaimedUntil is { } claim && current.ClaimedUntil != claim) ? EffectChange.None : EffectChange.Put(replacement),
            cancellationToken,
            known,
            retry);
        return written ? saved : null;
    }

    /// <summary>
    /// Puts the effect <paramref name="decide"/> chooses in place of the one with this id (adding it when there is none;
    /// removing it for a null replacement), deciding again on the interview as read for each attempt, and moves the due
    /// rows along: the new effect's row is written before the state that needs it, the old one's removed after. Returns
    /// whether it wrote, with the record as written (or, when it did not, as last read; null when it is gone or lost the
    /// race without <paramref name="retry"/>).
    /// </summary>
    private async Task<(bool Written, InterviewRecord? Record)> ChangeEffectAsync(
        string userId,
        string interviewId,
        string effectId,
        Func<InterviewRecord, PendingEffect?, EffectChange> decide,
        CancellationToken cancellationToken,
        InterviewRecord? known = null,
        bool retry = true)
    {
        for (var attempt = 1; ; attempt++)
        {
            var record = attempt == 1 && known is not null ? known : await store.GetAsync(userId, interviewId, cancellationToken);
            if (record is null)
            {
                return (false, null);
            }

            var current = record.Outbox.FirstOrDefault(e => e.Id == effectId);
            var change = decide(record, current);
            if (!change.Write)
            {
                return (false, record);
            }

            var replacement = change.Replacement;
            var now = time.GetUtcNow();
            if (replacement is not null)
            {
                await dueIndex.AddAsync([EffectRow(userId, interviewId, replacement, now)], cancellationToken);
            }

            var outbox = (current, replacement) switch
            {
                (null, null) => record.Outbox,
                (null, _) => record.Outbox.Add(replacement),
                (_, null) => record.Outbox.Where(e => e.Id != effectId).ToImmutableArray(),
                _ => record.Outbox.Select(e => e.Id == effectId ? replacement : e).ToImmutableArray(),
            };
            InterviewRecord saved;
            try
            {
                saved = await store.SaveAsync(userId, record, record.State, outbox, history: null, [], reply: null, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (retry && attempt < MaxConflictRetries)
            {
                continue;
            }
            catch (ConcurrencyConflictException)
            {
                return (false, null);
            }

            if (current is not null && (replacement is null || replacement.ClaimedUntil != current.ClaimedUntil))
            {
                await dueIndex.RemoveAsync([EffectRow(userId, interviewId, current, now)], cancellationToken);
            }

            return (true, saved);
        }
    }

    /// <summary>What to do with one outbox effect: leave it, or put a replacement (null: nothing) in its place.</summary>
    private readonly record struct EffectChange(bool Write, PendingEffect? Replacement)
    {
        public static EffectChange None => default;

        public static EffectChange Put(PendingEffect? replacement) => new(true, replacement);
    }

    private static DueItem TimerRow(string userId, string interviewId, PendingTimer timer, DateTimeOffset now) =>
        new(timer.DueAt, userId, interviewId, DueItemKind.Timer, timer.Id, now);

    private static DueItem EffectRow(string userId, string interviewId, PendingEffect effect, DateTimeOffset now) =>
        new(effect.ClaimedUntil, userId, interviewId, DueItemKind.Effect, effect.Id, now);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-up work of interview {InterviewId} failed after its event was recorded; the scheduler will finish it")]
    private static partial void LogSettleFailed(ILogger logger, Exception exception, string interviewId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The completion of effect {EffectId} of interview {InterviewId} was refused ({Reason}); the effect is removed")]
    private static partial void LogCompletionRefused(ILogger logger, string effectId, string interviewId, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Effect {EffectId} of interview {InterviewId} failed permanently and is dropped: {Reason}")]
    private static partial void LogEffectDropped(ILogger logger, string effectId, string interviewId, string? reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Interview {InterviewId} changed concurrently (attempt {Attempt}); deciding again")]
    private static partial void LogConcurrencyConflict(ILogger logger, string interviewId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Running effect {EffectId} of interview {InterviewId} again after its worker stopped (attempts so far: {Attempts})")]
    private static partial void LogEffectRescued(ILogger logger, string effectId, string interviewId, int attempts);
}
