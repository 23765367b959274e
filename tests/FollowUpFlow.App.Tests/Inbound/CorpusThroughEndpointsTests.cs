using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FollowUpFlow.App.Tests.Inbound.Support;
using FollowUpFlow.App.Tests.Support;
using FollowUpFlow.Inbound.Understanding;
using FollowUpFlow.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit.Abstractions;

namespace FollowUpFlow.App.Tests.Inbound;

/// <summary>
/// Every corpus email, in order, through each way mail arrives (a raw message/rfc822 POST, SendGrid "send raw",
/// SendGrid parsed fields) with the real reader. Each one must start, move or close the right interview (or
/// wait for review, never touch the wrong one), and the same email again must change nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CorpusThroughEndpointsTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Secret = "corpus-secret-0123456789";

    public enum Route
    {
        Raw,
        SendGridRaw,
        SendGridParsed,
    }

    [Theory]
    [InlineData(Route.Raw)]
    [InlineData(Route.SendGridRaw)]
    [InlineData(Route.SendGridParsed)]
    public async Task Each_corpus_email_starts_moves_or_closes_the_right_interview_and_twice_changes_nothing(Route route)
    {
        var tally = new Dictionary<string, int>();
        foreach (var group in Corpus().GroupBy(c => (c.Candidate, c.TimeZone)))
        {
            using var storage = new AppStorage();
            await using var factory = new AppFactory(azurite, storage, new ManualTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)))
                .WithWebHostBuilder(builder =>
                {
                    builder.UseSetting("FollowUpFlow:Candidate:Email", group.Key.Candidate);
                    builder.UseSetting("FollowUpFlow:Candidate:TimeZone", group.Key.TimeZone);
                    builder.UseSetting("FollowUpFlow:Inbound:SendGridSecret", Secret);
                });
            var client = factory.CreateClient();
            var open = new Dictionary<string, string>(); // interview id → company, for interviews this run opened and has not closed

            foreach (var email in group)
            {
                var first = await PostAsync(client, route, email.Bytes);
                var status = first.Str("status");
                tally[status] = tally.GetValueOrDefault(status) + 1;
                output.WriteLine($"{email.Name}: {status} {first["kind"]?.GetValue<string>()} {first["interviewId"]?.GetValue<string>()} {first["reason"]?.GetValue<string>()}");
                var interviewId = first["interviewId"]?.GetValue<string>();
                await CheckEffectAsync(client, email, status, interviewId, open);

                var historyBefore = interviewId is null ? 0 : await HistoryLengthAsync(client, interviewId);
                var countBefore = await InterviewCountAsync(client);
                var again = await PostAsync(client, route, email.Bytes, HttpStatusCode.OK);
                Assert.Equal("duplicate", again.Str("status"));
                Assert.Equal(countBefore, await InterviewCountAsync(client));
                if (interviewId is not null)
                {
                    Assert.Equal(historyBefore, await HistoryLengthAsync(client, interviewId));
                }
            }
        }

        output.WriteLine(string.Join(", ", tally.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} {t.Value}")));
        Assert.True(tally.GetValueOrDefault("processed") >= 40, "most corpus emails act on their own");
    }

    private static async Task CheckEffectAsync(HttpClient client, CorpusEmail email, string status, string? interviewId, Dictionary<string, string> open)
    {
        var kind = email.Expected["kind"]!.GetValue<string>();
        var company = email.Expected["company"]?.GetValue<string>();
        var openAtCompany = open.Where(o => CompanyNames.Similar(o.Value, company)).Select(o => o.Key).ToList();
        switch (kind)
        {
            case "confirmation" when status == "processed":
                var created = await InterviewAsync(client, interviewId!);
                Assert.True(CompanyNames.Similar(company, created.Str("company")), $"{email.Name}: interview at {created.Str("company")}, expected {company}");
                AssertSameInstant(email.Expected["start"], created["start"], email.Name);
                open[interviewId!] = created.Str("company");
                break;
            case "confirmation":
                Assert.True(status is "needs-review" or "stale", $"{email.Name}: {status}");
                break;
            case "reschedule" or "cancellation" or "rejection" or "offer" when openAtCompany.Count == 1:
                // Exactly one interview this run opened is at that company: it is the one to act on.
                Assert.True(status is "processed" or "stale", $"{email.Name}: {status}, expected the interview at {company} to be found");
                if (status == "processed")
                {
                    Assert.Equal(openAtCompany[0], interviewId);
                    await CheckActAsync(client, email, kind, interviewId!, open);
                }

                break;
            case "reschedule" or "cancellation" or "rejection" or "offer":
                Assert.True(status is "processed" or "needs-review" or "stale", $"{email.Name}: {status}");
                if (status == "processed")
                {
                    Assert.Contains(interviewId!, open.Keys);
                    Assert.True(CompanyNames.Similar(company, open[interviewId!]), $"{email.Name} acted on an interview at {open[interviewId!]}");
                    await CheckActAsync(client, email, kind, interviewId!, open);
                }

                break;
            default:
                Assert.True(status is "ignored" or "needs-review", $"{email.Name} ({kind}): {status}");
                break;
        }
    }

    private static async Task CheckActAsync(HttpClient client, CorpusEmail email, string kind, string interviewId, Dictionary<string, string> open)
    {
        var interview = await InterviewAsync(client, interviewId);
        switch (kind)
        {
            case "reschedule":
                AssertSameInstant(email.Expected["start"], interview["start"], email.Name);
                break;
            case "cancellation":
                Assert.Equal("closed", interview.Str("phase"), ignoreCase: true);
                open.Remove(interviewId);
                break;
            default:
                Assert.Equal(kind == "offer" ? "offer" : "rejected", interview.Str("outcome"), ignoreCase: true);
                open.Remove(interviewId);
                break;
        }
    }

    private static void AssertSameInstant(JsonNode? expected, JsonNode? actual, string name)
    {
        var e = DateTimeOffset.Parse(expected!.GetValue<string>(), CultureInfo.InvariantCulture);
        var a = DateTimeOffset.Parse(actual!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.True(e == a, $"{name}: interview starts {a:O}, expected {e:O}");
    }

    private static async Task<JsonNode> PostAsync(HttpClient client, Route route, byte[] eml, HttpStatusCode? expected = null)
    {
        using var content = route switch
        {
            Route.Raw => RawContent(eml),
            Route.SendGridRaw => SendGridInboundForm.Raw(eml).ToContent(),
            _ => SendGridInboundForm.Parsed(eml).ToContent(),
        };
        var path = route == Route.Raw ? "/api/inbound/raw" : $"/api/inbound/sendgrid?secret={Secret}";
        using var response = await client.PostAsync(path, content);
        if (expected is { } code)
        {
            return await response.ReadAsync(code);
        }

        Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static ByteArrayContent RawContent(byte[] eml)
    {
        var content = new ByteArrayContent(eml);
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        return content;
    }

    private static Task<JsonNode> InterviewAsync(HttpClient client, string id) => client.GetJsonAsync($"/api/interviews/{id}");

    private static async Task<int> HistoryLengthAsync(HttpClient client, string id) => (await InterviewAsync(client, id))["history"]!.AsArray().Count;

    private static async Task<int> InterviewCountAsync(HttpClient client) => (await client.GetJsonAsync("/api/interviews")).AsArray().Count;

    private sealed record CorpusEmail(string Name, byte[] Bytes, string Candidate, string TimeZone, JsonObject Expected);

    private static IEnumerable<CorpusEmail> Corpus()
    {
        var folder = Path.Combine(RepositoryRoot.Find(), "tests", "FollowUpFlow.Inbound.Tests", "Corpus");
        foreach (var eml in Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal))
        {
            var json = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(eml, ".json"), Encoding.UTF8))!.AsObject();
            yield return new CorpusEmail(
                Path.GetFileNameWithoutExtension(eml),
                File.ReadAllBytes(eml),
                json["given"]!["candidate"]!.GetValue<string>(),
                json["given"]!["timeZone"]!.GetValue<string>(),
                json["expected"]!.AsObject());
        }
    }
}
