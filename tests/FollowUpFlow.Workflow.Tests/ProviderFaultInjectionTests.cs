using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Mail;
using FollowUpFlow.Testing;
using FollowUpFlow.Testing.Fakes;
using FollowUpFlow.Workflow.Effects;
using FollowUpFlow.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static FollowUpFlow.Workflow.Tests.Support.WorkflowHarness;

namespace FollowUpFlow.Workflow.Tests;

public enum SendFault
{
    /// <summary>The worker dies after the approval is recorded, before any request.</summary>
    CrashBeforeRequest,

    /// <summary>The provider takes the message, the connection drops before its answer.</summary>
    AnswerLost,

    /// <summary>The provider answered; the worker dies before recording the send.</summary>
    CrashAfterAnswer,
}

/// <summary>
/// The send path killed at each step, with the real SendGrid and Graph transports against their local fakes: at the
/// fake, every approved draft is sent exactly once in the end. Graph is asked and settles it alone; SendGrid cannot be
/// asked, so the candidate settles it (marks it sent, or approves it again), and nothing is resent behind their back.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProviderFaultInjectionTests(AzuriteFixture azurite)
{
    private const string SendGridKey = "SG.fault-injection-key-0123456789";
    private static readonly Person Ana = new("Ana Silva", "ana@contoso.example");

    [Theory]
    [InlineData(SendFault.CrashBeforeRequest)]
    [InlineData(SendFault.AnswerLost)]
    [InlineData(SendFault.CrashAfterAnswer)]
    public async Task Graph_sends_each_draft_exactly_once_whatever_the_fault(SendFault fault)
    {
        await using var h = await CreateAsync(azurite);
        await using var mailbox = await FakeGraphMailbox.StartAsync(h.Time);
        var graph = mailbox.Server;
        var draft = await ApproveThroughFaultAsync(h, mailbox.Transport, fault, () => graph.EnqueueFault(FakeGraphRoute.SendMessage, FakeGraphFault.DropConnectionAfterHandling()));

        Assert.Equal(DraftStatus.Sent, (await h.RecordAsync("iv1")).State.FindDraft(draft)!.Status);
        Assert.Equal(1, graph.SentItems.Count(m => m.InternetMessageId.StartsWith($"<{draft}.", StringComparison.Ordinal)));
        Assert.Empty(graph.Drafts); // neither the draft's copy nor a draft of any send attempt is left behind
        Assert.Empty(graph.Violations);
    }

    [Theory]
    [InlineData(SendFault.CrashBeforeRequest)]
    [InlineData(SendFault.AnswerLost)]
    [InlineData(SendFault.CrashAfterAnswer)]
    public async Task Sendgrid_sends_each_draft_exactly_once_with_the_candidate_settling_what_it_cannot_tell(SendFault fault)
    {
        await using var h = await CreateAsync(azurite);
        await using var sendGrid = await FakeSendGridServer.StartAsync(SendGridKey);
        await using var services = SendGridServices(sendGrid);
        var transport = services.GetRequiredService<IMailTransport>();
        var draft = await ApproveThroughFaultAsync(h, transport, fault, () => sendGrid.Enqueue(FakeSendGridAnswer.AcceptThenDrop()));

        // SendGrid cannot say whether it left: the candidate is asked, and nothing was resent.
        var waiting = (await h.RecordAsync("iv1")).State.FindDraft(draft)!;
        Assert.Equal(DraftStatus.Uncertain, waiting.Status);
        var left = fault == SendFault.CrashBeforeRequest ? 0 : 1;
        Assert.Equal(left, AcceptedFor(sendGrid, draft));

        // They look in their sent mail: there, they mark it sent; not there, they approve it again.
        var (engine, _) = h.NewEngine(transport);
        await engine.ApplyAsync(UserId, "iv1", left == 1 ? new DraftMarkedSent(draft) : new DraftApproved(draft), null, default);

        Assert.Equal(DraftStatus.Sent, (await h.RecordAsync("iv1")).State.FindDraft(draft)!.Status);
        Assert.Equal(1, AcceptedFor(sendGrid, draft));
        Assert.Empty(sendGrid.Violations);
    }

    [Fact]
    public async Task A_refusal_is_shown_to_the_candidate_with_the_providers_reason_and_nothing_is_retried()
    {
        await using var h = await CreateAsync(azurite);
        await using var sendGrid = await FakeSendGridServer.StartAsync(SendGridKey);
        await using var services = SendGridServices(sendGrid);
        var transport = services.GetRequiredService<IMailTransport>();
        var (engine, scheduler) = h.NewEngine(transport);
        var created = await engine.ApplyAsync(UserId, "iv1", new ConfirmationReceived("iv1", Details(h.Time.GetUtcNow().AddHours(-3), Ana)), null, default);
        var draft = created.State!.Drafts.Single(d => d.Kind == DraftKind.ThankYou).Id;
        sendGrid.Enqueue(FakeSendGridAnswer.Refuse(System.Net.HttpStatusCode.BadRequest, "The from address does not match a verified Sender Identity.", "from"));

        await engine.ApplyAsync(UserId, "iv1", new DraftApproved(draft), null, default);
        h.Time.Advance(TimeSpan.FromHours(2));
        await scheduler.TickAsync(default);

        var failed = (await h.RecordAsync("iv1")).State.FindDraft(draft)!;
        Assert.Equal(DraftStatus.Failed, failed.Status);
        Assert.Contains("verified Sender Identity", failed.FailureReason, StringComparison.Ordinal);
        Assert.Equal(0, AcceptedFor(sendGrid, draft));
        Assert.Single(sendGrid.Requests, r => !r.Accepted); // the refused request was not tried again
        Assert.Single(await h.Store.GetHistoryAsync(UserId, "iv1", default), e => e.Event is SendFailed);
    }

    private static ServiceProvider SendGridServices(FakeSendGridServer sendGrid) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System) // HTTP timeouts and retry waits run on real time
            .AddSendGridTransport().Configure(o =>
            {
                o.ApiKey = SendGridKey;
                o.BaseUrl = sendGrid.BaseUrl;
                o.ReplyDomain = "replies.followupflow.example";
                o.ReplyKey = Convert.ToBase64String(new byte[32]);
            }).Services.BuildServiceProvider();

    /// <summary>Approves the thank-you to Ana through a worker that meets the fault, then lets a restarted worker finish.</summary>
    /// <param name="loseNextAnswer">Makes the provider lose the answer to its next send (the note to the candidate has gone by then).</param>
    private static async Task<string> ApproveThroughFaultAsync(WorkflowHarness h, IMailTransport transport, SendFault fault, Action loseNextAnswer)
    {
        var (setup, _) = h.NewEngine(transport);
        var created = await setup.ApplyAsync(UserId, "iv1", new ConfirmationReceived("iv1", Details(h.Time.GetUtcNow().AddHours(-3), Ana)), null, default);
        var draft = created.State!.Drafts.Single(d => d.Kind == DraftKind.ThankYou).Id;

        using var process = new CancellationTokenSource();
        IMailTransport Crashing(CrashPoint point) => transport is GraphMailTransport graph
            ? new CrashingDraftMailbox(graph, point, process)
            : new CrashingTransport(transport, point, process);
        var worker = fault switch
        {
            SendFault.CrashBeforeRequest => Crashing(CrashPoint.BeforeSend),
            SendFault.CrashAfterAnswer => Crashing(CrashPoint.AfterSend),
            _ => transport,
        };
        var (doomed, _) = h.NewEngine(worker, process);
        if (fault == SendFault.AnswerLost)
        {
            loseNextAnswer();
            await doomed.ApplyAsync(UserId, "iv1", new DraftApproved(draft), null, default);
        }
        else
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => doomed.ApplyAsync(UserId, "iv1", new DraftApproved(draft), null, default));
        }

        // Restart: once the dead worker's claim has run out, a new one finishes what is left.
        var (_, restarted) = h.NewEngine(transport);
        h.Time.Advance(h.Options.EffectLease + TimeSpan.FromSeconds(1));
        await restarted.TickAsync(default);
        await restarted.TickAsync(default);
        Assert.Empty((await h.RecordAsync("iv1")).Outbox.OfType<SendDraftEffect>());
        return draft;
    }

    private static int AcceptedFor(FakeSendGridServer sendGrid, string draftId) =>
        sendGrid.Accepted.Count(r => r.MessageId?.StartsWith($"<{draftId}.", StringComparison.Ordinal) == true);
}
