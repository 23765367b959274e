namespace FollowUpFlow.Workflow;

/// <summary>Waits that double with each failed attempt, up to an hour: retries fast at first, never hammer for long.</summary>
internal static class Backoff
{
    private static readonly TimeSpan Max = TimeSpan.FromHours(1);

    public static TimeSpan After(int attempts, TimeSpan first) =>
        TimeSpan.FromTicks(Math.Min(Max.Ticks, (long)(first.Ticks * Math.Pow(2, Math.Min(attempts, 20)))));
}
