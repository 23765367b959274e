using System.Diagnostics;
using FollowUpFlow.Inbound.Calendar;
using FollowUpFlow.Inbound.Tests.Calendar;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace FollowUpFlow.Inbound.Tests.Fuzz;

/// <summary>
/// The corpus calendars damaged at random (flipped characters, duplicated and deleted lines, stray BEGIN:VEVENT and
/// TZID parameters, long folded lines, truncation, splicing): the reader never throws and stays within its time
/// budget. FOLLOWUPFLOW_FUZZ_CASES sets the number of cases (2,000 unless told).
/// </summary>
[Trait("Category", "Fuzz")]
[Collection(nameof(TimedTests))]
public sealed class CalendarFuzzTests(ITestOutputHelper output)
{

    [Fact]
    public void Damaged_calendars_never_throw_and_are_read_within_the_budget()
    {
        var cases = FuzzCases.Count;
        var corpus = CalendarCorpus.FileNames.ToDictionary(f => f, CalendarCorpus.Read, StringComparer.Ordinal);
        foreach (var text in corpus.Values)
        {
            ICalendarReader.Parse(text);
        }

        var stats = new FuzzStatistics();
        var total = Stopwatch.StartNew();
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true),
            Prop.ForAll(Arb.From(CalendarFuzzCase.Generator(CalendarCorpus.FileNames)), (CalendarFuzzCase fuzzCase) =>
            {
                var text = fuzzCase.Build(corpus);
                var stopwatch = Stopwatch.StartNew();
                var document = ICalendarReader.Parse(text);
                var milliseconds = stopwatch.Elapsed.TotalMilliseconds;

                // A slow case is timed again: a busy machine or a collection can stall one run, a slow algorithm stalls all.
                var confirmed = milliseconds < ParseTiming.BudgetMilliseconds ? milliseconds : ParseTiming.FastestMilliseconds(() => ICalendarReader.Parse(text));
                Assert.True(confirmed < ParseTiming.BudgetMilliseconds, $"{fuzzCase}: {confirmed:F1} ms");
                foreach (var evt in document.Events)
                {
                    CalendarMeetingLinks.FindMeetingUrl(evt);
                }

                CalendarMeetingLinks.FindIn(text);
                stats.Record(milliseconds, confirmed, document);
            }));

        output.WriteLine($"{stats.Cases} cases in {total.Elapsed.TotalSeconds:F1} s; slowest parse {stats.SlowestMilliseconds:F2} ms (slowest confirmed {stats.SlowestConfirmedMilliseconds:F2} ms); {stats.WithEvents} with events, {stats.WithProblems} with problems");
        Assert.Equal(cases, stats.Cases);

        // Guards against a generator that only makes empty or hopeless text: most damaged calendars are still calendars.
        Assert.True(stats.WithEvents > cases / 2, $"only {stats.WithEvents} of {cases} cases had an event");
        Assert.True(stats.WithProblems > cases / 4, $"only {stats.WithProblems} of {cases} cases had a problem");
    }

    private sealed class FuzzStatistics
    {
        public int Cases { get; private set; }

        public int WithEvents { get; private set; }

        public int WithProblems { get; private set; }

        public double SlowestMilliseconds { get; private set; }

        public double SlowestConfirmedMilliseconds { get; private set; }

        public void Record(double milliseconds, double confirmed, CalendarDocument document)
        {
            Cases++;
            WithEvents += document.Events.IsEmpty ? 0 : 1;
            WithProblems += document.Problems.IsEmpty ? 0 : 1;
            SlowestMilliseconds = Math.Max(SlowestMilliseconds, milliseconds);
            SlowestConfirmedMilliseconds = Math.Max(SlowestConfirmedMilliseconds, confirmed);
        }
    }
}
