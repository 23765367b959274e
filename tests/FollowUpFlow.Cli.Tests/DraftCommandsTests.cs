using System.Net.Http.Json;
using FollowUpFlow.App.Contracts;
using FollowUpFlow.Cli.Drafts;
using FollowUpFlow.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FollowUpFlow.Cli.Tests;

/// <summary>`followupflow drafts`, `approve [--edit]`, `reject` and `mark-sent` against a running app over HTTP.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class DraftCommandsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("followupflow-drafts-").FullName;
    private readonly string _prefix = "D" + Guid.NewGuid().ToString("N")[..10];
    private WebApplicationFactory<PersonDto> _app = null!;
    private DraftsApi _api = null!;

    public async Task InitializeAsync()
    {
        _app = new WebApplicationFactory<PersonDto>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in Settings())
            {
                builder.UseSetting(key, value);
            }
        });
        var client = _app.CreateClient();
        _api = new DraftsApi(client);

        // An interview that ended three hours ago: its thank-you drafts wait for approval.
        var end = DateTimeOffset.UtcNow.AddHours(-3);
        using var created = await client.PostAsJsonAsync("api/interviews", new
        {
            company = "Contoso",
            role = "Senior Engineer",
            start = end.AddHours(-1),
            end,
            timeZone = "America/New_York",
            interviewers = new[] { new { name = "Ana Silva", email = "ana@contoso.example" }, new { name = "Ben Okafor", email = "ben@contoso.example" } },
        });
        created.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Drafts_lists_what_waits_and_approve_sends_it()
    {
        var (code, listed, _) = await RunAsync((o, e) => DraftCommands.ListAsync(_api, null, false, o, e, default));

        Assert.Equal(0, code);
        var lines = listed.TrimEnd().Split('\n');
        Assert.StartsWith("ID", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.All(lines[1..], l => Assert.Contains("pending", l, StringComparison.Ordinal));
        Assert.Contains("Ana Silva <ana@contoso.example>", listed, StringComparison.Ordinal);
        var id = await DraftIdForAsync("ana@contoso.example");

        var (approved, output, _) = await RunAsync((o, e) => DraftCommands.ApproveAsync(_api, id, edit: false, _ => null, o, e, default));

        Assert.Equal(0, approved);
        Assert.Equal($"{id}: sent", output.Trim());
        Assert.Single(SentFiles(), text => text.Contains("\r\nTo: Ana Silva <ana@contoso.example>\r\n", StringComparison.Ordinal));
        var (_, after, _) = await RunAsync((o, e) => DraftCommands.ListAsync(_api, null, false, o, e, default));
        Assert.DoesNotContain(id, after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_with_edit_sends_what_the_editor_left()
    {
        var id = await DraftIdForAsync("ben@contoso.example");
        // The editor is a shell script that rewrites the file, as a person would in their editor (POSIX only, like CI).
        Assert.False(OperatingSystem.IsWindows(), "this test needs a POSIX shell");
        var editor = Path.Combine(_folder, "editor.sh");
        await File.WriteAllTextAsync(editor, "#!/bin/sh\nprintf 'Subject: Thank you, Ben\\n\\nDear Ben,\\nthank you for the deep dive.\\n' > \"$1\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(editor, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var (code, output, error) = await RunAsync((o, e) => DraftCommands.ApproveAsync(_api, id, edit: true, name => name == "EDITOR" ? editor : null, o, e, default));

        Assert.True(code == 0, error);
        Assert.Equal($"{id}: sent", output.Trim());
        var text = Assert.Single(SentFiles(), t => t.Contains("\r\nTo: Ben Okafor <ben@contoso.example>\r\n", StringComparison.Ordinal));
        Assert.Contains("Subject: Thank you, Ben", text, StringComparison.Ordinal);
        Assert.Contains("thank you for the deep dive.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reject_skips_and_a_second_decision_is_refused_with_the_reason()
    {
        var id = await DraftIdForAsync("ana@contoso.example");

        var (code, output, _) = await RunAsync((o, e) => DraftCommands.DecideAsync(_api.RejectAsync(id, default), o, e));
        Assert.Equal(0, code);
        Assert.Equal($"{id}: rejected", output.Trim());

        var (again, _, error) = await RunAsync((o, e) => DraftCommands.ApproveAsync(_api, id, edit: false, _ => null, o, e, default));
        Assert.Equal(DraftCommands.Refused, again);
        Assert.Contains("refused (409)", error, StringComparison.Ordinal);
        Assert.Contains("already skipped", error, StringComparison.Ordinal);

        var (marked, _, markError) = await RunAsync((o, e) => DraftCommands.DecideAsync(_api.MarkSentAsync(id, default), o, e));
        Assert.Equal(DraftCommands.Refused, marked);
        Assert.Contains("unknown fate", markError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_draft_and_a_missing_editor_are_clear_errors()
    {
        var (code, _, error) = await RunAsync((o, e) => DraftCommands.ApproveAsync(_api, "no-such-draft", edit: false, _ => null, o, e, default));
        Assert.Equal(DraftCommands.Refused, code);
        Assert.Contains("refused (404)", error, StringComparison.Ordinal);

        var id = await DraftIdForAsync("ana@contoso.example");
        var (noEditor, _, editorError) = await RunAsync((o, e) => DraftCommands.ApproveAsync(_api, id, edit: true, _ => null, o, e, default));
        Assert.Equal(DraftCommands.Refused, noEditor);
        Assert.Contains("EDITOR", editorError, StringComparison.Ordinal);
        Assert.Equal("pending", (await _api.GetAsync(id, default)).Draft!.Status);
    }

    [Theory]
    [InlineData("Subject: Hi\n\nBody", "Hi", "Body")]
    [InlineData("subject:   Hi there  \r\n\r\nLine 1\r\nLine 2\r\n\r\n", "Hi there", "Line 1\nLine 2")]
    public void The_edited_file_is_read_back(string text, string subject, string body)
    {
        var (edit, error) = DraftEditor.Parse(text);
        Assert.Null(error);
        Assert.Equal(new DraftEditor.Edited(subject, body), edit);
    }

    [Theory]
    [InlineData("Hi\n\nBody")]
    [InlineData("Subject: \n\nBody")]
    [InlineData("Subject: Hi\n\n   ")]
    public void A_file_without_subject_or_body_is_refused(string text) => Assert.NotNull(DraftEditor.Parse(text).Error);

    [Fact]
    public void An_emptied_file_approves_nothing() => Assert.Equal((null, null), DraftEditor.Parse("  \n"));

    /// <summary>Every message in the outbox: the drafts sent and the notes to the candidate.</summary>
    private string[] SentFiles() => [.. Directory.GetFiles(Path.Combine(_folder, "outbox"), "*.eml").Select(File.ReadAllText)];

    private async Task<string> DraftIdForAsync(string email)
    {
        var (drafts, problem) = await _api.ListAsync("pending", default);
        Assert.Null(problem);
        return drafts.Single(d => d.ToEmail == email).Id;
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(Func<TextWriter, TextWriter, Task<int>> run)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await run(stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private KeyValuePair<string, string?>[] Settings() =>
    [
        new("FollowUpFlow:Storage:ConnectionString", azurite.ConnectionString),
        new("FollowUpFlow:Workflow:TablePrefix", _prefix),
        new("FollowUpFlow:Workflow:ResearchQueueName", "research-" + _prefix.ToLowerInvariant()),
        new("FollowUpFlow:Workflow:SchedulerEnabled", "false"),
        new("FollowUpFlow:Outbox:Folder", Path.Combine(_folder, "outbox")),
        new("FollowUpFlow:Candidate:Name", "Alex Morgan"),
        new("FollowUpFlow:Candidate:Email", "alex.morgan@example.com"),
        new("FollowUpFlow:Candidate:TimeZone", "America/New_York"),
    ];
}
