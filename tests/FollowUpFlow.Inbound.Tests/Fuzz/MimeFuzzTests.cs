using System.Diagnostics;
using FollowUpFlow.Inbound.Mime;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace FollowUpFlow.Inbound.Tests.Fuzz;

/// <summary>
/// Mutated corpus and crafted messages: reading never throws and no single read takes 100 ms. The number of cases
/// comes from FOLLOWUPFLOW_FUZZ_CASES (2,000 by default; the dedicated run uses 100,000).
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class MimeFuzzTests(ITestOutputHelper output)
{
    private const double BudgetMilliseconds = 100;

    [Fact]
    public void Mutated_messages_read_without_throwing_each_within_100_ms()
    {
        var cases = FuzzCases.Count;
        // Read every seed once first, so the timings are of compiled code rather than of the JIT.
        foreach (var seed in MimeFuzzSeeds.All)
        {
            _ = MessageText.GetBodyText(MimeReader.Parse(seed.Bytes.AsMemory()));
        }

        var timing = new ReadTiming();
        var started = Stopwatch.StartNew();
        var property = Prop.ForAll(MimeFuzzMutations.Arbitrary(MimeFuzzSeeds.All, MimeFuzzSeeds.Delimiters), timing.ReadsInTime);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true), property);

        output.WriteLine($"{timing.Count} cases from {MimeFuzzSeeds.All.Count} seeds in {started.Elapsed.TotalSeconds:F1} s; " +
                         $"slowest read {timing.MaxMilliseconds:F2} ms ({timing.Slowest}); bytes read {timing.Bytes:N0}");
        Assert.Equal(cases, timing.Count);
    }

    [Fact]
    public void The_seeds_include_every_corpus_message()
    {
        Assert.True(MimeFuzzSeeds.All.Count >= 60, $"{MimeFuzzSeeds.All.Count} seeds");
        Assert.NotEmpty(MimeFuzzSeeds.Delimiters);
        Assert.All(MimeFuzzSeeds.All, seed => Assert.True(MimeReader.Parse(seed.Bytes.AsMemory()).HasHeaders, seed.Name));
    }

    /// <summary>Reads each case, keeps the slowest, and fails a case that is over budget on ten tries (a slow try can be the scheduler or a collection).</summary>
    private sealed class ReadTiming
    {
        public int Count { get; private set; }

        public long Bytes { get; private set; }

        public double MaxMilliseconds { get; private set; }

        public string Slowest { get; private set; } = string.Empty;

        public void ReadsInTime(MimeFuzzCase fuzzCase)
        {
            var bytes = fuzzCase.Bytes();
            var elapsed = Read(bytes);
            for (var retry = 0; retry < 9 && elapsed > BudgetMilliseconds; retry++)
            {
                elapsed = Math.Min(elapsed, Read(bytes));
            }

            Count++;
            Bytes += bytes.Length;
            if (elapsed > MaxMilliseconds)
            {
                MaxMilliseconds = elapsed;
                Slowest = fuzzCase.ToString();
            }

            if (elapsed > BudgetMilliseconds)
            {
                throw new TimeoutException($"reading took {elapsed:F1} ms on each of ten tries (budget {BudgetMilliseconds} ms)");
            }
        }

        private static double Read(byte[] bytes)
        {
            var stopwatch = Stopwatch.StartNew();
            var message = MimeReader.Parse(bytes.AsMemory());
            var elapsed = stopwatch.Elapsed.TotalMilliseconds;
            // Not timed (HTML parsing is AngleSharp's), but must not throw either.
            _ = MessageText.GetBodyText(message);
            _ = MessageText.GetCalendarParts(message).Count();
            return elapsed;
        }
    }
}
