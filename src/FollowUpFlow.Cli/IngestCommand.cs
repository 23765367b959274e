using System.CommandLine;

namespace FollowUpFlow.Cli;

/// <summary>`followupflow ingest FILE.eml…`: hands each file to a running app (or straight to storage) as if it had been forwarded, with progress.</summary>
internal static class IngestCommand
{
    public const int SomeFailed = 1;
    public const int CannotStart = 2;

    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Messages (.eml) to ingest.", Arity = ArgumentArity.OneOrMore };
        var url = AppUrlOption.Create();
        var storage = new Option<string?>("--storage") { Description = "A storage connection string (e.g. UseDevelopmentStorage=true): process here, without the app." };
        var command = new Command("ingest", "Send emails to FollowUpFlow as if they had been forwarded to it.") { files, url, storage };
        command.SetAction(async (result, cancellationToken) =>
        {
            IInboundSink sink;
            try
            {
                sink = result.GetValue(storage) is { Length: > 0 } connectionString
                    ? await StorageSink.StartAsync(connectionString, cancellationToken)
                    : new AppSink(new HttpClient { BaseAddress = result.GetRequiredValue(url), Timeout = TimeSpan.FromSeconds(60) });
            }
            catch (SettingsException e)
            {
                await Console.Error.WriteLineAsync($"followupflow: {string.Join(" ", e.Failures)} (set FollowUpFlow__Candidate__Name, __Email and __TimeZone as for the app)");
                return CannotStart;
            }

            await using (sink)
            {
                return await RunAsync(result.GetRequiredValue(files), sink, Console.Out, Console.Error, cancellationToken);
            }
        });
        return command;
    }

    public static async Task<int> RunAsync(IReadOnlyList<FileInfo> files, IInboundSink sink, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var failed = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var prefix = $"[{i + 1}/{files.Count}] {files[i].Name}:";
            try
            {
                var (accepted, line) = await sink.SendAsync(await File.ReadAllBytesAsync(files[i].FullName, cancellationToken), cancellationToken);
                if (accepted)
                {
                    await output.WriteLineAsync($"{prefix} {line}");
                }
                else
                {
                    failed++;
                    await error.WriteLineAsync($"{prefix} {line}");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                failed++;
                await error.WriteLineAsync($"{prefix} failed: {e.Message}");
            }
        }

        await output.WriteLineAsync($"{files.Count - failed} ingested, {failed} failed");
        return failed == 0 ? 0 : SomeFailed;
    }
}
