using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;

namespace FollowUpFlow.Core.Tests.Support;

/// <summary>
/// Representative interviews in every phase, each reached through the decider itself (so they are states the
/// workflow really produces), with the driver positioned right after the last step.
/// </summary>
internal static class PhaseBuilder
{
    public const string None = "None";
    public const string Scheduled = "Scheduled";
    public const string AwaitingOutcome = "AwaitingOutcome";
    public const string AwaitingOutcomeSending = "AwaitingOutcomeSending";
    public const string Rejected = "Rejected";
    public const string RejectedAtNight = "RejectedAtNight";
    public const string AwaitingFeedback = "AwaitingFeedback";
    public const string Closed = "Closed";
    public const string ClosedSendInFlight = "ClosedSendInFlight";

    public static readonly string[] All =
        [None, Scheduled, AwaitingOutcome, AwaitingOutcomeSending, Rejected, RejectedAtNight, AwaitingFeedback, Closed, ClosedSendInFlight];

    public static WorkflowDriver Build(string phase) => phase switch
    {
        None => new WorkflowDriver(),
        Scheduled => WorkflowDriver.Confirmed(),
        AwaitingOutcome => InAwaitingOutcome(),
        AwaitingOutcomeSending => Then(InAwaitingOutcome(), d => d.Approve(DraftKind.ThankYou, TestData.Ana.Email)),
        Rejected => InRejected(),
        RejectedAtNight => Then(InAwaitingOutcome(), d => d.At(TestData.Local(TestData.Berlin, 2026, 3, 11, 23), new OutcomeRecorded(Outcome.Rejected))),
        AwaitingFeedback => InAwaitingFeedback(),
        Closed => Then(InAwaitingOutcome(), d => d.Apply(new Cancelled("Position filled"))),
        ClosedSendInFlight => Then(
            Then(InAwaitingOutcome(), d => d.Approve(DraftKind.ThankYou, TestData.Ana.Email)),
            d => d.Apply(new Cancelled(null))),
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };

    /// <summary>Thank-you drafts to Ana and Ben are pending; the reflection prompt has fired.</summary>
    public static WorkflowDriver InAwaitingOutcome()
    {
        var driver = WorkflowDriver.Confirmed();
        driver.RunUntil(TestData.End.AddHours(1));
        return driver;
    }

    /// <summary>Rejected on Wednesday at 10:00: the feedback request to Rita is pending.</summary>
    public static WorkflowDriver InRejected() =>
        Then(InAwaitingOutcome(), d => d.At(TestData.Local(TestData.Berlin, 2026, 3, 11, 10), new OutcomeRecorded(Outcome.Rejected)));

    /// <summary>The feedback request to Rita was sent; the nudge and the final close are pending.</summary>
    public static WorkflowDriver InAwaitingFeedback()
    {
        var driver = InRejected();
        driver.Approve(DraftKind.FeedbackRequest).AppliedState();
        driver.Delivered(DraftKind.FeedbackRequest).AppliedState();
        return driver;
    }

    private static WorkflowDriver Then(WorkflowDriver driver, Func<WorkflowDriver, Core.Workflow.Decision> step)
    {
        step(driver).AppliedState();
        return driver;
    }
}
