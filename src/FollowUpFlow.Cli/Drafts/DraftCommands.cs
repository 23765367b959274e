using System.CommandLine;
using System.Globalization;

namespace FollowUpFlow.Cli.Drafts;

/// <summary>
/// `followupflow drafts`, `approve ID [--edit]`, `edit ID`, `reject ID` and `mark-sent ID`: the candidate's decisions on
/// drafts, made through a running app's API, so they go through the same workflow as the dashboard's.
/// </summary>
internal static class DraftCommands
{
    public const int Refused = 1;

    /// <summary>Drafts that wait for the candidate: never approved, refused by the provider, or of unknown fate.</summary>
    private static readonly string[] Waiting = ["pending", "failed", "uncertain"];

    public static IEnumerable<Command> Create()
    {
        var url = AppUrlOption.Create();
        var status = new Option<string?>("--status") { Description = "Only drafts with this status (pending, sending, sent, rejected, expired, withdrawn, failed, uncertain)." };
        var all = new Option<bool>("--all") { Description = "Every draft, whatever its status." };
        var list = new Command("drafts", "List the drafts that wait for you (pending, failed or uncertain).") { status, all, url };
        list.SetAction((result, token) => WithApi(result, url, api => ListAsync(api, result.GetValue(status), result.GetValue(all), Console.Out, Console.Error, token)));

        var approveId = new Argument<string>("id") { Description = "The draft's id, as `followupflow drafts` shows it." };
        var edit = new Option<bool>("--edit") { Description = "Edit the subject and body in $VISUAL or $EDITOR first." };
        var approve = new Command("approve", "Approve a draft: it is sent from your mailbox.") { approveId, edit, url };
        approve.SetAction((result, token) => WithApi(result, url, api => ApproveAsync(api, result.GetRequiredValue(approveId), result.GetValue(edit), Environment.GetEnvironmentVariable, Console.Out, Console.Error, token)));

        var editId = new Argument<string>("id") { Description = "The draft's id." };
        var editCommand = new Command("edit", "Edit a draft's subject and body in $VISUAL or $EDITOR and keep them; nothing is sent.") { editId, url };
        editCommand.SetAction((result, token) => WithApi(result, url, api => EditAsync(api, result.GetRequiredValue(editId), Environment.GetEnvironmentVariable, Console.Out, Console.Error, token)));

        var rejectId = new Argument<string>("id") { Description = "The draft's id." };
        var reject = new Command("reject", "Skip a draft: it is never sent.") { rejectId, url };
        reject.SetAction((result, token) => WithApi(result, url, api => DecideAsync(api.RejectAsync(result.GetRequiredValue(rejectId), token), Console.Out, Console.Error)));

        var sentId = new Argument<string>("id") { Description = "The draft's id." };
        var markSent = new Command("mark-sent", "Confirm that a draft of unknown fate is in your sent mail.") { sentId, url };
        markSent.SetAction((result, token) => WithApi(result, url, api => DecideAsync(api.MarkSentAsync(result.GetRequiredValue(sentId), token), Console.Out, Console.Error)));

        return [list, approve, editCommand, reject, markSent];
    }

    public static async Task<int> ListAsync(DraftsApi api, string? status, bool all, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (drafts, problem) = await api.ListAsync(status?.Trim().ToLowerInvariant(), cancellationToken);
        if (problem is not null)
        {
            return await FailAsync(error, problem);
        }

        var shown = status is not null || all ? drafts : [.. drafts.Where(d => Waiting.Contains(d.Status, StringComparer.OrdinalIgnoreCase))];
        if (shown.Count == 0)
        {
            await output.WriteLineAsync(status is null && !all ? "No drafts wait for you." : "No drafts.");
            return 0;
        }

        string[] header = ["ID", "STATUS", "KIND", "TO", "INTERVIEW", "SUBJECT"];
        var rows = shown.Select(d => new[] { d.Id, d.Status, d.Kind, d.ToEmail is null ? d.ToName : $"{d.ToName} <{d.ToEmail}>", $"{d.Role} at {d.Company}", d.Subject }).ToList();
        var widths = header.Select((h, i) => Math.Min(48, rows.Select(r => r[i].Length).Append(h.Length).Max())).ToArray();
        await output.WriteLineAsync(Row(header, widths));
        foreach (var row in rows)
        {
            await output.WriteLineAsync(Row(row, widths));
        }

        foreach (var draft in shown.Where(d => d.FailureReason is not null))
        {
            await output.WriteLineAsync($"{draft.Id}: {draft.FailureReason}");
        }

        return 0;
    }

