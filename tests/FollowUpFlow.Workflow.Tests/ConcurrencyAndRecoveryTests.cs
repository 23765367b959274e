using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Mail;
using FollowUpFlow.Testing;
using FollowUpFlow.Workflow.Effects;
using FollowUpFlow.Workflow.Tests.Support;
using static FollowUpFlow.Workflow.Tests.Support.WorkflowHarness;

namespace FollowUpFlow.Workflow.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ConcurrencyAndRecoveryTests(AzuriteFixture azurite)
{
    private static readonly Person Ana = new("Ana Silva", "ana@contoso.example");
    private static readonly Person Ben = new("Ben Okafor", "ben@contoso.example");

    [Fact]
    public async Task Two_schedulers_ticking_the_same_store_apply_each_timer_once()
    {
        await using var h = await CreateAsync(azurite);
        var (setup, _) = h.NewEngine();
        const int interviews = 15;
        for (var i = 0; i < interviews; i++)
        {
            var id = $"iv{i}";
            await setup.ApplyAsync(UserId, id, new ConfirmationReceived(id, Details(h.Time.GetUtcNow().AddHours(1), Ana, Ben)), null, default);
        }

        // Reflection prompts and thank-you drafts of every interview come due at once.
        h.Time.Advance(TimeSpan.FromHours(2.6));
        var (_, first) = h.NewEngine();
        var (_, second) = h.NewEngine();
        for (var round = 0; round < 10; round++)
        {
            var ticks = await Task.WhenAll(first.TickAsync(default), second.TickAsync(default));
            Assert.All(ticks, t => Assert.Equal(0, t.Failed));
            if (ticks.All(t => t.Due == 0))
            {
                break;
            }
        }

        for (var i = 0; i < interviews; i++)
        {
            var history = await h.Store.GetHistoryAsync(UserId, $"iv{i}", default);
            var fired = history.FiredTimers().ToList();
            Assert.Equal(fired.Count, fired.Select(t => t.TimerId).Distinct().Count());
            Assert.Contains(fired, t => t.Kind == TimerKind.ReflectionPrompt);
            Assert.Contains(fired, t => t.Kind == TimerKind.ThankYouDrafts);
            var state = (await h.RecordAsync($"iv{i}")).State;
            Assert.Equal(2, state.Drafts.Count(d => d.Kind == DraftKind.ThankYou));
        }

        // Each interview notified the candidate twice (reflection prompt, drafts waiting): once each, never twice.
        Assert.Equal(interviews * 2, h.SentFiles().Length);
    }

    [Theory]
    [InlineData(CrashPoint.BeforeSend)]
    [InlineData(CrashPoint.AfterSend)]
    public async Task A_crash_around_a_send_leads_to_exactly_one_message_after_restart(CrashPoint point)
    {
        await using var h = await CreateAsync(azurite);
        var (setup, _) = h.NewEngine();
        var created = await setup.ApplyAsync(UserId, "iv1", new ConfirmationReceived("iv1", Details(h.Time.GetUtcNow().AddHours(-3), Ana)), null, default);
        var draft = created.State!.Drafts.Single(d => d.Kind == DraftKind.ThankYou);

        using var process = new CancellationTokenSource();
        var crashing = new CrashingTransport(h.NewFileOutbox(), point, process);
        var (doomed, _) = h.NewEngine(crashing, process);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => doomed.ApplyAsync(UserId, "iv1", new DraftApproved(draft.Id), null, default));

        // The approval was recorded before the process died; the send waits in the outbox.
        var afterCrash = await h.RecordAsync("iv1");
        Assert.Equal(DraftStatus.Sending, afterCrash.State.FindDraft(draft.Id)!.Status);
        Assert.Single(afterCrash.Outbox);
        Assert.Equal(point == CrashPoint.AfterSend ? 1 : 0, h.FilesForDraft(draft.Id));

        // Restart: a new worker leaves the effect alone while the dead worker's claim holds, then finishes it once.
        var (_, restarted) = h.NewEngine();
        await restarted.TickAsync(default);
        Assert.Equal(DraftStatus.Sending, (await h.RecordAsync("iv1")).State.FindDraft(draft.Id)!.Status);
        h.Time.Advance(h.Options.EffectLease + TimeSpan.FromSeconds(1));
        await restarted.TickAsync(default);
        await restarted.TickAsync(default);

