using System.Collections.Immutable;
using System.Globalization;
using FollowUpFlow.Core.Commands;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Templates;
using FollowUpFlow.Core.Workflow.Timing;

namespace FollowUpFlow.Core.Workflow;

/// <summary>
/// One decision in the making: the evolving state and the commands it needs. Every change to timers and drafts goes
/// through here, so the commands always match the state (a timer scheduled and dropped in the same decision leaves no
/// trace; ids come from the state's sequence).
/// </summary>
internal sealed class Transition(InterviewState input, DateTimeOffset now, WorkflowSettings settings)
{
    private readonly List<WorkflowCommand> commands = [];
    private readonly HashSet<string> scheduledHere = new(StringComparer.Ordinal);

    /// <summary>The state as it came in: what Refused and Ignored hand back.</summary>
    public InterviewState Input { get; } = input;

    public InterviewState State { get; private set; } = StateSanitiser.Sanitise(input);

    public DateTimeOffset Now { get; } = now;

    public WorkflowSettings Settings { get; } = settings;

    /// <summary>The timeline runs on the candidate's clock (DESIGN.md): "next morning at 9:00" is the candidate's morning.</summary>
    public TimeZoneInfo Zone => TimeZones.Resolve(Settings.Candidate.TimeZone, State.Details.TimeZone);

    public Decision Refuse(string reason) => Decision.Refused(Input, reason);

    public Decision Ignore(string reason) => Decision.Ignored(Input, reason);

    /// <summary>Finishes the decision: drops the timers the new state does not allow, then hands back state and commands.</summary>
    public Decision Apply()
    {
        TimerNormaliser.Normalise(this);
        return Decision.Applied(State, [.. commands]);
    }

    public void Update(Func<InterviewState, InterviewState> change) => State = change(State);

    public string NextDraftId()
    {
        var id = Invariant($"{State.Id}-d{TakeSequence()}");
        return State.FindDraft(id) is null ? id : NextDraftId();
    }

    public PendingTimer Schedule(TimerKind kind, DateTimeOffset dueAt)
    {
        var timer = new PendingTimer(NextTimerId(), kind, dueAt);
        State = State with { Timers = State.Timers.Add(timer) };
        scheduledHere.Add(timer.Id);
        commands.Add(new ScheduleTimer(timer));
        return timer;
    }

    /// <summary>Removes a timer (cancelled, or consumed because it fired) and tells the shell to drop its due row.</summary>
    public void Cancel(PendingTimer timer)
    {
        var current = State.FindTimer(timer.Id);
        if (current is null)
        {
            return;
        }

        State = State with { Timers = State.Timers.RemoveAll(t => t.Id == current.Id) };
        if (scheduledHere.Remove(current.Id))
        {
            commands.RemoveAll(c => c is ScheduleTimer s && s.Timer.Id == current.Id);
        }
        else
        {
            commands.Add(new CancelTimer(current));
        }
    }

    public void CancelTimers(Func<PendingTimer, bool> which)
    {
        foreach (var timer in State.Timers.Where(which).ToList())
        {
            Cancel(timer);
        }
    }

    public void AddDraft(Draft draft)
    {
        State = State with { Drafts = State.Drafts.Add(draft) };
        commands.Add(new CreateDraft(draft));
    }

    public void ReplaceDraft(Draft draft) =>
        State = State with { Drafts = State.Drafts.Select(d => d.Id == draft.Id ? draft : d).ToImmutableArray() };

    /// <summary>Open drafts (pending, or failed and retryable) the workflow no longer wants.</summary>
    public void WithdrawOpenDrafts(Func<Draft, bool> which) =>
        State = State with
        {
            Drafts = State.Drafts
                .Select(d => d.IsOpen() && which(d) ? d with { Status = DraftStatus.Withdrawn } : d)
                .ToImmutableArray(),
        };

    public void Send(Draft draft) => commands.Add(new SendDraft(draft.Id, draft.MessageId ?? string.Empty));

    public void Notify(NotificationKind kind, ComposedMessage message, IEnumerable<string>? draftIds = null)
    {
        var id = Invariant($"n{TakeSequence()}");
        commands.Add(new NotifyCandidate(new CandidateNotification(id, kind, message.Subject, message.Body, [.. draftIds ?? []])));
    }

    public void QueueResearch(ResearchTask task) => commands.Add(new QueueResearch(task));

    /// <summary>Nothing more will be sent: open drafts are withdrawn and every timer goes. A send in flight keeps going.</summary>
    public void Close(CloseReason reason)
    {
        if (State.IsClosed)
        {
            return;
        }

        WithdrawOpenDrafts(_ => true);
        CancelTimers(_ => true);
        State = State with { Phase = InterviewPhase.Closed, CloseReason = reason, ClosedAt = Now };
        commands.Add(new Close(reason));
    }

    // A hand-made state may have a sequence behind its ids; skipping used ids keeps them unique anyway.
    private string NextTimerId()
    {
        var id = Invariant($"t{TakeSequence()}");
        return State.FindTimer(id) is null ? id : NextTimerId();
    }

    private int TakeSequence()
    {
        var sequence = State.NextSequence;
        State = State with { NextSequence = sequence + 1 };
        return sequence;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
