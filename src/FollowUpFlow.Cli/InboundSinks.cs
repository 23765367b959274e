using System.Net.Http.Headers;
using System.Text.Json;
using FollowUpFlow.Workflow.Configuration;
using FollowUpFlow.Workflow.Inbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Cli;

/// <summary>Where `ingest` hands a message: a running app, or the workflow's storage directly.</summary>
internal interface IInboundSink : IAsyncDisposable
{
    /// <returns>Whether it was taken in, and one line saying what happened.</returns>
    Task<(bool Accepted, string Line)> SendAsync(byte[] message, CancellationToken cancellationToken);
}

/// <summary>POSTs to the app's /api/inbound/raw, exactly as a forwarded message would arrive.</summary>
internal sealed class AppSink(HttpClient http) : IInboundSink
{
    public async Task<(bool Accepted, string Line)> SendAsync(byte[] message, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(message);
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        using var response = await http.PostAsync(new Uri("api/inbound/raw", UriKind.Relative), content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var line = Describe(body);
        return response.IsSuccessStatusCode ? (true, line) : (false, $"refused ({(int)response.StatusCode}): {line}");
    }

    public ValueTask DisposeAsync()
    {
        http.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>One line from the app's answer: the status and what it did, or a problem's detail.</summary>
    private static string Describe(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            return string.Join(", ", new[] { Text("status") ?? Text("payloadStatus"), Text("kind"), Text("reason") ?? Text("detail") }.Where(t => !string.IsNullOrEmpty(t)));
        }
        catch (JsonException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }
}

/// <summary>
/// Runs the same inbound processing as the app, in this process, against the storage account given: no app needed.
/// The candidate's settings come from the same FollowUpFlow__… environment variables the app reads.
/// </summary>
internal sealed class StorageSink : IInboundSink
{
    private readonly IHost _host;
    private readonly InboundProcessor _processor;
    private readonly string _userId;

    private StorageSink(IHost host)
    {
        _host = host;
        _processor = host.Services.GetRequiredService<InboundProcessor>();
        _userId = host.Services.GetRequiredService<IOptions<CandidateOptions>>().Value.UserId;
    }

    /// <exception cref="SettingsException">A required setting (the candidate's name, address, time zone) is missing or wrong.</exception>
    /// <param name="settings">More settings on top of the environment's (tests use it for their own table names).</param>
    public static async Task<StorageSink> StartAsync(string connectionString, CancellationToken cancellationToken, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            // The app's default, for the rare effect that writes mail while a message is processed; the environment can change it.
            InitialData = [new("FollowUpFlow:Outbox:Folder", Path.Combine(".local", "outbox"))],
        });
        builder.Configuration["FollowUpFlow:Storage:ConnectionString"] = connectionString;
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.Logging.ClearProviders();
        builder.Services.AddFollowUpFlowWorkflow(builder.Configuration);
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken); // validates the options and creates the tables
        }
        catch (Exception e) when (ValidationFailures(e) is { Count: > 0 } failures)
        {
            host.Dispose();
            throw new SettingsException(failures);
        }

        return new StorageSink(host);
    }

    /// <summary>Start-up validation throws one OptionsValidationException, or several in an AggregateException.</summary>
    private static List<string> ValidationFailures(Exception e) => e switch
    {
        OptionsValidationException single => [.. single.Failures],
        AggregateException many when many.InnerExceptions.All(i => i is OptionsValidationException) =>
            [.. many.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures)],
        _ => [],
    };

    public async Task<(bool Accepted, string Line)> SendAsync(byte[] message, CancellationToken cancellationToken)
    {
        var result = await _processor.ProcessAsync(_userId, message, InboundSource.Cli, cancellationToken);
        var line = string.Join(", ", new[] { result.Status, result.Kind?.ToString().ToLowerInvariant(), result.InterviewId is { } id ? $"interview {id}" : null, result.Reason }
            .Where(t => !string.IsNullOrEmpty(t)));
        return (result.Refusal is null && result.Status != InboundStatus.Failed, line);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

/// <summary>The settings `ingest --storage` needs are missing or wrong; each failure says which.</summary>
internal sealed class SettingsException(IReadOnlyList<string> failures) : Exception(string.Join(" ", failures))
{
    public IReadOnlyList<string> Failures { get; } = failures;
}
