using System.Diagnostics;

namespace FollowUpFlow.Inbound.Tests.Calendar;

/// <summary>Wall-clock timing for the reader's time budget, robust to a busy machine.</summary>
internal static class ParseTiming
{
    public const double BudgetMilliseconds = 100;

    /// <summary>
    /// The fastest of up to <paramref name="maxRuns"/> runs, stopping at the first within the budget. Other processes
    /// and garbage collections only ever add time; an algorithm that is too slow is too slow on every run.
    /// </summary>
    public static double FastestMilliseconds(Action action, int maxRuns = 10)
    {
        var fastest = double.MaxValue;
        for (var run = 0; run < maxRuns && fastest >= BudgetMilliseconds; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            fastest = Math.Min(fastest, stopwatch.Elapsed.TotalMilliseconds);
        }

        return fastest;
    }
}

/// <summary>Tests that time the reader run alone, so that they do not time each other.</summary>
[CollectionDefinition(nameof(TimedTests), DisableParallelization = true)]
public sealed class TimedTests;
