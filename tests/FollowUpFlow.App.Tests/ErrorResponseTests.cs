using System.Net;
using System.Net.Http.Json;
using System.Text;
using FollowUpFlow.App.Tests.Support;
using FollowUpFlow.Testing;

namespace FollowUpFlow.App.Tests;

/// <summary>Bad input gets a problem-details answer with a detail a person can act on.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ErrorResponseTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly AppStorage _storage = new();
    private AppFactory _app = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _app = new AppFactory(azurite, _storage, new ManualTimeProvider(new DateTimeOffset(2026, 12, 8, 12, 0, 0, TimeSpan.Zero)));
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _storage.Dispose();
    }

    [Fact]
    public async Task Health_answers()
    {
        var health = await _client.GetJsonAsync("/api/health");
        Assert.Equal("ok", health.Str("status"));
    }

    [Fact]
    public async Task Missing_fields_are_listed_together()
    {
        var problem = await _client.PostJsonAsync("/api/interviews", new { company = "Contoso" }, HttpStatusCode.BadRequest);

        Assert.Equal("application/problem+json", (await _client.PostAsJsonAsync("/api/interviews", new { })).Content.Headers.ContentType?.MediaType);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("role"));
        Assert.True(errors.ContainsKey("start"));
        Assert.True(errors.ContainsKey("end"));
        Assert.True(errors.ContainsKey("timeZone"));
        Assert.Contains("role is required", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons", "2026-12-08T09:00:00Z", "2026-12-08T10:00:00Z", "not a known time zone")]
    [InlineData("Europe/London", "2026-12-08T10:00:00Z", "2026-12-08T09:00:00Z", "end must be after start")]
    [InlineData("Europe/London", "2026-12-08T10:00:00Z", "2026-12-10T09:00:00Z", "longer than 24 hours")]
    public async Task Impossible_interviews_are_refused_with_the_reason(string timeZone, string start, string end, string reason)
    {
        var problem = await _client.PostJsonAsync("/api/interviews", new { company = "Contoso", role = "Engineer", start, end, timeZone }, HttpStatusCode.BadRequest);

        Assert.Contains(reason, problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_email_address_is_named()
    {
        var problem = await _client.PostJsonAsync("/api/interviews", new
        {
            company = "Contoso",
            role = "Engineer",
            start = "2026-12-08T09:00:00Z",
            end = "2026-12-08T10:00:00Z",
            timeZone = "Europe/London",
            interviewers = new[] { new { name = "Ana", email = "ana at contoso" } },
        }, HttpStatusCode.BadRequest);

        Assert.True(problem["errors"]!.AsObject().ContainsKey("interviewers[0].email"));
    }

    [Fact]
    public async Task A_null_interviewer_or_a_date_out_of_range_is_a_400()
    {
        var problem = await _client.PostJsonAsync("/api/interviews", new
        {
            company = "Contoso",
            role = "Engineer",
            start = "0500-12-08T09:00:00Z",
            end = "0500-12-08T10:00:00Z",
            timeZone = "Europe/London",
            interviewers = new object?[] { null },
        }, HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("interviewers[0]"));
        Assert.True(errors.ContainsKey("start"));
    }

    [Fact]
    public async Task Malformed_json_gets_a_reason()
    {
        using var content = new StringContent("{\"company\": \"Contoso\", \"start\": \"yesterday\"}", Encoding.UTF8, "application/json");
        var problem = await (await _client.PostAsync("/api/interviews", content)).ReadAsync(HttpStatusCode.BadRequest);

        Assert.Contains("not valid JSON", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Contains("start", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused()
    {
        var huge = new string('x', 2 * 1024 * 1024);
        using var content = new StringContent($"{{\"company\": \"{huge}\"}}", Encoding.UTF8, "application/json");
        var problem = await (await _client.PostAsync("/api/interviews", content)).ReadAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("at most 1048576", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_ids_are_404_and_malformed_ids_400()
    {
        var interview = await _client.GetJsonAsync("/api/interviews/doesnotexist", HttpStatusCode.NotFound);
        var draft = await _client.PostJsonAsync("/api/drafts/nope-d1/approve", new { }, HttpStatusCode.NotFound);
        var outcome = await _client.PostJsonAsync("/api/interviews/doesnotexist/outcome", new { outcome = "offer" }, HttpStatusCode.NotFound);
        var malformed = await _client.GetJsonAsync("/api/interviews/a%7Cb", HttpStatusCode.BadRequest);

        Assert.Contains("doesnotexist", interview.Str("detail"), StringComparison.Ordinal);
        Assert.Contains("nope-d1", draft.Str("detail"), StringComparison.Ordinal);
        Assert.Contains("doesnotexist", outcome.Str("detail"), StringComparison.Ordinal);
        Assert.Contains("not a valid id", malformed.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_enumerations_list_the_choices()
    {
        var status = await _client.GetJsonAsync("/api/drafts?status=maybe", HttpStatusCode.BadRequest);
        var id = await CreateInterviewAsync();
        var outcome = await _client.PostJsonAsync($"/api/interviews/{id}/outcome", new { outcome = "ghosted" }, HttpStatusCode.BadRequest);

        Assert.Contains("pending", status.Str("detail"), StringComparison.Ordinal);
        Assert.Contains("rejected, offer, withdrawn, no-response", outcome.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_of_order_actions_are_409_with_the_reason()
    {
        var id = await CreateInterviewAsync();
        var draftId = (await _client.GetJsonAsync("/api/drafts?status=pending")).AsArray()[0]!["draft"].Str("id");
        await _client.PostJsonAsync($"/api/drafts/{draftId}/approve", new { }, HttpStatusCode.OK);

        var twice = await _client.PostJsonAsync($"/api/drafts/{draftId}/approve", new { }, HttpStatusCode.Conflict);
        await _client.PostJsonAsync($"/api/interviews/{id}/outcome", new { outcome = "offer" }, HttpStatusCode.OK);
        var afterClose = await _client.PostJsonAsync($"/api/interviews/{id}/outcome", new { outcome = "rejected" }, HttpStatusCode.Conflict);

        Assert.False(string.IsNullOrWhiteSpace(twice.Str("detail")));
        Assert.False(string.IsNullOrWhiteSpace(afterClose.Str("detail")));
    }

    [Fact]
    public async Task An_empty_edited_body_is_refused()
    {
        await CreateInterviewAsync();
        var draftId = (await _client.GetJsonAsync("/api/drafts?status=pending")).AsArray()[0]!["draft"].Str("id");

        var problem = await _client.PostJsonAsync($"/api/drafts/{draftId}/approve", new { body = "   " }, HttpStatusCode.BadRequest);

        Assert.Contains("cannot be empty", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_for_later_is_kept_pending_and_a_bad_one_is_refused_with_the_reason()
    {
        await CreateInterviewAsync();
        var draftId = (await _client.GetJsonAsync("/api/drafts?status=pending")).AsArray()[0]!["draft"].Str("id");

        var edited = await _client.PostJsonAsync($"/api/drafts/{draftId}/edit", new { subject = "Thanks, Ana" }, HttpStatusCode.OK);
        var nothing = await _client.PostJsonAsync($"/api/drafts/{draftId}/edit", new { }, HttpStatusCode.BadRequest);
        var blank = await _client.PostJsonAsync($"/api/drafts/{draftId}/edit", new { body = " " }, HttpStatusCode.BadRequest);
        await _client.PostJsonAsync($"/api/drafts/{draftId}/approve", new { }, HttpStatusCode.OK);
        var afterSend = await _client.PostJsonAsync($"/api/drafts/{draftId}/edit", new { subject = "Too late" }, HttpStatusCode.Conflict);

        Assert.Equal("pending", edited["draft"].Str("status"));
        Assert.Equal("Thanks, Ana", edited["draft"].Str("subject"));
        Assert.Contains("subject, a body or both", nothing.Str("detail"), StringComparison.Ordinal);
        Assert.Contains("cannot be empty", blank.Str("detail"), StringComparison.Ordinal);
        Assert.Contains("already", afterSend.Str("detail"), StringComparison.Ordinal);
        Assert.Equal("Thanks, Ana", (await _client.GetJsonAsync($"/api/drafts/{draftId}"))["draft"].Str("subject"));
    }

    [Fact]
    public async Task The_tick_invocation_answers_in_the_custom_handler_format()
    {
        var response = await _client.PostRawJsonAsync("/Tick", """{"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":false}},"Metadata":{"sys":{"MethodName":"Tick","UtcNow":"2026-12-08T12:00:00Z"}}}""", HttpStatusCode.OK);
        var notAnInvocation = await _client.PostJsonAsync("/Tick", new[] { 1, 2 }, HttpStatusCode.BadRequest);

        Assert.NotNull(response["Outputs"]);
        Assert.Single(response["Logs"]!.AsArray());
        Assert.True(response.AsObject().ContainsKey("ReturnValue"));
        Assert.Contains("Data", notAnInvocation.Str("detail"), StringComparison.Ordinal);
    }

    private async Task<string> CreateInterviewAsync()
    {
        var created = await _client.PostJsonAsync("/api/interviews", new
        {
            company = "Contoso",
            role = "Engineer",
            start = "2026-12-08T09:00:00Z",
            end = "2026-12-08T10:00:00Z",
            timeZone = "Europe/London",
            interviewers = new[] { new { name = "Ana", email = "ana@contoso.example" } },
            recruiter = new { name = "Riley", email = "riley@contoso.example" },
        }, HttpStatusCode.Created);
        return created.Str("id");
    }
}
