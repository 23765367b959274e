using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FollowUpFlow.Inbound.Mime;
using FollowUpFlow.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUpFlow.App.BrowserTests.Support;

/// <summary>
/// The real app listening on a loopback port (Kestrel, as standalone serves it), on Azurite with tables, queue and
/// outbox folder of its own, approval links on, and a fixed clock, so every page reads the same on every run.
/// Data comes in through the JSON API, as a client would send it. Disposing stops the app and deletes its outbox.
/// </summary>
public sealed class LiveApp : IAsyncDisposable
{
    public const string CandidateEmail = "alex@example.com";
    public const string InterviewerEmail = "ana@contoso.example";

    /// <summary>The app's clock: Tuesday 8 December 2026, 12:00 UTC; the interviews created here ended two hours before.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 8, 12, 0, 0, TimeSpan.Zero);

    private readonly Factory _factory;
    private readonly string _outbox;

    private LiveApp(Factory factory, Uri baseUrl, string outbox)
    {
        _factory = factory;
        _outbox = outbox;
        BaseUrl = baseUrl;
        Api = new HttpClient { BaseAddress = baseUrl };
    }

    /// <summary>Where the browser reaches the app: http://127.0.0.1:{port}.</summary>
    public Uri BaseUrl { get; }

    /// <summary>A plain HTTP client for the JSON API, over the same socket the browser uses.</summary>
    public HttpClient Api { get; }

    public IServiceProvider Services => _factory.Services;

    public static async Task<LiveApp> StartAsync(AzuriteFixture azurite)
    {
        // A port free a moment ago can be taken before Kestrel binds it: try another one then.
        for (var attempt = 1; ; attempt++)
        {
            var suffix = Guid.NewGuid().ToString("N")[..10];
            var outbox = Path.Combine(Path.GetTempPath(), "followupflow-browser-tests", suffix);
            var port = FreePorts.Take(1)[0];
            var baseUrl = new Uri($"http://127.0.0.1:{port}");
            var factory = new Factory(new Dictionary<string, string>
            {
                ["FollowUpFlow:Url"] = baseUrl.ToString().TrimEnd('/'),
                ["FollowUpFlow:Storage:ConnectionString"] = azurite.ConnectionString,
                ["FollowUpFlow:Workflow:TablePrefix"] = "B" + suffix,
                ["FollowUpFlow:Workflow:ResearchQueueName"] = "research-" + suffix,
                ["FollowUpFlow:Workflow:SchedulerEnabled"] = "false",
                ["FollowUpFlow:Outbox:Folder"] = outbox,
                ["FollowUpFlow:Timeline:ThankYouDelay"] = "00:00:00",
                ["FollowUpFlow:Candidate:Name"] = "Alex Morgan",
                ["FollowUpFlow:Candidate:Email"] = CandidateEmail,
                ["FollowUpFlow:Candidate:TimeZone"] = "Europe/London",
                ["FollowUpFlow:ApprovalLinks:Keys:0"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["FollowUpFlow:ApprovalLinks:PublicBaseUrl"] = baseUrl.ToString(),
            });
            factory.UseKestrel(port);
            try
            {
                factory.StartServer();
            }
            catch (IOException) when (attempt < 3)
            {
                await factory.DisposeAsync();
                continue;
            }

            var app = new LiveApp(factory, baseUrl, outbox);
            using var health = await app.Api.GetAsync(new Uri("/api/health", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            return app;
        }
    }

    /// <summary>An interview that ended at 10:00 UTC with Ana as interviewer; its thank-you draft to her exists at once.</summary>
    public async Task<string> CreateInterviewAsync(string company = "Contoso", string role = "Senior Engineer")
    {
        using var response = await Api.PostAsJsonAsync(new Uri("/api/interviews", UriKind.Relative), new
        {
            company,
            role,
            start = "2026-12-08T09:00:00+00:00",
            end = "2026-12-08T10:00:00+00:00",
            timeZone = "Europe/London",
            interviewers = new[] { new { name = "Ana Silva", email = InterviewerEmail } },
            recruiter = new { name = "Riley Recruiter", email = "riley@contoso.example" },
        });
        return (await ReadJsonAsync(response, HttpStatusCode.Created))["id"]!.GetValue<string>();
    }

    /// <summary>The id of the one draft that waits for approval.</summary>
    public async Task<string> OnlyPendingDraftIdAsync()
    {
        var pending = (await GetJsonAsync("/api/drafts?status=pending")).AsArray();
        return Assert.Single(pending)!["draft"]!["id"]!.GetValue<string>();
    }

    /// <summary>The id of the draft of one interview that waits for approval.</summary>
    public async Task<string> PendingDraftIdOfAsync(string interviewId)
    {
        var pending = (await GetJsonAsync("/api/drafts?status=pending")).AsArray();
        return Assert.Single(pending, d => d!["interviewId"]!.GetValue<string>() == interviewId)!["draft"]!["id"]!.GetValue<string>();
    }

    /// <summary>A draft's status as the API reports it ("pending", "sent", ...).</summary>
    public async Task<string> DraftStatusAsync(string draftId) =>
        (await GetJsonAsync($"/api/drafts/{Uri.EscapeDataString(draftId)}"))["draft"]!["status"]!.GetValue<string>();

    /// <summary>Every message the file outbox holds, read back with the app's own MIME reader.</summary>
    public IReadOnlyList<MimeMessage> SentMessages() =>
        Directory.Exists(_outbox)
            ? [.. Directory.GetFiles(_outbox, "*.eml").Order(StringComparer.Ordinal).Select(file => MimeReader.Parse(File.ReadAllBytes(file)))]
            : [];

    /// <summary>The messages sent to one address (the outbox also holds the candidate's own notes and digests).</summary>
    public IReadOnlyList<MimeMessage> SentTo(string address) =>
        [.. SentMessages().Where(m => m.To.Any(to => to.Address.Equals(address, StringComparison.OrdinalIgnoreCase)))];

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await _factory.DisposeAsync();
        if (Directory.Exists(_outbox))
        {
            Directory.Delete(_outbox, recursive: true);
        }
    }

    private async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await Api.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadJsonAsync(response, HttpStatusCode.OK);
    }

    private static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text) ?? throw new Xunit.Sdk.XunitException("Empty JSON body.");
    }

    private sealed class Factory(Dictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new ManualTimeProvider(Now)));
        }
    }
}