        var final = await h.RecordAsync("iv1");
        Assert.Equal(DraftStatus.Sent, final.State.FindDraft(draft.Id)!.Status);
        Assert.Empty(final.Outbox);
        Assert.Equal(1, h.FilesForDraft(draft.Id));
        Assert.Single(await h.Store.GetHistoryAsync(UserId, "iv1", default), e => e.Event is SendSucceeded);
        // What is left in the due index is exactly the interview's pending timers (the status check-in): no garbage.
        Assert.Equal(final.State.Timers.Length, await h.DueRowCountAsync());
    }

    [Theory]
    [InlineData(CrashPoint.BeforeSend)]
    [InlineData(CrashPoint.AfterSend)]
    public async Task A_crash_around_a_send_the_provider_cannot_confirm_waits_for_the_candidate_and_never_sends_twice(CrashPoint point)
    {
        await using var h = await CreateAsync(azurite);
        var (setup, _) = h.NewEngine();
        var created = await setup.ApplyAsync(UserId, "iv1", new ConfirmationReceived("iv1", Details(h.Time.GetUtcNow().AddHours(-3), Ana)), null, default);
        var draft = created.State!.Drafts.Single(d => d.Kind == DraftKind.ThankYou);

        using var process = new CancellationTokenSource();
        var provider = new UnaskableTransport(h.NewFileOutbox());
        var (doomed, _) = h.NewEngine(new CrashingTransport(provider, point, process), process);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => doomed.ApplyAsync(UserId, "iv1", new DraftApproved(draft.Id), null, default));
        var delivered = point == CrashPoint.AfterSend ? 1 : 0;

        // After the restart the provider cannot say whether the message left: the candidate is asked, nothing is resent.
        var (restartedEngine, restarted) = h.NewEngine(provider);
        h.Time.Advance(h.Options.EffectLease + TimeSpan.FromSeconds(1));
        await restarted.TickAsync(default);
        await restarted.TickAsync(default);
        var waiting = await h.RecordAsync("iv1");
        Assert.Equal(DraftStatus.Uncertain, waiting.State.FindDraft(draft.Id)!.Status);
        Assert.Empty(waiting.Outbox.OfType<SendDraftEffect>());
        Assert.Equal(delivered, h.FilesForDraft(draft.Id));
        Assert.Equal(delivered, provider.SendsOf(draft.Id));
        Assert.Single(await h.Store.GetHistoryAsync(UserId, "iv1", default), e => e.Event is SendUncertain);

        // The candidate settles it from their sent mail: there, it is marked sent; not there, it is approved again.
        var settle = point == CrashPoint.AfterSend ? (WorkflowEvent)new DraftMarkedSent(draft.Id) : new DraftApproved(draft.Id);
        await restartedEngine.ApplyAsync(UserId, "iv1", settle, null, default);

        var final = await h.RecordAsync("iv1");
        Assert.Equal(DraftStatus.Sent, final.State.FindDraft(draft.Id)!.Status);
        Assert.Equal(1, h.FilesForDraft(draft.Id));
        Assert.Equal(1, provider.SendsOf(draft.Id));
    }

    [Theory]
    [InlineData(true, DraftStatus.Sent)]
    [InlineData(false, DraftStatus.Uncertain)]
    public async Task A_send_whose_answer_is_lost_is_asked_about_at_once(bool providerCanBeAsked, DraftStatus expected)
    {
        await using var h = await CreateAsync(azurite);
        var (setup, _) = h.NewEngine();
        var created = await setup.ApplyAsync(UserId, "iv1", new ConfirmationReceived("iv1", Details(h.Time.GetUtcNow().AddHours(-3), Ana)), null, default);
        var draft = created.State!.Drafts.Single(d => d.Kind == DraftKind.ThankYou);

        IMailTransport outbox = h.NewFileOutbox();
        var provider = providerCanBeAsked ? new AnswerLosingTransport(outbox) : (IMailTransport)new UnaskableTransport(outbox, dropAnswers: 1);
        var (engine, scheduler) = h.NewEngine(provider);
        await engine.ApplyAsync(UserId, "iv1", new DraftApproved(draft.Id), null, default);
        h.Time.Advance(TimeSpan.FromHours(2));
        await scheduler.TickAsync(default);

        var final = await h.RecordAsync("iv1");
        Assert.Equal(expected, final.State.FindDraft(draft.Id)!.Status);
        Assert.Equal(1, h.FilesForDraft(draft.Id));
        Assert.Empty(final.Outbox.OfType<SendDraftEffect>());
    }

    [Fact]
    public async Task A_crash_before_a_notification_is_sent_sends_it_once_after_restart()
    {
        await using var h = await CreateAsync(azurite);
        using var process = new CancellationTokenSource();
        var crashing = new CrashingTransport(h.NewFileOutbox(), CrashPoint.BeforeSend, process);
        var (doomed, _) = h.NewEngine(crashing, process);

        // The confirmation is written, then the first notification (the reflection prompt) dies with the process.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => doomed.ApplyAsync(
            UserId, "iv1", new ConfirmationReceived("iv1", Details(h.Time.GetUtcNow().AddHours(-3), Ana)), null, default));
        Assert.NotNull(await h.Store.GetAsync(UserId, "iv1", default));

        var (_, restarted) = h.NewEngine();
        for (var i = 0; i < 4; i++)
        {
            h.Time.Advance(h.Options.EffectLease + TimeSpan.FromSeconds(1));
            await restarted.TickAsync(default);
        }

        var final = await h.RecordAsync("iv1");
        Assert.Empty(final.Outbox);
        Assert.Single(final.State.Drafts, d => d.Kind == DraftKind.ThankYou);
        var notifications = h.SentFiles().Select(File.ReadAllText).ToList();
        Assert.Equal(notifications.Count, notifications.Distinct().Count());
        Assert.Equal(2, notifications.Count);
    }

    [Fact]
    public async Task A_tick_with_nothing_due_costs_one_storage_request()
    {
        await using var h = await CreateAsync(azurite);
        var (engine, scheduler) = h.NewEngine();
        for (var i = 0; i < 40; i++)
        {
            await engine.ApplyAsync(UserId, $"iv{i}", new ConfirmationReceived($"iv{i}", Details(h.Time.GetUtcNow().AddDays(2), Ana)), null, default);
        }

        h.Counter.Reset();
        var tick = await scheduler.TickAsync(default);

        Assert.Equal(0, tick.Due);
        Assert.Equal(1, h.Counter.Total);
    }
}
