using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FollowUpFlow.Benchmarks;

/// <summary>
/// Dashboard and API page latency with 1,000 interviews stored: the real app in-process on ASP.NET Core's test server
/// (no socket in the way; the app is found by one of its types, as the app tests do, since this program has a Program
/// of its own) over Azurite, each page asked for in turn, one request at a time, p50 and p99 of each. Most interviews
/// lie ahead; the last 20 ended an hour ago, so their thank-you drafts wait for approval.
/// </summary>
internal static class DashboardLatency
{
    private const int WarmUpRequests = 20;

    public static async Task<string> RunAsync(string connectionString, int interviews, int requests)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var outbox = Path.Combine(Path.GetTempPath(), "followupflow-bench-dashboard", suffix);

        // Test projects get the app's content root written into them by the testing package; a program has to say it.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_FOLLOWUPFLOW_APP", Path.Combine(RepositoryRoot(), "src", "FollowUpFlow.App"));
        await using var app = new WebApplicationFactory<FollowUpFlow.App.Contracts.PersonDto>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("FollowUpFlow:Storage:ConnectionString", connectionString);
            builder.UseSetting("FollowUpFlow:Workflow:TablePrefix", "Dash" + suffix);
            builder.UseSetting("FollowUpFlow:Workflow:ResearchQueueName", "bench-research-" + suffix);
            builder.UseSetting("FollowUpFlow:Workflow:SchedulerEnabled", "false");
            builder.UseSetting("FollowUpFlow:Outbox:Folder", outbox);
            builder.UseSetting("FollowUpFlow:Timeline:ThankYouDelay", "00:00:00");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        var client = app.CreateClient();
        try
        {
            var seeding = Stopwatch.StartNew();
            var ids = await SeedAsync(client, interviews);
            seeding.Stop();

            var drafts = (await client.GetFromJsonAsync<JsonArray>("/api/drafts?status=pending"))!;
            var draftId = drafts[0]!["draft"]!["id"]!.GetValue<string>();
            (string Name, string Path)[] pages =
            [
                ("dashboard: interviews list", "/interviews"),
                ("dashboard: one interview with its timeline", $"/interviews/{ids[^1]}"),
                ("dashboard: drafts waiting", "/drafts"),
                ("dashboard: one draft", $"/drafts/{draftId}"),
                ("API: interviews", "/api/interviews"),
                ("API: pending drafts", "/api/drafts?status=pending"),
            ];

            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"## Dashboard latency ({interviews:N0} interviews stored, {drafts.Count} drafts waiting)");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"Seeded through the API in {seeding.Elapsed.TotalSeconds:N1} s. {requests} requests per page after {WarmUpRequests} to warm up, one at a time.");
            report.AppendLine();
            report.AppendLine("| Page | p50 | p99 | max | bytes |");
            report.AppendLine("|---|---:|---:|---:|---:|");
            foreach (var (name, path) in pages)
            {
                var (times, bytes) = await MeasureAsync(client, path, requests);
                report.AppendLine(CultureInfo.InvariantCulture, $"| {name} (`{path.Split('?')[0].Replace(draftId, "{id}", StringComparison.Ordinal).Replace(ids[^1], "{id}", StringComparison.Ordinal)}`) | {Percentile(times, 0.50):N1} ms | {Percentile(times, 0.99):N1} ms | {times.Max():N1} ms | {bytes:N0} |");
            }

            return report.ToString();
        }
        finally
        {
            if (Directory.Exists(outbox))
            {
                Directory.Delete(outbox, recursive: true);
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FollowUpFlow.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository (FollowUpFlow.sln not found above the program).");
    }

    private static async Task<List<string>> SeedAsync(HttpClient client, int count)
    {
        var ids = new List<string>(count);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            // Ahead: one interview every few hours over the coming months; the last 20 ended an hour ago.
            var start = i < count - 20 ? now.AddDays(1).AddHours(i * 3) : now.AddHours(-2);
            using var response = await client.PostAsJsonAsync("/api/interviews", new
            {
                company = $"Company {i % 97}",
                role = "Senior Engineer",
                start,
                end = start.AddHours(1),
                timeZone = "Europe/London",
                interviewers = new[] { new { name = "Ana Silva", email = $"ana{i}@company{i % 97}.example" }, new { name = "Ben Okafor", email = $"ben{i}@company{i % 97}.example" } },
                recruiter = new { name = "Riley Recruiter", email = $"riley@company{i % 97}.example" },
            });
            response.EnsureSuccessStatusCode();
            ids.Add((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
        }

        return ids;
    }

    private static async Task<(List<double> Milliseconds, long Bytes)> MeasureAsync(HttpClient client, string path, int requests)
    {
        long bytes = 0;
        for (var i = 0; i < WarmUpRequests; i++)
        {
            bytes = (await GetAsync(client, path)).LongLength;
        }

        var times = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            var watch = Stopwatch.StartNew();
            await GetAsync(client, path);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return (times, bytes);
    }

    private static async Task<byte[]> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static double Percentile(List<double> values, double fraction)
    {
        var sorted = values.Order().ToList();
        var index = (int)Math.Ceiling(fraction * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}
