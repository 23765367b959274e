using System.Net;
using FollowUpFlow.App.Tests.Support;
using FollowUpFlow.Mail;
using FollowUpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUpFlow.App.Tests.Dashboard;

/// <summary>A send of unknown fate: the dashboard offers "It was sent" and "Send again", and records the answer.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class UncertainDraftTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly AppStorage _storage = new();
    private AppFactory _app = null!;
    private DashboardSession _session = null!;

    public Task InitializeAsync()
    {
        _app = new AppFactory(
            azurite,
            _storage,
            new ManualTimeProvider(new DateTimeOffset(2026, 12, 8, 12, 0, 0, TimeSpan.Zero)),
            services: s => s.AddSingleton<IMailTransport, InterruptedTransport>());
        _session = new DashboardSession(_app);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _storage.Dispose();
    }

    [Fact]
    public async Task An_uncertain_draft_offers_both_answers_and_it_was_sent_settles_it()
    {
        await _session.CreateInterviewAsync();
        var draftId = await _session.OnlyPendingDraftIdAsync();
        var token = DashboardSession.TokenFrom(await _session.PageAsync($"/drafts/{draftId}"));
        await _session.PostFormAsync($"/drafts/{draftId}/approve", token);
        Assert.Equal("uncertain", (await _session.DraftAsync(draftId)).Str("status"));

        var list = await _session.PageAsync("/drafts");
        var marked = await _session.PostFormAsync($"/drafts/{draftId}/mark-sent", DashboardSession.TokenFrom(list));

        Assert.Contains("Waiting for your decision (1)", list, StringComparison.Ordinal);
        Assert.Contains("May or may not have been sent", list, StringComparison.Ordinal);
        Assert.Contains($"action=\"/drafts/{draftId}/mark-sent\"", list, StringComparison.Ordinal);
        Assert.Contains(">It was sent</button>", list, StringComparison.Ordinal);
        Assert.Contains(">Send again</button>", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, marked.StatusCode);
        Assert.Equal("sent", (await _session.DraftAsync(draftId)).Str("status"));
        Assert.Contains("Recorded as sent.", await _session.PageAsync(marked.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    /// <summary>Every send breaks off before the provider answers, and the provider cannot be asked (as with SendGrid).</summary>
    private sealed class InterruptedTransport : IMailTransport
    {
        public Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken) =>
            throw new IOException("The connection was reset before the mail service answered.");

        public Task<SendCheck> CheckSentAsync(string messageId, CancellationToken cancellationToken) => Task.FromResult(SendCheck.Unknown);
    }
}
