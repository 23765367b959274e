using System.CommandLine;
using FollowUpFlow.Inbound;

namespace FollowUpFlow.Cli;

/// <summary>`followupflow parse FILE.eml`: one JSON object on stdout. Exit 0 when read (even when uncertain), 2 when the file is not an email.</summary>
internal static class ParseCommand
{
    public const int NotAnEmail = 2;
    public const int CannotRead = 1;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The message (.eml, RFC 5322)." };
        var candidate = new Option<string[]>("--candidate") { Description = "The candidate's own address (repeatable); never taken for an interviewer." };
        var timeZone = new Option<string>("--time-zone") { Description = "IANA zone assumed when the email names none (default: FollowUpFlow__Candidate__TimeZone, else this machine's)." };
        var command = new Command("parse", "Read one email and print what it says about an interview as JSON.") { file, candidate, timeZone };
        command.SetAction(result => Run(result.GetRequiredValue(file), CandidateSettings.ToParseOptions(result.GetValue(candidate), result.GetValue(timeZone)), Console.Out, Console.Error));
        return command;
    }

    public static int Run(FileInfo file, ParseOptions options, TextWriter output, TextWriter error)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"followupflow: cannot read {file.Name}: {e.Message}");
            return CannotRead;
        }

        var parsed = InboundParser.Parse(bytes, options);
        if (!parsed.IsEmail)
        {
            error.WriteLine($"followupflow: {file.Name} is not an email: {NotEmailReason(bytes)}");
            return NotAnEmail;
        }

        output.WriteLine(ParseReport.From(parsed.Understanding).ToJson());
        return 0;
    }

    private static string NotEmailReason(byte[] bytes) => bytes.Length == 0
        ? "the file is empty."
        : "it has no header fields (an email starts with lines like \"From: …\" and \"Subject: …\").";
}
