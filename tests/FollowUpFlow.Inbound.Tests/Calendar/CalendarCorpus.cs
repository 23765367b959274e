using System.Text.Json;
using FollowUpFlow.Testing;

namespace FollowUpFlow.Inbound.Tests.Calendar;

/// <summary>python icalendar's test calendars (see PublicCorpora/README.md) and that library's reading of each, from reference.json.</summary>
public static class CalendarCorpus
{
    public static string Directory { get; } =
        Path.Combine(RepositoryRoot.Find(), "tests", "FollowUpFlow.Inbound.Tests", "PublicCorpora", "icalendar");

    public static IReadOnlyList<string> FileNames { get; } =
        [.. System.IO.Directory.EnumerateFiles(Directory, "*.ics").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    public static IReadOnlyDictionary<string, JsonElement> References { get; } = ReadReferences();

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var name in FileNames)
        {
            data.Add(name);
        }

        return data;
    }

    public static string Read(string fileName) => File.ReadAllText(Path.Combine(Directory, fileName));

    private static Dictionary<string, JsonElement> ReadReferences()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "reference.json")));
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    }
}
