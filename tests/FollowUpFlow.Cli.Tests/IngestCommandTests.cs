using FollowUpFlow.App.Contracts;
using FollowUpFlow.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FollowUpFlow.Cli.Tests;

/// <summary>`followupflow ingest`: to a running app over HTTP, and straight to storage, with one progress line per file.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class IngestCommandTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("followupflow-ingest-").FullName;
    private readonly string _prefix = "C" + Guid.NewGuid().ToString("N")[..10];

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Ingesting_into_the_app_reports_each_file_and_fails_for_what_is_not_an_email()
    {
        await using var app = new WebApplicationFactory<PersonDto>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in Settings())
            {
                builder.UseSetting(key, value);
            }
        });
        var files = Files();

        var (code, stdout, stderr) = await RunAsync(files, new AppSink(app.CreateClient()));

        Assert.Equal(IngestCommand.SomeFailed, code);
        Assert.Contains("[1/3] confirmation.eml: processed, confirmation", stdout, StringComparison.Ordinal);
        Assert.Contains("[2/3] again.eml: duplicate", stdout, StringComparison.Ordinal);
        Assert.Contains("[3/3] notes.eml: refused (422)", stderr, StringComparison.Ordinal);
        Assert.EndsWith("2 ingested, 1 failed", stdout.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingesting_straight_into_storage_processes_like_the_app()
    {
        var sink = await StorageSink.StartAsync(azurite.ConnectionString, CancellationToken.None, Settings());

        var (code, stdout, stderr) = await RunAsync(Files(), sink);

        Assert.Equal(IngestCommand.SomeFailed, code);
        Assert.Contains("[1/3] confirmation.eml: processed, confirmation, interview in-", stdout, StringComparison.Ordinal);
        Assert.Contains("[2/3] again.eml: duplicate", stdout, StringComparison.Ordinal);
        Assert.Contains("[3/3] notes.eml: refused", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storage_mode_without_the_candidate_settings_names_what_is_missing()
    {
        var missing = Settings().Where(s => !s.Key.StartsWith("FollowUpFlow:Candidate", StringComparison.Ordinal))
            .Append(new("FollowUpFlow:Candidate:Email", "not an address"));

        var error = await Assert.ThrowsAsync<SettingsException>(
            () => StorageSink.StartAsync(azurite.ConnectionString, CancellationToken.None, missing));
        Assert.Contains("Email", string.Join(" ", error.Failures), StringComparison.Ordinal);
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

    private FileInfo[] Files()
    {
        var corpus = Path.Combine(RepositoryRoot.Find(), "tests", "FollowUpFlow.Inbound.Tests", "Corpus", "01-contoso-greenhouse-confirmation.eml");
        File.Copy(corpus, Path.Combine(_folder, "confirmation.eml"), overwrite: true);
        File.Copy(corpus, Path.Combine(_folder, "again.eml"), overwrite: true);
        File.WriteAllText(Path.Combine(_folder, "notes.eml"), "shopping list\neggs\nmilk\n");
        return [new(Path.Combine(_folder, "confirmation.eml")), new(Path.Combine(_folder, "again.eml")), new(Path.Combine(_folder, "notes.eml"))];
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(FileInfo[] files, IInboundSink sink)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code;
        await using (sink)
        {
            code = await IngestCommand.RunAsync(files, sink, stdout, stderr, CancellationToken.None);
        }

        return (code, stdout.ToString(), stderr.ToString());
    }
}
