using FollowUpFlow.Core.Commands;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;

namespace FollowUpFlow.Core.Tests.Support;

internal static class DecisionExtensions
{
    public static IReadOnlyList<T> Of<T>(this Decision decision) where T : WorkflowCommand =>
        decision.Commands.OfType<T>().ToList();

    public static IReadOnlyList<PendingTimer> Scheduled(this Decision decision) =>
        decision.Of<ScheduleTimer>().Select(c => c.Timer).ToList();

    public static IReadOnlyList<PendingTimer> Cancelled(this Decision decision) =>
        decision.Of<CancelTimer>().Select(c => c.Timer).ToList();

    public static IReadOnlyList<CandidateNotification> Notifications(this Decision decision) =>
        decision.Of<NotifyCandidate>().Select(c => c.Notification).ToList();

    public static InterviewState AppliedState(this Decision decision)
    {
        Assert.True(decision.Kind == DecisionKind.Applied, $"Expected Applied but was {decision.Kind}: {decision.Reason}");
        return decision.State!;
    }

    /// <summary>Refused and Ignored leave everything as it was.</summary>
    public static void AssertUnchanged(this Decision decision, DecisionKind kind, InterviewState? input)
    {
        Assert.Equal(kind, decision.Kind);
        Assert.Same(input, decision.State);
        Assert.Empty(decision.Commands);
        Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
    }

    public static Draft Draft(this InterviewState state, DraftKind kind, string? email = null) =>
        state.Drafts.Last(d => d.Kind == kind && (email is null || string.Equals(d.To.Email, email, StringComparison.OrdinalIgnoreCase)));

    public static PendingTimer Timer(this InterviewState state, TimerKind kind) => state.Timers.Single(t => t.Kind == kind);

    public static bool HasTimer(this InterviewState state, TimerKind kind) => state.Timers.Any(t => t.Kind == kind);
}
