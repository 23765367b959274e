using System.Text;
using FollowUpFlow.Inbound.Understanding.Dates;

namespace FollowUpFlow.Inbound.Tests.Understanding.Dates;

/// <summary>Timing tests run alone, so other tests' work does not count against them.</summary>
[CollectionDefinition(nameof(TimingCollection), DisableParallelization = true)]
public sealed class TimingCollection;

/// <summary>A 30 KB email must be scanned in under 0.2 ms per KB, and no input may make the scan more than linear.</summary>
/// <remarks>Measured in thread CPU time, best of several runs; the bound holds for a Debug build.</remarks>
[Collection(nameof(TimingCollection))]
public sealed class TextDateFinderSpeedTests
{
    private const double BudgetMilliseconds = 30 * 0.2;

    [Fact]
    public void Scans_a_30_KB_email_within_budget()
    {
        var text = ThirtyKilobyteEmail();
        double best = ThreadCpuClock.BestOf(40, () => Assert.NotEmpty(TextDateFinder.Find(text, DateExpectation.SentAt, "America/New_York")));
        Assert.True(best < BudgetMilliseconds, $"best run {best:F2} ms");
    }

    [Fact]
    public void Pathological_runs_of_numbers_and_separators_stay_linear()
    {
        const string unit = "12:30-12:30/12.12.12 - 1-2-3 at at at 2pm to Dec 8 Dec 8, 9.9.9.9 ((((GMT+1 ";
        var small = string.Concat(Enumerable.Repeat(unit, 200));
        var large = string.Concat(Enumerable.Repeat(unit, 800));
        double smallMs = ThreadCpuClock.BestOf(5, () => TextDateFinder.Find(small, DateExpectation.SentAt, "America/New_York"));
        double largeMs = ThreadCpuClock.BestOf(5, () => TextDateFinder.Find(large, DateExpectation.SentAt, "America/New_York"));
        Assert.True(largeMs < 8 * smallMs, $"4x the text took {largeMs / smallMs:F1}x the time ({smallMs:F1} ms, {largeMs:F1} ms)");
    }

    // Mostly prose, a mention in most paragraphs, and the numbers that must not match: denser than a real email.
    private static string ThirtyKilobyteEmail()
    {
        string[] paragraphs =
        [
            "Hi Sam, thank you for applying to the Senior Engineer role. We were impressed by your background and would love to continue the conversation with the team.\n",
            "Your interview is scheduled for Tuesday, December 8, 2026 at 2:00 PM EST and will last 45 minutes. Please join via the link below.\n",
            "Call us at +1 (555) 123-4567 if anything changes; our support is available 24/7 and shipping takes 2-3 days. Version 2.3.1, price $14.99.\n",
            "> On Mon, Nov 16, 2026 at 9:12 AM Rita <rita@acme.example> wrote:\n> Are you free next Tuesday at 10am or Thursday afternoon?\n",
            "Das Gespräch findet am 08.12.2026 um 14:00 Uhr statt. Le rendez-vous aura lieu mardi 8 décembre à 14h.\n\n",
        ];
        var email = new StringBuilder();
        for (int i = 0; email.Length < 30 * 1024; i++)
        {
            email.Append(paragraphs[i % paragraphs.Length]);
        }

        return email.ToString();
    }
}
