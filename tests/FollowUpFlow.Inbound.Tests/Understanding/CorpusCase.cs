using System.Text.Json;
using System.Text.Json.Nodes;
using FollowUpFlow.Testing;

namespace FollowUpFlow.Inbound.Tests.Understanding;

/// <summary>One email of the test corpus with the reading a careful person gives it (see Corpus/README.md).</summary>
public sealed record CorpusCase(string Name, string EmlPath, string Candidate, string TimeZone, JsonObject Expected)
{
    public static string Folder => Path.Combine(RepositoryRoot.Find(), "tests", "FollowUpFlow.Inbound.Tests", "Corpus");

    public static IReadOnlyList<CorpusCase> All()
    {
        var cases = new List<CorpusCase>();
        foreach (var eml in Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal))
        {
            var json = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(eml, ".json")))!.AsObject();
            var given = json["given"]!.AsObject();
            cases.Add(new CorpusCase(
                Path.GetFileNameWithoutExtension(eml),
                eml,
                given["candidate"]!.GetValue<string>(),
                given["timeZone"]!.GetValue<string>(),
                json["expected"]!.AsObject()));
        }

        return cases;
    }

    public ParseOptions Options => new() { CandidateAddresses = [Candidate], CandidateTimeZone = TimeZone };

    public ParsedEmail Parse() => InboundParser.Parse(File.ReadAllBytes(EmlPath), Options);

    public static JsonObject ToJson(ParseReport report) => JsonNode.Parse(JsonSerializer.Serialize(report, ParseReport.JsonOptions))!.AsObject();
}
