using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FollowUpFlow.App.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FollowUpFlow.App.Tests.Dashboard;

/// <summary>
/// A browser's view of the dashboard: one cookie jar (the antiforgery cookie lives there), no automatic redirects
/// (so a 303 can be seen), and the hidden token read from the page like a browser submits it.
/// </summary>
internal sealed partial class DashboardSession(WebApplicationFactory<Program> app)
{
    public HttpClient Client { get; } = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<string> PageAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {path}: expected {(int)expected}, got {(int)response.StatusCode}: {html}");
        return html;
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, string? token, params (string Name, string Value)[] fields)
    {
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (token is not null)
        {
            values.Add(new("__RequestVerificationToken", token));
        }

        using var content = new FormUrlEncodedContent(values);
        return await Client.PostAsync(path, content);
    }

    public static string TokenFrom(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page carries no antiforgery token field.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task<string> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {html}");
        return html;
    }

    /// <summary>An interview whose thank-you drafts exist at once (the factory sets a zero thank-you delay).</summary>
    public async Task<string> CreateInterviewAsync(string company = "Contoso", string interviewer = "Ana Silva")
    {
        var response = await Client.PostAsJsonAsync("/api/interviews", new
        {
            company,
            role = "Senior Engineer",
            start = "2026-12-08T09:00:00+00:00",
            end = "2026-12-08T10:00:00+00:00",
            timeZone = "Europe/London",
            interviewers = new[] { new { name = interviewer, email = "ana@contoso.example" } },
            recruiter = new { name = "Riley Recruiter", email = "riley@contoso.example" },
        });
        return (await response.ReadAsync(HttpStatusCode.Created)).Str("id");
    }

    public async Task<JsonNode> DraftAsync(string draftId) => (await Client.GetJsonAsync($"/api/drafts/{draftId}"))["draft"]!;

    public async Task<string> OnlyPendingDraftIdAsync()
    {
        var pending = (await Client.GetJsonAsync("/api/drafts?status=pending")).AsArray();
        return Assert.Single(pending)!["draft"].Str("id");
    }

    /// <summary>
    /// The outbox files addressed to <paramref name="address"/>: the outbox also holds the candidate's own
    /// notifications (reflection prompt, digest), which are not the drafts this dashboard sends.
    /// </summary>
    public static string[] SentTo(AppStorage storage, string address = "ana@contoso.example") =>
        [.. storage.SentFiles().Where(file => File.ReadLines(file)
            .TakeWhile(line => line.Length > 0)
            .Any(line => line.StartsWith("To:", StringComparison.OrdinalIgnoreCase) && line.Contains(address, StringComparison.OrdinalIgnoreCase)))];

    [GeneratedRegex("""name="__RequestVerificationToken" value="([^"]+)""")]
    private static partial Regex TokenPattern();
}
