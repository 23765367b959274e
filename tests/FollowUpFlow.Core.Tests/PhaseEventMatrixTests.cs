using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Tests.Support;
using FollowUpFlow.Core.Workflow;

namespace FollowUpFlow.Core.Tests;

/// <summary>Every representative phase against every kind of event: each pair has one defined result.</summary>
public sealed class PhaseEventMatrixTests
{
    // Columns follow PhaseBuilder.All:
    // None, Scheduled, AwaitingOutcome, AwaitingOutcomeSending, Rejected, RejectedAtNight, AwaitingFeedback, Closed, ClosedSendInFlight.
    // A = Applied, I = Ignored, R = Refused. "Rep draft" is the draft in flight, else the first pending one, else the last.
    private static readonly (string Event, string Expected)[] Table =
    [
        ("Confirmation",             "A R R R R R R R R"),
        ("Rescheduled",              "R A A R R R R R R"),
        ("RescheduledEndBeforeStart", "R R R R R R R R R"),
        ("Cancelled",                "R A A A A A A R R"),
        ("TimerFiredFirstPending",   "R A A A A A A I I"),
        ("TimerFiredStaleDueAt",     "R I I I I I I I I"),
        ("TimerFiredWrongKind",      "R I I I I I I I I"),
        ("TimerFiredUnknownId",      "R I I I I I I I I"),
        ("DraftApprovedRep",         "R R A R A R R R R"),
        ("DraftApprovedEdited",      "R R A R A R R R R"),
        ("DraftApprovedBlankEdit",   "R R R R R R R R R"),
        ("DraftApprovedUnknown",     "R R R R R R R R R"),
        ("DraftRejectedRep",         "R R A R A R R R R"),
        ("DraftRejectedUnknown",     "R R R R R R R R R"),
        ("DraftEditedRep",           "R R A R A R R R R"),
        ("DraftEditedUnchanged",     "R R I R I R R R R"),
        ("DraftEditedBlank",         "R R R R R R R R R"),
        ("DraftEditedNothing",       "R R R R R R R R R"),
        ("DraftEditedUnknown",       "R R R R R R R R R"),
        ("OutcomeRejected",          "R A A A R R R R R"),
        ("OutcomeOffer",             "R A A A R R R R R"),
        ("OutcomeWithdrawn",         "R A A A R R R R R"),
        ("OutcomeNoResponse",        "R A A A R R R R R"),
        ("ReplyNew",                 "R A A A A A A I I"),
        ("ReplyFromCandidate",       "R I I I I I I I I"),
        ("SendSucceededRep",         "R R I A I I I I A"),
        ("SendSucceededUnknown",     "R R R R R R R R R"),
        ("SendFailedRep",            "R R I A I I I I A"),
        ("SendFailedUnknown",        "R R R R R R R R R"),
        ("SendUncertainRep",         "R R I A I I I I A"),
        ("SendUncertainUnknown",     "R R R R R R R R R"),
        ("DraftMarkedSentRep",       "R R R R R R R R R"),
        ("DraftMarkedSentUnknown",   "R R R R R R R R R"),
    ];

    public static TheoryData<string, string, DecisionKind> Cases()
    {
        var data = new TheoryData<string, string, DecisionKind>();
        foreach (var (evt, expected) in Table)
        {
            var cells = expected.Split(' ');
            Assert.Equal(PhaseBuilder.All.Length, cells.Length);
            for (var i = 0; i < cells.Length; i++)
            {
                data.Add(PhaseBuilder.All[i], evt, cells[i] switch
                {
                    "A" => DecisionKind.Applied,
                    "I" => DecisionKind.Ignored,
                    _ => DecisionKind.Refused,
                });
            }
        }

        return data;
    }

    [Fact]
    public void The_table_covers_every_event_type()
    {
        var covered = Table.Select(row => Event(row.Event, PhaseBuilder.Build(PhaseBuilder.Scheduled)).GetType()).ToHashSet();
        var all = typeof(WorkflowEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(WorkflowEvent)) && !t.IsAbstract);
        Assert.Empty(all.Except(covered));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_phase_and_event_has_a_defined_result(string phase, string eventName, DecisionKind expected)
    {
        var driver = PhaseBuilder.Build(phase);
        var before = driver.State;
        var evt = Event(eventName, driver);

        var decision = InterviewDecider.Decide(before, evt, driver.Now.AddMinutes(5), driver.Settings);

        Assert.True(expected == decision.Kind, $"{phase} × {eventName}: expected {expected}, got {decision.Kind} ({decision.Reason})");
        if (expected == DecisionKind.Applied)
        {
            Assert.NotNull(decision.State);
        }
        else
        {
            decision.AssertUnchanged(expected, before);
        }
    }

