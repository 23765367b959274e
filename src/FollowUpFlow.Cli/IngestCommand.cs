using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json;

namespace FollowUpFlow.Cli;

/// <summary>`followupflow ingest FILE.eml…`: hands each file to a running app's /api/inbound/raw, with progress, as if it had been forwarded.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Messages (.eml) to ingest.", Arity = ArgumentArity.OneOrMore };
        var url = new Option<Uri>("--url") { Description = "The running app.", DefaultValueFactory = _ => new Uri("http://127.0.0.1:7071") };
        var command = new Command("ingest", "Send emails to FollowUpFlow as if they had been forwarded to it.") { files, url };
        command.SetAction((result, cancellationToken) =>
        {
            using var http = new HttpClient { BaseAddress = result.GetRequiredValue(url), Timeout = TimeSpan.FromSeconds(60) };
            return RunAsync(result.GetRequiredValue(files), http, Console.Out, Console.Error, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(IReadOnlyList<FileInfo> files, HttpClient http, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var failed = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var prefix = $"[{i + 1}/{files.Count}] {file.Name}:";
            try
            {
                using var content = new ByteArrayContent(await File.ReadAllBytesAsync(file.FullName, cancellationToken));
                content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
                using var response = await http.PostAsync(new Uri("api/inbound/raw", UriKind.Relative), content, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                var line = Describe(body);
                if (response.IsSuccessStatusCode)
                {
                    output.WriteLine($"{prefix} {line}");
                }
                else
                {
                    failed++;
                    error.WriteLine($"{prefix} refused ({(int)response.StatusCode}): {line}");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                failed++;
                error.WriteLine($"{prefix} failed: {e.Message}");
            }
        }

        output.WriteLine($"{files.Count - failed} ingested, {failed} failed");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>One line from the app's answer: the status and what it did, or a problem's detail.</summary>
    private static string Describe(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            return string.Join(", ", new[] { Text("status"), Text("kind"), Text("interviewId") is { } id ? $"interview {id}" : null, Text("reason") ?? Text("detail") }
                .Where(t => !string.IsNullOrEmpty(t)));
        }
        catch (JsonException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }
}
