using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FollowUpFlow.App.Contracts;
using FollowUpFlow.Cli.Drafts;
using FollowUpFlow.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FollowUpFlow.Cli.Tests;

/// <summary>`followupflow drafts`, `approve [--edit]`, `edit`, `reject` and `mark-sent` against a running app over HTTP.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class DraftCommandsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("followupflow-drafts-").FullName;
    private readonly string _prefix = "D" + Guid.NewGuid().ToString("N")[..10];
    private readonly RecordingHandler _requests = new();
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
        var client = _app.CreateDefaultClient(_requests);
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

    [Fact]
    public async Task Edit_saves_only_an_edited_subject_and_sends_nothing()
    {
        var id = await DraftIdForAsync("ana@contoso.example");
        var before = (await _api.GetAsync(id, default)).Draft!;
        // The first line (the subject) replaced, the rest of the file as it was.
        var editor = await EditorAsync("{ printf 'Subject: Thank you, Ana\\n'; tail -n +2 \"$1\"; } > \"$1.new\" && mv \"$1.new\" \"$1\"");

        var (code, output, error) = await RunAsync((o, e) => DraftCommands.EditAsync(_api, id, Editor(editor), o, e, default));

        Assert.True(code == 0, error);
        Assert.Equal($"{id}: saved; it waits for your approval", output.Trim());
        var sent = Assert.Single(EditRequests(id));
        Assert.Equal(["subject"], sent.Select(p => p.Key));
        Assert.Equal("Thank you, Ana", sent["subject"]!.GetValue<string>());
        var after = (await _api.GetAsync(id, default)).Draft!;
        Assert.Equal(("pending", "Thank you, Ana", before.Body), (after.Status, after.Subject, after.Body));
        Assert.DoesNotContain(SentFiles(), t => t.Contains("\r\nTo: Ana Silva <ana@contoso.example>\r\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Edit_saves_only_an_edited_body()
    {
        var id = await DraftIdForAsync("ben@contoso.example");
        var before = (await _api.GetAsync(id, default)).Draft!;
        // The subject line and the blank line kept, the body replaced.
        var editor = await EditorAsync("{ head -n 2 \"$1\"; printf 'Dear Ben,\\nthank you for the deep dive.\\n'; } > \"$1.new\" && mv \"$1.new\" \"$1\"");

        var (code, output, error) = await RunAsync((o, e) => DraftCommands.EditAsync(_api, id, Editor(editor), o, e, default));

        Assert.True(code == 0, error);
        Assert.Equal($"{id}: saved; it waits for your approval", output.Trim());
        var sent = Assert.Single(EditRequests(id));
        Assert.Equal(["body"], sent.Select(p => p.Key));
        var after = (await _api.GetAsync(id, default)).Draft!;
        Assert.Equal(("pending", before.Subject, "Dear Ben,\nthank you for the deep dive."), (after.Status, after.Subject, after.Body.ReplaceLineEndings("\n")));
    }

    [Fact]
    public async Task Edit_with_nothing_changed_or_an_emptied_file_saves_nothing()
    {
        var id = await DraftIdForAsync("ana@contoso.example");
        var before = (await _api.GetAsync(id, default)).Draft!;

        // An editor closed without a change.
        var (unchanged, unchangedOutput, unchangedError) = await RunAsync((o, e) => DraftCommands.EditAsync(_api, id, Editor("true"), o, e, default));
        Assert.True(unchanged == 0, unchangedError);
        Assert.Equal($"{id}: nothing changed", unchangedOutput.Trim());

        var emptying = await EditorAsync(": > \"$1\"");
        var (emptied, emptiedOutput, emptiedError) = await RunAsync((o, e) => DraftCommands.EditAsync(_api, id, Editor(emptying), o, e, default));
        Assert.True(emptied == 0, emptiedError);
        Assert.Equal($"{id}: left as it was (the edited file was empty); nothing was saved", emptiedOutput.Trim());

        Assert.Empty(EditRequests(id));
        var after = (await _api.GetAsync(id, default)).Draft!;
        Assert.Equal((before.Status, before.Subject, before.Body), (after.Status, after.Subject, after.Body));
    }

    [Fact]
    public async Task Edit_with_a_failing_editor_saves_nothing()
    {
        var id = await DraftIdForAsync("ana@contoso.example");

        var (code, output, error) = await RunAsync((o, e) => DraftCommands.EditAsync(_api, id, Editor("false"), o, e, default));

        Assert.Equal(DraftCommands.Refused, code);
        Assert.Empty(output);
        Assert.Equal("followupflow: the editor (false) exited with code 1; nothing was saved", error.Trim());
        Assert.Empty(EditRequests(id));
    }

    [Fact]
    public async Task Edit_of_a_skipped_draft_is_refused_with_the_reason()
    {
        var id = await DraftIdForAsync("ana@contoso.example");
        var (rejected, _, _) = await RunAsync((o, e) => DraftCommands.DecideAsync(_api.RejectAsync(id, default), o, e));
        Assert.Equal(0, rejected);
        var editor = await EditorAsync("{ printf 'Subject: Thank you, Ana\\n'; tail -n +2 \"$1\"; } > \"$1.new\" && mv \"$1.new\" \"$1\"");

        var (code, output, error) = await RunAsync((o, e) => DraftCommands.EditAsync(_api, id, Editor(editor), o, e, default));

        Assert.Equal(DraftCommands.Refused, code);
        Assert.Empty(output);
        Assert.Contains("refused (409)", error, StringComparison.Ordinal);
        Assert.Contains("already skipped", error, StringComparison.Ordinal);
        Assert.Single(EditRequests(id));
        Assert.Equal("rejected", (await _api.GetAsync(id, default)).Draft!.Status);
    }

    [Fact]
    public async Task Edit_of_an_unknown_draft_is_refused_before_the_editor_opens()
    {
        var (code, output, error) = await RunAsync((o, e) => DraftCommands.EditAsync(_api, "no-such-draft", Editor("false"), o, e, default));

        Assert.Equal(DraftCommands.Refused, code);
        Assert.Empty(output);
        Assert.Contains("refused (404)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("editor", error, StringComparison.Ordinal);
        Assert.Empty(EditRequests("no-such-draft"));
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

    /// <summary>A shell script that edits the file it is given as a person would in their editor (POSIX only, like CI).</summary>
    private async Task<string> EditorAsync(string script)
    {
        Assert.False(OperatingSystem.IsWindows(), "this test needs a POSIX shell");
        var editor = Path.Combine(_folder, $"editor-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(editor, $"#!/bin/sh\n{script}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(editor, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return editor;
    }

    private static Func<string, string?> Editor(string command) => name => name == "EDITOR" ? command : null;

    /// <summary>The JSON bodies of the requests to the draft's edit endpoint, in order.</summary>
    private JsonObject[] EditRequests(string id) =>
        [.. _requests.Seen.Where(r => r.Method == HttpMethod.Post && r.Path == $"/api/drafts/{id}/edit").Select(r => JsonNode.Parse(r.Body)!.AsObject())];

    /// <summary>Every message in the outbox: the drafts sent and the notes to the candidate.</summary>
    private string[] SentFiles() =>
        Directory.Exists(Path.Combine(_folder, "outbox")) ? [.. Directory.GetFiles(Path.Combine(_folder, "outbox"), "*.eml").Select(File.ReadAllText)] : [];

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

    /// <summary>Notes every request the commands make, with its body, then passes it on to the app.</summary>
    private sealed class RecordingHandler : DelegatingHandler
    {
        public ConcurrentQueue<(HttpMethod Method, string Path, string Body)> Seen { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Seen.Enqueue((request.Method, request.RequestUri!.AbsolutePath, body));
            return await base.SendAsync(request, cancellationToken);
        }
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
