using System.Diagnostics;
using System.Globalization;
using FollowUpFlow.Inbound;

namespace FollowUpFlow.Benchmarks;

/// <summary>
/// Messages per second on one thread for the sample, in three timed rounds after a 3 s warm-up, with the bytes
/// allocated per message: the figures docs/BENCHMARKS.md reports next to BenchmarkDotNet's.
/// </summary>
internal static class InboundThroughput
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    private static readonly ParseOptions Options = new() { CandidateAddresses = ["alex.morgan@example.com"], CandidateTimeZone = "America/New_York" };

    public static string Run(TimeSpan roundLength)
    {
        var message = InboundSample.Load();
        var check = InboundParser.Parse(message, Options).Understanding;

        // Warm up for a fixed time, not a count: the runtime recompiles hot methods with their profile in the
        // background, and a round that starts before that has finished measures the compiler, not the parser.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < WarmUp)
        {
            InboundParser.Parse(message, Options);
        }

        var rates = new List<double>();
        long allocatedPerMessage = 0;
        for (var round = 0; round < 3; round++)
        {
            var count = 0;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < roundLength)
            {
                InboundParser.Parse(message, Options);
                count++;
            }

            watch.Stop();
            allocatedPerMessage = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / count;
            rates.Add(count / watch.Elapsed.TotalSeconds);
        }

        rates.Sort();
        var median = rates[1];
        var megabytes = median * message.Length / (1024.0 * 1024.0);
        return string.Create(CultureInfo.InvariantCulture, $"""
            ## Inbound parse and extract (one thread)

            Sample: {message.Length:N0} bytes, multipart/mixed (text, HTML, text/calendar, PDF), a Gmail forward; read as {check.Kind}, {check.Company}, {check.Start:O}.

            | Measure | Value |
            |---|---|
            | messages/s (median of 3 rounds of {roundLength.TotalSeconds:0} s) | {median:N0} |
            | rounds | {string.Join(", ", rates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))} |
            | MB/s | {megabytes:N1} |
            | allocated per message | {allocatedPerMessage / 1024.0:N1} KB |
            | target | ≥ 2,000 messages/s |
            """);
    }
}
