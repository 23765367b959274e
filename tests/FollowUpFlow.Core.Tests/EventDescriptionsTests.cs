using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Tests.Support;

namespace FollowUpFlow.Core.Tests;

public sealed class EventDescriptionsTests
{
    [Fact]
    public void Drafts_are_named_by_recipient_when_the_interview_is_at_hand()
    {
        var state = PhaseBuilder.InAwaitingOutcome().Current;
        var ana = state.Draft(DraftKind.ThankYou, TestData.Ana.Email).Id;

        Assert.Equal("Thank-you draft to Ana Silva approved (edited)", EventDescriptions.Describe(new DraftApproved(ana, Body: "Hi"), state));
        Assert.Equal("Thank-you draft to Ana Silva approved", EventDescriptions.Describe(new DraftApproved(ana), state));
        Assert.Equal("Thank-you draft to Ana Silva skipped", EventDescriptions.Describe(new DraftRejected(ana), state));
        Assert.Equal("Thank-you draft to Ana Silva edited", EventDescriptions.Describe(new DraftEdited(ana, Body: "Hi"), state));
        Assert.Equal("Thank-you to Ana Silva sent", EventDescriptions.Describe(new SendSucceeded(ana, "<m>", TestData.End), state));
        Assert.Equal("Thank-you to Ana Silva could not be sent: 550", EventDescriptions.Describe(new SendFailed(ana, "550"), state));
    }

    [Fact]
    public void Without_the_interview_drafts_are_named_by_id() =>
        Assert.Equal("Draft iv1-d5 approved (edited)", EventDescriptions.Describe(new DraftApproved("iv1-d5", "New subject")));

    [Theory]
    [MemberData(nameof(Events))]
    public void Every_event_has_one_human_line(WorkflowEvent evt, string expected)
    {
        var line = EventDescriptions.Describe(evt);

        Assert.Equal(expected, line);
        Assert.DoesNotContain('\n', line);
    }

    public static TheoryData<WorkflowEvent, string> Events() => new()
    {
        { new ConfirmationReceived("iv1", TestData.Details()), "Interview confirmed: Platform Engineer at Acme, Tuesday 10 March 2026, 14:00 (Europe/Berlin)" },
        { new Rescheduled(TestData.Start.AddDays(1), TestData.End.AddDays(1), "Europe/London"), "Interview rescheduled to Wednesday 11 March 2026, 13:00 (Europe/London)" },
        { new Cancelled(null), "Interview cancelled" },
        { new Cancelled(" Role on hold "), "Interview cancelled: Role on hold" },
        { new TimerFired("t2", TimerKind.ThankYouDrafts, TestData.End), "Thank-you drafts due" },
        { new TimerFired("t9", TimerKind.FeedbackRequestDraft, TestData.End), "Feedback request due (the rejection came at night)" },
        { new OutcomeRecorded(Outcome.Rejected, new SuccessfulCandidate("Jo Park", null, null)), "Outcome: rejected (the role went to Jo Park)" },
        { new OutcomeRecorded(Outcome.Offer), "Outcome: offer" },
        { new ReplyReceived("r1", "Rita Gomez <rita@acme.example>", "Re: Feedback", TestData.End), "Reply from Rita Gomez <rita@acme.example>: Re: Feedback" },
    };

    [Fact]
    public void Every_timer_kind_has_its_own_line() =>
        Assert.Equal(
            Enum.GetValues<TimerKind>().Length,
            Enum.GetValues<TimerKind>().Select(k => EventDescriptions.Describe(new TimerFired("t1", k, TestData.End))).Distinct().Count());
}
