using BenchmarkDotNet.Attributes;
using FollowUpFlow.Core.Commands;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;

namespace FollowUpFlow.Benchmarks;

/// <summary>
/// The pure decider on representative events of the happy path. Each state is built once, by the decider itself,
/// from the same confirmation the storage scenario uses; each benchmark decides one event on it.
/// </summary>
[MemoryDiagnoser]
public class DeciderBenchmarks
{
    private static readonly Person Ana = new("Ana Silva", "ana@contoso.example");
    private static readonly Person Ben = new("Ben Okafor", "ben@contoso.example");
    private static readonly Person Riley = new("Riley Recruiter", "riley@contoso.example");

    private readonly WorkflowSettings _settings = HappyPathScenario.Settings;
    private readonly DateTimeOffset _now = HappyPathScenario.Start;

    private ConfirmationReceived _confirmation = null!;
    private InterviewState _created = null!;
    private TimerFired _thankYouTimer = null!;
    private InterviewState _withDrafts = null!;
    private DraftApproved _approveEdited = null!;
    private OutcomeRecorded _rejection = null!;
    private InterviewState _awaitingFeedback = null!;
    private ReplyReceived _reply = null!;

    [GlobalSetup]
    public void Setup()
    {
        var details = new InterviewDetails("Contoso", "Senior Engineer", _now.AddHours(-2), _now.AddHours(-1), "Europe/London", [Ana, Ben], Riley);
        _confirmation = new ConfirmationReceived("iv-bench", details);
        _created = Apply(null, _confirmation);

        var timer = _created.Timers.Single(t => t.Kind == TimerKind.ThankYouDrafts);
        _thankYouTimer = new TimerFired(timer.Id, timer.Kind, timer.DueAt);
        _withDrafts = Apply(_created, _thankYouTimer);

        var toAna = _withDrafts.Drafts.Single(d => d.To == Ana);
        _approveEdited = new DraftApproved(toAna.Id, null, "Thank you, Ana - edited by hand.");
        _rejection = new OutcomeRecorded(Outcome.Rejected, new SuccessfulCandidate("Sam Lee", "https://example.com/sam-lee", null));

        var rejected = Apply(_withDrafts, _rejection);
        var request = rejected.Drafts.Single(d => d.Kind == DraftKind.FeedbackRequest);
        var sending = Decide(rejected, new DraftApproved(request.Id));
        var messageId = sending.Commands.OfType<SendDraft>().Single().MessageId;
        _awaitingFeedback = Apply(sending.State!, new SendSucceeded(request.Id, messageId, _now));
        _reply = new ReplyReceived("r1", Riley.Email!, "Re: feedback", _now.AddMinutes(5));

        // Every benchmark must measure a real transition, not a refusal.
        foreach (var decision in new[] { Confirm(), FireThankYouTimer(), ApproveEditedThankYou(), RecordRejection(), ReceiveReply() })
        {
            if (decision.Kind != DecisionKind.Applied)
            {
                throw new InvalidOperationException($"A benchmark's event was not applied: {decision.Reason}");
            }
        }
    }

    [Benchmark(Baseline = true, Description = "ConfirmationReceived (new interview, 3 timers)")]
    public Decision Confirm() => InterviewDecider.Decide(null, _confirmation, _now, _settings);

    [Benchmark(Description = "TimerFired ThankYouDrafts (2 drafts from templates)")]
    public Decision FireThankYouTimer() => InterviewDecider.Decide(_created, _thankYouTimer, _now, _settings);

    [Benchmark(Description = "DraftApproved with edited body")]
    public Decision ApproveEditedThankYou() => InterviewDecider.Decide(_withDrafts, _approveEdited, _now, _settings);

    [Benchmark(Description = "OutcomeRecorded Rejected (withdraw, draft, research)")]
    public Decision RecordRejection() => InterviewDecider.Decide(_withDrafts, _rejection, _now, _settings);

    [Benchmark(Description = "ReplyReceived (closes the interview)")]
    public Decision ReceiveReply() => InterviewDecider.Decide(_awaitingFeedback, _reply, _now, _settings);

    private Decision Decide(InterviewState? state, WorkflowEvent evt) => InterviewDecider.Decide(state, evt, _now, _settings);

    private InterviewState Apply(InterviewState? state, WorkflowEvent evt)
    {
        var decision = Decide(state, evt);
        return decision.Kind == DecisionKind.Applied && decision.State is not null
            ? decision.State
            : throw new InvalidOperationException($"Setting up: {evt.GetType().Name} was {decision.Kind}: {decision.Reason}");
    }
}