    private static WorkflowEvent Event(string name, WorkflowDriver driver)
    {
        var state = driver.State;
        var firstTimer = state?.Timers.OrderBy(t => t.DueAt).FirstOrDefault() ?? new PendingTimer("t999", TimerKind.ReflectionPrompt, driver.Now);
        var rep = RepresentativeDraft(state);
        var shift = TimeSpan.FromDays(2);
        return name switch
        {
            "Confirmation" => new ConfirmationReceived("iv2", TestData.Details()),
            "Rescheduled" => new Rescheduled(TestData.Start + shift, TestData.End + shift, null),
            "RescheduledEndBeforeStart" => new Rescheduled(TestData.End + shift, TestData.Start + shift, null),
            "Cancelled" => new Cancelled("They filled the role internally"),
            "TimerFiredFirstPending" => new TimerFired(firstTimer.Id, firstTimer.Kind, firstTimer.DueAt),
            "TimerFiredStaleDueAt" => new TimerFired(firstTimer.Id, firstTimer.Kind, firstTimer.DueAt.AddMinutes(-1)),
            "TimerFiredWrongKind" => new TimerFired(firstTimer.Id, firstTimer.Kind == TimerKind.FeedbackNudge ? TimerKind.ReflectionPrompt : TimerKind.FeedbackNudge, firstTimer.DueAt),
            "TimerFiredUnknownId" => new TimerFired("t999", TimerKind.ReflectionPrompt, driver.Now),
            "DraftApprovedRep" => new DraftApproved(rep),
            "DraftApprovedEdited" => new DraftApproved(rep, "Thanks for Tuesday", "Hi,\n\nThank you.\n\nSam"),
            "DraftApprovedBlankEdit" => new DraftApproved(rep, Body: "   "),
            "DraftApprovedUnknown" => new DraftApproved("iv1-d999"),
            "DraftRejectedRep" => new DraftRejected(rep),
            "DraftRejectedUnknown" => new DraftRejected("iv1-d999"),
            "DraftEditedRep" => new DraftEdited(rep, "Thanks for Tuesday", "Hi,\n\nThank you.\n\nSam"),
            "DraftEditedUnchanged" => new DraftEdited(rep, state?.FindDraft(rep)?.Subject ?? "Same subject"),
            "DraftEditedBlank" => new DraftEdited(rep, Subject: " "),
            "DraftEditedNothing" => new DraftEdited(rep),
            "DraftEditedUnknown" => new DraftEdited("iv1-d999", "Thanks"),
            "OutcomeRejected" => new OutcomeRecorded(Outcome.Rejected, new SuccessfulCandidate("Jo Park", null, null)),
            "OutcomeOffer" => new OutcomeRecorded(Outcome.Offer),
            "OutcomeWithdrawn" => new OutcomeRecorded(Outcome.Withdrawn),
            "OutcomeNoResponse" => new OutcomeRecorded(Outcome.NoResponse),
            "ReplyNew" => new ReplyReceived("r-new", "Rita Gomez <rita@acme.example>", "Re: your interview", driver.Now),
            "ReplyFromCandidate" => new ReplyReceived("r-own", "Sam Carter <SAM@candidate.example>", "Re: your interview", driver.Now),
            "SendSucceededRep" => new SendSucceeded(rep, "<" + rep + ".1@followupflow.local>", driver.Now),
            "SendSucceededUnknown" => new SendSucceeded("iv1-d999", "<x@y>", driver.Now),
            "SendFailedRep" => new SendFailed(rep, "550 mailbox unavailable"),
            "SendFailedUnknown" => new SendFailed("iv1-d999", "550 mailbox unavailable"),
            "SendUncertainRep" => new SendUncertain(rep, "The connection dropped before the provider answered."),
            "SendUncertainUnknown" => new SendUncertain("iv1-d999", "The connection dropped before the provider answered."),
            "DraftMarkedSentRep" => new DraftMarkedSent(rep),
            "DraftMarkedSentUnknown" => new DraftMarkedSent("iv1-d999"),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }

    private static string RepresentativeDraft(InterviewState? state)
    {
        var drafts = state?.Drafts ?? [];
        var draft = drafts.FirstOrDefault(d => d.Status == DraftStatus.Sending)
            ?? drafts.FirstOrDefault(d => d.Status == DraftStatus.Pending)
            ?? drafts.LastOrDefault();
        return draft?.Id ?? "iv1-d999";
    }
}
