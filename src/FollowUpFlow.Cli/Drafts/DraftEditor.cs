using System.Diagnostics;

namespace FollowUpFlow.Cli.Drafts;

/// <summary>
/// Lets the candidate edit a draft in their own editor ($VISUAL, else $EDITOR), as git does for a commit message: the
/// file holds a "Subject:" line, a blank line and the body. An emptied file means "leave the draft as it was". Errors
/// say what went wrong; the command adds what it did not do (approve, save).
/// </summary>
internal static class DraftEditor
{
    public const string SubjectPrefix = "Subject: ";

    public sealed record Edited(string Subject, string Body);

    /// <summary>What the candidate changed: the new subject and body, each null when it was left as it was.</summary>
    public sealed record Changes(string? Subject, string? Body)
    {
        public bool Any => Subject is not null || Body is not null;
    }

    /// <returns>The edit, null when the candidate emptied the file, or an error line.</returns>
    public static async Task<(Edited? Edit, string? Error)> EditAsync(DraftLine draft, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var editor = environment("VISUAL") is { Length: > 0 } visual ? visual : environment("EDITOR");
        if (string.IsNullOrWhiteSpace(editor))
        {
            return (null, "set VISUAL or EDITOR to the editor to use (for example EDITOR=nano)");
        }

        var path = Path.Combine(Path.GetTempPath(), $"followupflow-{draft.Id}-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, Format(draft.Subject, draft.Body), cancellationToken);
        try
        {
            // "code --wait" and the like: the first word is the program, the rest its arguments, then the file.
            var words = editor.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var start = new ProcessStartInfo(words[0]) { UseShellExecute = false };
            foreach (var word in words.Skip(1).Append(path))
            {
                start.ArgumentList.Add(word);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {words[0]}");
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                return (null, $"the editor ({words[0]}) exited with code {process.ExitCode}");
            }

            return Parse(await File.ReadAllTextAsync(path, cancellationToken));
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (null, $"could not start the editor '{editor}': {e.Message}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The edit against the draft it started from, compared as the file showed them.</summary>
    public static Changes ChangesFrom(DraftLine draft, Edited edited) => new(
        edited.Subject == draft.Subject ? null : edited.Subject,
        edited.Body == draft.Body.ReplaceLineEndings("\n").Trim() ? null : edited.Body);

    public static string Format(string subject, string body) => $"{SubjectPrefix}{subject}\n\n{body.ReplaceLineEndings("\n")}\n";

    public static (Edited? Edit, string? Error) Parse(string text)
    {
        text = text.ReplaceLineEndings("\n");
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        var firstBreak = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = firstBreak < 0 ? text : text[..firstBreak];
        if (!firstLine.StartsWith(SubjectPrefix.TrimEnd(), StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"the first line must be the subject, starting with \"{SubjectPrefix.TrimEnd()}\"");
        }

        var subject = firstLine[SubjectPrefix.TrimEnd().Length..].Trim();
        var body = firstBreak < 0 ? "" : text[(firstBreak + 1)..].Trim('\n').TrimEnd();
        return subject.Length == 0 || body.Trim().Length == 0
            ? (null, "the subject and the body must both have text")
            : (new Edited(subject, body), null);
    }
}
