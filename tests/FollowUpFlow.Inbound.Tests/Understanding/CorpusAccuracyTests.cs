using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace FollowUpFlow.Inbound.Tests.Understanding;

/// <summary>
/// Reads every corpus email and scores each field against the expected reading. Targets: at least 95% of
/// fields right overall and no field below 90%. The report (per field, then every miss) is written to the
/// test output and to corpus-accuracy.txt beside the test assembly.
/// </summary>
public sealed class CorpusAccuracyTests(ITestOutputHelper output)
{
    private const double OverallTarget = 0.95;
    private const double FieldTarget = 0.90;
    private const int MinimumCorpusSize = 60;

    [Fact]
    public void Corpus_is_read_at_least_95_percent_right_with_no_field_below_90()
    {
        var cases = CorpusCase.All();
        Assert.True(cases.Count >= MinimumCorpusSize, $"The corpus has {cases.Count} emails; at least {MinimumCorpusSize} are needed.");

        var right = FieldScorer.Fields.ToDictionary(f => f, _ => 0);
        var misses = new StringBuilder();
        foreach (var corpusCase in cases)
        {
            var actual = CorpusCase.ToJson(ParseReport.From(corpusCase.Parse().Understanding));
            foreach (var field in FieldScorer.Fields)
            {
                var expected = corpusCase.Expected[field];
                if (FieldScorer.IsRight(field, expected, actual[field]))
                {
                    right[field]++;
                }
                else
                {
                    misses.AppendLine(CultureInfo.InvariantCulture, $"{corpusCase.Name} {field}: expected {Show(expected)}, got {Show(actual[field])}");
                }
            }
        }

        var report = new StringBuilder();
        var total = right.Values.Sum();
        var possible = cases.Count * FieldScorer.Fields.Length;
        report.AppendLine(CultureInfo.InvariantCulture, $"corpus: {cases.Count} emails, {total}/{possible} fields right ({Percent(total, possible)})");
        foreach (var field in FieldScorer.Fields)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {field,-13} {right[field],3}/{cases.Count} {Percent(right[field], cases.Count)}");
        }

        report.AppendLine("misses:").Append(misses);
        output.WriteLine(report.ToString());
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "corpus-accuracy.txt"), report.ToString());

        Assert.True((double)total / possible >= OverallTarget, $"Overall accuracy {Percent(total, possible)} is below {OverallTarget:P0}.\n{report}");
        foreach (var field in FieldScorer.Fields)
        {
            Assert.True((double)right[field] / cases.Count >= FieldTarget, $"{field} accuracy {Percent(right[field], cases.Count)} is below {FieldTarget:P0}.\n{report}");
        }
    }

    private static string Percent(int part, int whole) => ((double)part / whole).ToString("P1", CultureInfo.InvariantCulture);

    private static string Show(System.Text.Json.Nodes.JsonNode? node) => node?.ToJsonString() ?? "null";
}
