using FollowUpFlow.Mail.Tests.Support;
using FollowUpFlow.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FollowUpFlow.Mail.Tests.SendGrid;

/// <summary>A fake SendGrid plus the transport wired to it the way the app wires it (DI, the HTTP client factory).</summary>
internal sealed class SendGridHarness : IAsyncDisposable
{
    public const string ApiKey = "SG.test-key.Zm9sbG93dXBmbG93LXNlY3JldC1hcGkta2V5";
    public const string ReplyDomain = "replies.followupflow.example";
    public static readonly string ReplyKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray());
    public static readonly DateTimeOffset Start = new(2025, 3, 7, 10, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(29);

    private readonly ServiceProvider _services;

    private SendGridHarness(FakeSendGridServer fake, SteppedTimeProvider clock, CapturingLoggerProvider logs, ServiceProvider services)
    {
        Fake = fake;
        Clock = clock;
        Logs = logs;
        _services = services;
        Transport = (SendGridTransport)services.GetRequiredService<IMailTransport>();
    }

    public FakeSendGridServer Fake { get; }

    public SteppedTimeProvider Clock { get; }

    public CapturingLoggerProvider Logs { get; }

    public SendGridTransport Transport { get; }

    public static async Task<SendGridHarness> StartAsync(Action<SendGridOptions>? configure = null)
    {
        var clock = new SteppedTimeProvider(Start);
        var fake = await FakeSendGridServer.StartAsync(ApiKey, clock);
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSendGridTransport().Configure(options =>
        {
            options.ApiKey = ApiKey;
            options.BaseUrl = fake.BaseUrl;
            options.ReplyDomain = ReplyDomain;
            options.ReplyKey = ReplyKey;
            options.MaxAttempts = 4;
            options.MaxRetryDelay = TimeSpan.FromSeconds(60);
            options.Timeout = AttemptTimeout;
            configure?.Invoke(options);
        });
        return new SendGridHarness(fake, clock, logs, services.BuildServiceProvider());
    }

    /// <summary>Waits for the transport's retry wait (any pending timer but an attempt's timeout) and lets it pass.</summary>
    public async Task<TimeSpan> PassRetryWaitAsync()
    {
        var delay = await Clock.WaitForTimerAsync(d => d != AttemptTimeout);
        Clock.Advance(delay);
        return delay;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
