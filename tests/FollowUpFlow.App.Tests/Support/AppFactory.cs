using FollowUpFlow.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUpFlow.App.Tests.Support;

/// <summary>
/// The real app in-process, on Azurite, with its own tables and outbox folder and a manual clock. Two factories built
/// with the same <see cref="AppStorage"/> see the same data: that is a restart.
/// </summary>
/// <param name="settings">More settings, or settings that replace these (a mail provider, say).</param>
/// <param name="services">Service replacements applied after the app's own.</param>
public sealed class AppFactory(
    AzuriteFixture azurite,
    AppStorage storage,
    ManualTimeProvider time,
    IEnumerable<KeyValuePair<string, string>>? settings = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("FollowUpFlow:Storage:ConnectionString", azurite.ConnectionString);
        builder.UseSetting("FollowUpFlow:Workflow:TablePrefix", storage.TablePrefix);
        builder.UseSetting("FollowUpFlow:Workflow:ResearchQueueName", storage.QueueName);
        builder.UseSetting("FollowUpFlow:Workflow:SchedulerEnabled", "false");
        builder.UseSetting("FollowUpFlow:Outbox:Folder", storage.OutboxFolder);
        builder.UseSetting("FollowUpFlow:Timeline:ThankYouDelay", "00:00:00");
        builder.UseSetting("FollowUpFlow:Candidate:Name", "Alex Morgan");
        builder.UseSetting("FollowUpFlow:Candidate:Email", "alex@example.com");
        builder.UseSetting("FollowUpFlow:Candidate:TimeZone", "Europe/London");
        foreach (var (key, value) in settings ?? [])
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(collection =>
        {
            collection.AddSingleton<TimeProvider>(time);
            services?.Invoke(collection);
        });
    }
}

/// <summary>Names of one test's storage: tables, queue and outbox folder.</summary>
public sealed class AppStorage : IDisposable
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..10];

    public string TablePrefix => "T" + _suffix;

    public string QueueName => "research-" + _suffix;

    public string OutboxFolder => Path.Combine(Path.GetTempPath(), "followupflow-app-tests", _suffix);

    public string[] SentFiles() =>
        Directory.Exists(OutboxFolder) ? Directory.GetFiles(OutboxFolder, "*.eml") : [];

    public void Dispose()
    {
        if (Directory.Exists(OutboxFolder))
        {
            Directory.Delete(OutboxFolder, recursive: true);
        }
    }
}
