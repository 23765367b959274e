using Xunit.Abstractions;
using FollowUpFlow.Inbound.Calendar;

namespace FollowUpFlow.Inbound.Tests.Calendar;

/// <summary>Every calendar of python icalendar's test suite: read without an exception, and read as that library reads it.</summary>
public sealed class ICalendarCorpusTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files() => CalendarCorpus.Files();

    [Theory]
    [MemberData(nameof(Files))]
    public void Reads_the_file_as_the_reference_does(string fileName)
    {
        var document = ICalendarReader.Parse(CalendarCorpus.Read(fileName));

        var reference = CalendarCorpus.References[fileName];
        if (reference.TryGetProperty("peerError", out _))
        {
            return;
        }

        foreach (var comparison in ReferenceComparison.Compare(reference, document))
        {
            if (ReferenceDisagreements.Known.TryGetValue((fileName, comparison.Field), out var reason))
            {
                Assert.False(comparison.Agrees, $"{fileName} {comparison.Field} now agrees: remove it from the known disagreements ({reason}).");
            }
            else
            {
                Assert.True(comparison.Agrees, $"{fileName} {comparison}");
            }
        }
    }

    [Fact]
    public void Every_reference_entry_has_its_file_and_agreement_is_reported()
    {
        Assert.Equal(CalendarCorpus.References.Keys.Order(StringComparer.Ordinal), CalendarCorpus.FileNames);

        var comparisons = CalendarCorpus.References
            .Where(r => !r.Value.TryGetProperty("peerError", out _))
            .SelectMany(r => ReferenceComparison.Compare(r.Value, ICalendarReader.Parse(CalendarCorpus.Read(r.Key))).Select(c => (File: r.Key, Comparison: c)))
            .ToList();
        var disagreements = comparisons.Where(c => !c.Comparison.Agrees).ToList();
        output.WriteLine($"Fields agreed: {comparisons.Count - disagreements.Count} / {comparisons.Count}");
        foreach (var (file, comparison) in disagreements)
        {
            output.WriteLine($"  {file} {comparison}");
        }

        Assert.Equal(ReferenceDisagreements.Known.Keys.Order(), disagreements.Select(d => (d.File, d.Comparison.Field)).Order());
    }
}
