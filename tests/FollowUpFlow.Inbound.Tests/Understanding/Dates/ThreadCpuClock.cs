using System.Diagnostics;
using System.Runtime.InteropServices;

namespace FollowUpFlow.Inbound.Tests.Understanding.Dates;

/// <summary>CPU time of the calling thread, so timing tests measure the code's own work, not the waits of a busy machine.</summary>
/// <remarks>Linux reads the thread's CPU clock; elsewhere it falls back to wall time.</remarks>
internal static class ThreadCpuClock
{
    private const int ThreadCpuTimeId = 3; // CLOCK_THREAD_CPUTIME_ID

    /// <summary>Milliseconds the action took: the best of several runs after one warm-up run.</summary>
    public static double BestOf(int runs, Action action)
    {
        action(); // JIT and caches
        double best = double.MaxValue;
        for (int run = 0; run < runs; run++)
        {
            double start = NowMilliseconds();
            action();
            best = Math.Min(best, NowMilliseconds() - start);
        }

        return best;
    }

    private static double NowMilliseconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ThreadCpuTimeId, out var time) == 0)
        {
            return (time.Seconds * 1e3) + (time.Nanoseconds / 1e6);
        }

        return Stopwatch.GetTimestamp() * 1e3 / Stopwatch.Frequency;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
