using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;

namespace FollowUpFlow.Core.Tests.Support;

/// <summary>
/// Plays the shell in tests: keeps the state and a clock, applies events, and fires timers at their due time in due
/// order (the way the scheduler does).
/// </summary>
internal sealed class WorkflowDriver(WorkflowSettings? settings = null)
{
    public WorkflowSettings Settings { get; } = settings ?? TestData.Settings;

    public InterviewState? State { get; private set; }

    public DateTimeOffset Now { get; set; } = TestData.Start.AddDays(-3);

    public List<Decision> Log { get; } = [];

    public InterviewState Current => State ?? throw new InvalidOperationException("No interview yet.");

    public static WorkflowDriver Confirmed(InterviewDetails? details = null, WorkflowSettings? settings = null)
    {
        var driver = new WorkflowDriver(settings);
        driver.Apply(new ConfirmationReceived("iv1", details ?? TestData.Details())).AppliedState();
        return driver;
    }

    public Decision Apply(WorkflowEvent evt)
    {
        var decision = InterviewDecider.Decide(State, evt, Now, Settings);
        Log.Add(decision);
        if (decision.Kind == DecisionKind.Applied)
        {
            State = decision.State;
        }

        return decision;
    }

    public Decision At(DateTimeOffset now, WorkflowEvent evt)
    {
        Now = now;
        return Apply(evt);
    }

    /// <summary>Fires every timer due up to <paramref name="until"/>, earliest first, moving the clock along.</summary>
    public List<Decision> RunUntil(DateTimeOffset until)
    {
        var fired = new List<Decision>();
        while (State?.Timers.Where(t => t.DueAt <= until).OrderBy(t => t.DueAt).ThenBy(t => t.Id, StringComparer.Ordinal).FirstOrDefault() is { } due)
        {
            Now = Max(Now, due.DueAt);
            fired.Add(Apply(new TimerFired(due.Id, due.Kind, due.DueAt)));
        }

        Now = Max(Now, until);
        return fired;
    }

    /// <summary>Runs the clock to the pending timer of that kind and fires it (and everything due before it).</summary>
    public Decision Fire(TimerKind kind)
    {
        var timer = Current.Timer(kind);
        RunUntil(timer.DueAt - TimeSpan.FromTicks(1));
        Now = Max(Now, timer.DueAt);
        return Apply(new TimerFired(timer.Id, timer.Kind, timer.DueAt));
    }

    public Decision Approve(DraftKind kind, string? email = null, string? subject = null, string? body = null) =>
        Apply(new DraftApproved(Current.Draft(kind, email).Id, subject, body));

    /// <summary>The provider reports the in-flight send of that draft as delivered a minute later.</summary>
    public Decision Delivered(DraftKind kind, string? email = null)
    {
        var draft = Current.Draft(kind, email);
        Now = Now.AddMinutes(1);
        return Apply(new SendSucceeded(draft.Id, draft.MessageId!, Now));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
