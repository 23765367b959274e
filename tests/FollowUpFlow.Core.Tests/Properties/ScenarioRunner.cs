using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;

namespace FollowUpFlow.Core.Tests.Properties;

/// <summary>Plays a scenario against the decider the way the shell would, checking the invariants after every event.</summary>
internal sealed class ScenarioRunner(Scenario scenario)
{
    private readonly List<WorkflowEvent> delivered = [];
    private readonly InvariantChecker checker = new(scenario.Settings);
    private DateTimeOffset now = scenario.Now;

    public InterviewState? State { get; private set; }

    public List<(WorkflowEvent Event, Decision Decision)> Trace { get; } = [];

    public ScenarioRunner Run()
    {
        Deliver(new ConfirmationReceived(scenario.InterviewId, scenario.Details));
        foreach (var step in scenario.Steps)
        {
            if (ToEvent(step) is { } evt)
            {
                Deliver(evt);
            }
        }

        return this;
    }

    private void Deliver(WorkflowEvent evt)
    {
        var before = State;
        var decision = InterviewDecider.Decide(before, evt, now, scenario.Settings);
        checker.Check(before, evt, decision);

        // Pure: the same inputs give the same decision, down to every id and text.
        Assert.Equal(Fingerprint.Of(decision), Fingerprint.Of(InterviewDecider.Decide(before, evt, now, scenario.Settings)));
        delivered.Add(evt);
        Trace.Add((evt, decision));
        if (decision.Kind == DecisionKind.Applied)
        {
            State = decision.State;
        }
    }

    private WorkflowEvent? ToEvent(Step step)
    {
        var timers = State?.Timers ?? [];
        var drafts = State?.Drafts ?? [];
        switch (step)
        {
            case Wait wait:
                now = now.AddMinutes(wait.Minutes);
                return null;

            case FireNextDue:
                var due = timers.OrderBy(t => t.DueAt).ThenBy(t => t.Id, StringComparer.Ordinal).FirstOrDefault();
                if (due is null)
                {
                    return null;
                }

                now = Max(now, due.DueAt);
                return new TimerFired(due.Id, due.Kind, due.DueAt);

            case FireTimer fire when fire.Mutation == TimerMutation.UnknownId || timers.IsEmpty:
                return new TimerFired($"t{900 + fire.Pick}", fire.BogusKind, now);

            case FireTimer fire:
                var timer = timers[fire.Pick % timers.Length];
                now = Max(now, timer.DueAt);
                return fire.Mutation switch
                {
                    TimerMutation.StaleDueAt => new TimerFired(timer.Id, timer.Kind, timer.DueAt.AddMinutes(-1)),
                    TimerMutation.WrongKind => new TimerFired(timer.Id, timer.Kind == fire.BogusKind ? Next(timer.Kind) : fire.BogusKind, timer.DueAt),
                    _ => new TimerFired(timer.Id, timer.Kind, timer.DueAt),
                };

            case Approve approve:
                var toApprove = PickDraft(drafts, approve.Pick, approve.UnknownId, d => d.Status is DraftStatus.Pending or DraftStatus.Failed or DraftStatus.Uncertain);
                return approve.Edit switch
                {
                    Edit.Subject => new DraftApproved(toApprove, Subject: "Edited subject"),
                    Edit.Body => new DraftApproved(toApprove, Body: "Edited body\n\nSam"),
                    Edit.Both => new DraftApproved(toApprove, "Edited subject", "Edited body"),
                    Edit.BlankBody => new DraftApproved(toApprove, Body: " \n "),
                    Edit.MultiLineSubject => new DraftApproved(toApprove, Subject: "Hi\r\nBcc: x@example.org"),
                    _ => new DraftApproved(toApprove),
                };

            case Revise revise:
                var toEdit = PickDraft(drafts, revise.Pick, revise.UnknownId, d => d.Status is DraftStatus.Pending or DraftStatus.Failed or DraftStatus.Uncertain);
                return revise.Edit switch
                {
                    Edit.Subject => new DraftEdited(toEdit, Subject: "Revised subject"),
                    Edit.Body => new DraftEdited(toEdit, Body: "Revised body\n\nSam"),
                    Edit.Both => new DraftEdited(toEdit, "Revised subject", "Revised body"),
                    Edit.BlankBody => new DraftEdited(toEdit, Body: " \n "),
                    Edit.MultiLineSubject => new DraftEdited(toEdit, Subject: "Hi\r\nBcc: x@example.org"),
                    _ => new DraftEdited(toEdit),
                };

            case Reject reject:
                return new DraftRejected(PickDraft(drafts, reject.Pick, reject.UnknownId, d => d.Status is DraftStatus.Pending or DraftStatus.Failed or DraftStatus.Uncertain));

            case Succeed succeed:
                var sent = PickDraft(drafts, succeed.Pick, succeed.UnknownId, d => d.Status == DraftStatus.Sending);
                now = now.AddSeconds(30);
                return new SendSucceeded(sent, State?.FindDraft(sent)?.MessageId ?? "<unknown@x>", now);

            case Fail fail:
                return new SendFailed(PickDraft(drafts, fail.Pick, fail.UnknownId, d => d.Status == DraftStatus.Sending), "550 mailbox unavailable");

            case Interrupt interrupt:
                return new SendUncertain(PickDraft(drafts, interrupt.Pick, interrupt.UnknownId, d => d.Status == DraftStatus.Sending), "The connection dropped before SendGrid answered.");

            case MarkSent mark:
                return new DraftMarkedSent(PickDraft(drafts, mark.Pick, mark.UnknownId, d => d.Status == DraftStatus.Uncertain));

            case Decide decide:
                return new OutcomeRecorded(decide.Outcome, decide.WithSuccessor ? new SuccessfulCandidate("Jo Park", "https://example.org/jo", null) : null);

            case Reply reply:
                var from = reply.Sender switch
                {
                    0 => "Rita Gomez <rita@acme.example>",
                    1 => "ana@acme.example",
                    2 => "Sam Carter <Sam@Candidate.example>",
                    _ => "someone@elsewhere.example",
                };
                return new ReplyReceived($"r{reply.Id}", from, "Re: Platform Engineer", now);

            case Reschedule reschedule:
                var start = (State?.Details.Start ?? scenario.Details.Start).AddHours(reschedule.ShiftHours);
                var zone = reschedule.Zone switch
                {
                    0 => null,
                    1 => ScenarioGenerators.Zones[Math.Abs(reschedule.ShiftHours) % ScenarioGenerators.Zones.Length],
                    _ => "Not/AZone",
                };
                return new Rescheduled(start, start.AddMinutes(reschedule.LengthMinutes), zone);

            case Cancel:
                return new Cancelled("Role on hold");

            case Confirm:
                return new ConfirmationReceived(scenario.InterviewId, scenario.Details);

            case Repeat repeat:
                return delivered.Count == 0 ? null : delivered[repeat.Pick % delivered.Count];

            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, null);
        }
    }

    private string PickDraft(IReadOnlyList<Draft> drafts, int pick, bool unknown, Func<Draft, bool> suits)
    {
        if (unknown || drafts.Count == 0)
        {
            return $"{scenario.InterviewId}-d{900 + pick}";
        }

        var suitable = drafts.Where(suits).ToList();
        var pool = pick % 2 == 0 && suitable.Count > 0 ? suitable : drafts;
        return pool[pick / 2 % pool.Count].Id;
    }

    private static TimerKind Next(TimerKind kind) => (TimerKind)(((int)kind + 1) % Enum.GetValues<TimerKind>().Length);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