    public static async Task<int> ApproveAsync(DraftsApi api, string id, bool edit, Func<string, string?> environment, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!edit)
        {
            return await DecideAsync(api.ApproveAsync(id, null, null, cancellationToken), output, error);
        }

        var (changes, exitCode) = await EditInEditorAsync(api, id, "nothing was approved", environment, output, error, cancellationToken);
        return changes is null
            ? exitCode
            : await DecideAsync(api.ApproveAsync(id, changes.Subject, changes.Body, cancellationToken), output, error);
    }

    /// <summary>`edit ID`: the candidate's new subject and body are kept for the draft, which still waits for approval.</summary>
    public static async Task<int> EditAsync(DraftsApi api, string id, Func<string, string?> environment, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (changes, exitCode) = await EditInEditorAsync(api, id, "nothing was saved", environment, output, error, cancellationToken);
        if (changes is null)
        {
            return exitCode;
        }

        if (!changes.Any)
        {
            await output.WriteLineAsync($"{id}: nothing changed");
            return 0;
        }

        var (draft, problem) = await api.EditAsync(id, changes.Subject, changes.Body, cancellationToken);
        if (draft is null)
        {
            return await FailAsync(error, problem!);
        }

        await output.WriteLineAsync($"{draft.Id}: saved; it waits for your approval");
        return 0;
    }

    public static async Task<int> DecideAsync(Task<(DraftLine? Draft, ApiProblem? Problem)> call, TextWriter output, TextWriter error)
    {
        var (draft, problem) = await call;
        if (draft is null)
        {
            return await FailAsync(error, problem!);
        }

        await output.WriteLineAsync(draft.FailureReason is null ? $"{draft.Id}: {draft.Status}" : $"{draft.Id}: {draft.Status} ({draft.FailureReason})");
        return 0;
    }

    /// <summary>
    /// Opens the draft in the candidate's editor. Returns what they changed, or null and the exit code when there is
    /// nothing to go on with (the draft could not be read, the editor failed, or the file was emptied); what was then
    /// not done (<paramref name="nothingDone"/>) has been said.
    /// </summary>
    private static async Task<(DraftEditor.Changes? Changes, int ExitCode)> EditInEditorAsync(DraftsApi api, string id, string nothingDone, Func<string, string?> environment, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (draft, problem) = await api.GetAsync(id, cancellationToken);
        if (draft is null)
        {
            return (null, await FailAsync(error, problem!));
        }

        var (edited, editError) = await DraftEditor.EditAsync(draft, environment, cancellationToken);
        if (editError is not null)
        {
            await error.WriteLineAsync($"followupflow: {editError}; {nothingDone}");
            return (null, Refused);
        }

        if (edited is null)
        {
            await output.WriteLineAsync($"{id}: left as it was (the edited file was empty); {nothingDone}");
            return (null, 0);
        }

        return (DraftEditor.ChangesFrom(draft, edited), 0);
    }

    private static async Task<int> WithApi(System.CommandLine.ParseResult result, Option<Uri> url, Func<DraftsApi, Task<int>> run)
    {
        using var http = new HttpClient { BaseAddress = result.GetRequiredValue(url), Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            return await run(new DraftsApi(http));
        }
        catch (HttpRequestException e)
        {
            await Console.Error.WriteLineAsync($"followupflow: cannot reach the app at {http.BaseAddress} ({e.Message}); start it with ./eng/run.sh or pass --url");
            return IngestCommand.CannotStart;
        }
    }

    private static async Task<int> FailAsync(TextWriter error, ApiProblem problem)
    {
        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"followupflow: refused ({problem.Status}): {problem.Detail}"));
        return Refused;
    }

    private static string Row(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => (c.Length > widths[i] ? c[..(widths[i] - 1)] + "…" : c).PadRight(widths[i]))).TrimEnd();
}
