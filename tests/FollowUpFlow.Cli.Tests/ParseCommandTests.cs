using System.Diagnostics;
using System.Text.Json;
using FollowUpFlow.Inbound;
using FollowUpFlow.Testing;

namespace FollowUpFlow.Cli.Tests;

public sealed class ParseCommandTests : IDisposable
{
    private static readonly string[] ReportKeys =
        ["kind", "company", "role", "start", "end", "timeZone", "interviewers", "recruiter", "meetingUrl", "location", "confidence", "problems"];

    private readonly string folder = Directory.CreateTempSubdirectory("followupflow-cli-").FullName;
    private readonly ParseOptions options = new() { CandidateAddresses = ["alex.morgan@example.com"], CandidateTimeZone = "America/New_York" };

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Prints_one_json_object_with_every_field_and_exits_0()
    {
        var file = Write("invite.eml", """
            From: Sam Lee <sam.lee@contoso.com>
            To: Alex Morgan <alex.morgan@example.com>
            Subject: Interview confirmed: Senior Backend Engineer at Contoso
            Date: Mon, 30 Nov 2026 16:02:00 -0500
            Message-ID: <cli-1@contoso.com>

            Hi Alex, confirming your interview for the Senior Backend Engineer position at Contoso
            on Tuesday, December 8, 2026 at 2:00 PM EST for 45 minutes.
            """);
        var (code, stdout, stderr) = Run(file);

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.All(ReportKeys, key => Assert.True(root.TryGetProperty(key, out _), $"missing {key}"));
        Assert.Equal("confirmation", root.GetProperty("kind").GetString());
        Assert.Equal("2026-12-08T14:00:00-05:00", root.GetProperty("start").GetString());
        Assert.Equal("2026-12-08T14:45:00-05:00", root.GetProperty("end").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("location").ValueKind);
    }

    [Fact]
    public void An_uncertain_email_still_exits_0_and_says_what_is_missing()
    {
        var file = Write("vague.eml", "From: someone@example.org\nSubject: hello\n\nLet's talk some time.\n");
        var (code, stdout, _) = Run(file);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.True(json.RootElement.GetProperty("needsReview").GetBoolean());
    }

    [Theory]
    [InlineData("")]
    [InlineData("just some words\nand more words without any header\n")]
    [InlineData("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n")]
    public void Input_that_is_not_an_email_exits_2_with_one_line_on_stderr(string content)
    {
        var file = Write("not-mail.eml", content);
        var (code, stdout, stderr) = Run(file);

        Assert.Equal(ParseCommand.NotAnEmail, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("is not an email", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_exits_1_naming_it()
    {
        var (code, _, stderr) = Run(Path.Combine(folder, "nope.eml"));
        Assert.Equal(ParseCommand.CannotRead, code);
        Assert.Contains("nope.eml", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_built_program_is_called_followupflow_and_prints_the_same_json()
    {
        var file = Write("invite.eml", "From: Sam Lee <sam.lee@contoso.com>\nSubject: Interview at Contoso\nDate: Mon, 30 Nov 2026 16:02:00 -0500\n\nSee you on December 8, 2026 at 2:00 PM EST.\n");
        var program = Path.Combine(AppContext.BaseDirectory, "followupflow.dll");
        Assert.True(File.Exists(program), "the CLI assembly is named followupflow");

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { program, "parse", file, "--candidate", "alex.morgan@example.com", "--time-zone", "America/New_York" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        Assert.Equal(Run(file).Stdout, stdout);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content.ReplaceLineEndings("\r\n"));
        return path;
    }

    private (int Code, string Stdout, string Stderr) Run(string path)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = ParseCommand.Run(new FileInfo(path), options, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
