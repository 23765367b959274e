using System.Net.Http.Headers;
using FollowUpFlow.App.Tests.Support;
using FollowUpFlow.Testing;
using FollowUpFlow.Workflow.Inbound;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUpFlow.App.Tests.Inbound.Support;

/// <summary>The app with the SendGrid webhook switched on and the reader replaced by a <see cref="FakeInboundParser"/>.</summary>
public sealed class InboundApp : IAsyncDisposable
{
    public const string Secret = "correct-horse-battery-staple";

    private readonly AppFactory _base;

    public InboundApp(AzuriteFixture azurite, params (string Key, string Value)[] settings)
    {
        _base = new AppFactory(azurite, Storage, Time);
        Factory = _base.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("FollowUpFlow:Inbound:SendGridSecret", Secret);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<IInboundParser>(Parser));
        });
    }

    public FakeInboundParser Parser { get; } = new();

    public AppStorage Storage { get; } = new();

    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 8, 12, 0, 0, TimeSpan.Zero));

    public WebApplicationFactory<Program> Factory { get; }

    public HttpClient Client() => Factory.CreateClient();

    public async Task<HttpResponseMessage> PostRawAsync(byte[] message, string contentType = "message/rfc822", HttpClient? client = null)
    {
        using var content = new ByteArrayContent(message);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await (client ?? Client()).PostAsync("/api/inbound/raw", content);
    }

    public async Task<HttpResponseMessage> PostSendGridAsync(SendGridInboundForm form, string query = $"?secret={Secret}", HttpClient? client = null)
    {
        using var content = form.ToContent();
        return await (client ?? Client()).PostAsync("/api/inbound/sendgrid" + query, content);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _base.DisposeAsync();
        Storage.Dispose();
    }
}
