using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Mail;
using FollowUpFlow.Testing;
using FollowUpFlow.Testing.Fakes;
using FollowUpFlow.Workflow.Effects;
using FollowUpFlow.Workflow.Tests.Support;
using static FollowUpFlow.Workflow.Tests.Support.WorkflowHarness;

namespace FollowUpFlow.Workflow.Tests;

/// <summary>
/// With Graph, a draft waiting for approval waits in the candidate's Outlook Drafts folder too: a copy created with the
/// draft, updated when it is edited, and deleted once it is approved (the send writes its own message with the approved
/// text), skipped, expired or withdrawn. Real Graph transport against the local fake, which checks every request's wire
/// format.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class GraphDraftMirrorTests(AzuriteFixture azurite)
{
    private static readonly Person Ana = new("Ana Silva", "ana@contoso.example");

    [Fact]
    public async Task A_new_draft_waits_in_the_mailbox_as_a_copy_with_a_message_id_of_its_own()
    {
        await using var h = await CreateAsync(azurite);
        await using var graph = await FakeGraphMailbox.StartAsync(h.Time);
        var draft = await CreateThankYouAsync(h, graph.Transport);

        var copy = Assert.Single(graph.Server.Drafts);
        Assert.Equal(CopyId(h, draft), copy.InternetMessageId);
        Assert.Equal(draft.Subject, copy.Subject);
        Assert.Equal(draft.Body, copy.BodyContent);
        Assert.Equal(Ana.Email, Assert.Single(copy.ToRecipients).Address);
        Assert.Equal(0, graph.Server.SentCountFor(copy.InternetMessageId));
        Assert.Empty((await h.RecordAsync("iv1")).Outbox.OfType<MirrorDraftEffect>());
        Assert.Empty(graph.Server.Violations);
    }

    [Fact]
    public async Task Approving_an_edited_draft_sends_the_approved_text_and_the_copy_leaves_drafts()
    {
        await using var h = await CreateAsync(azurite);
        await using var graph = await FakeGraphMailbox.StartAsync(h.Time);
        var draft = await CreateThankYouAsync(h, graph.Transport);
        var messageId = draft.NextMessageId(h.Settings);

        var (engine, _) = h.NewEngine(graph.Transport);
        await engine.ApplyAsync(UserId, "iv1", new DraftApproved(draft.Id, "Thank you, Ana", "Edited body."), null, default);

        var sent = Assert.Single(graph.Server.SentItems, m => m.InternetMessageId == messageId);
        Assert.Equal("Thank you, Ana", sent.Subject);
        Assert.Equal("Edited body.", sent.BodyContent);
        Assert.Equal(1, graph.Server.SentCountFor(messageId));
        Assert.Equal(0, graph.Server.SentCountFor(CopyId(h, draft)));
        Assert.Empty(graph.Server.Drafts);
        Assert.Contains(graph.Server.Deleted, m => m.InternetMessageId == CopyId(h, draft));
        Assert.Empty(graph.Server.RequestsTo(FakeGraphRoute.UpdateMessage)); // the send never touches the copy
        var record = await h.RecordAsync("iv1");
        Assert.Equal(DraftStatus.Sent, record.State.FindDraft(draft.Id)!.Status);
        Assert.Empty(record.Outbox);
        Assert.Empty(graph.Server.Violations);
    }

    [Fact]
    public async Task An_edit_saved_for_later_updates_the_copy_in_place()
    {
        await using var h = await CreateAsync(azurite);
        await using var graph = await FakeGraphMailbox.StartAsync(h.Time);
        var draft = await CreateThankYouAsync(h, graph.Transport);
        var copyGraphId = Assert.Single(graph.Server.Drafts).Id;

        var (engine, _) = h.NewEngine(graph.Transport);
        await engine.ApplyAsync(UserId, "iv1", new DraftEdited(draft.Id, "Thank you, Ana", "Saved for later."), null, default);

        var copy = Assert.Single(graph.Server.Drafts);
        Assert.Equal(copyGraphId, copy.Id);
        Assert.Equal("Thank you, Ana", copy.Subject);
        Assert.Equal("Saved for later.", copy.BodyContent);
        Assert.Equal(CopyId(h, draft), copy.InternetMessageId);
        Assert.Equal(0, graph.Server.SentCountFor(copy.InternetMessageId));
        Assert.Empty(graph.Server.Violations);
    }

    [Fact]
    public async Task Skipping_a_draft_deletes_its_copy()
    {
        await using var h = await CreateAsync(azurite);
        await using var graph = await FakeGraphMailbox.StartAsync(h.Time);
        var draft = await CreateThankYouAsync(h, graph.Transport);
        Assert.Single(graph.Server.Drafts);

        var (engine, _) = h.NewEngine(graph.Transport);
        await engine.ApplyAsync(UserId, "iv1", new DraftRejected(draft.Id), null, default);

        Assert.Empty(graph.Server.Drafts);
        Assert.Single(graph.Server.RequestsTo(FakeGraphRoute.DeleteMessage));
        Assert.Empty((await h.RecordAsync("iv1")).Outbox.OfType<MirrorDraftEffect>());
        Assert.Empty(graph.Server.Violations);
    }

    [Fact]
    public async Task An_expired_draft_leaves_the_mailbox()
    {
        await using var h = await CreateAsync(azurite);
        await using var graph = await FakeGraphMailbox.StartAsync(h.Time);
        var draft = await CreateThankYouAsync(h, graph.Transport);
        Assert.Single(graph.Server.Drafts, m => m.InternetMessageId == CopyId(h, draft));

        var (_, scheduler) = h.NewEngine(graph.Transport);
        h.Time.Advance(h.Settings.ThankYouExpiry + TimeSpan.FromHours(1));
        await scheduler.TickAsync(default);

        Assert.Equal(DraftStatus.Expired, (await h.RecordAsync("iv1")).State.FindDraft(draft.Id)!.Status);
        Assert.DoesNotContain(graph.Server.Drafts, m => m.InternetMessageId == CopyId(h, draft));
        Assert.Empty(graph.Server.Violations);
    }

    [Fact]
    public async Task A_cancelled_interview_withdraws_the_draft_and_its_copy()
    {
        await using var h = await CreateAsync(azurite);
        await using var graph = await FakeGraphMailbox.StartAsync(h.Time);
        var draft = await CreateThankYouAsync(h, graph.Transport);
        Assert.Single(graph.Server.Drafts);

        var (engine, _) = h.NewEngine(graph.Transport);
        await engine.ApplyAsync(UserId, "iv1", new Cancelled("The role was filled internally."), null, default);

        Assert.Equal(DraftStatus.Withdrawn, (await h.RecordAsync("iv1")).State.FindDraft(draft.Id)!.Status);
        Assert.Empty(graph.Server.Drafts);
        Assert.Empty(graph.Server.Violations);
    }

    [Fact]
    public async Task A_refused_send_brings_the_copy_back_and_leaves_no_other_draft()
    {
        await using var h = await CreateAsync(azurite);
        await using var graph = await FakeGraphMailbox.StartAsync(h.Time);
        var draft = await CreateThankYouAsync(h, graph.Transport);
        var (engine, _) = h.NewEngine(graph.Transport);
        graph.Server.EnqueueFault(FakeGraphRoute.SendMessage, FakeGraphFault.Error(400, "ErrorInvalidRecipients", "At least one recipient is not valid."));

        await engine.ApplyAsync(UserId, "iv1", new DraftApproved(draft.Id), null, default);

        var failed = (await h.RecordAsync("iv1")).State.FindDraft(draft.Id)!;
        Assert.Equal(DraftStatus.Failed, failed.Status);
        Assert.Equal(CopyId(h, draft), Assert.Single(graph.Server.Drafts).InternetMessageId);

        await engine.ApplyAsync(UserId, "iv1", new DraftApproved(draft.Id), null, default);

        Assert.Equal(DraftStatus.Sent, (await h.RecordAsync("iv1")).State.FindDraft(draft.Id)!.Status);
        Assert.Equal(1, graph.Server.SentCountFor(failed.NextMessageId(h.Settings)));
        Assert.Equal(0, graph.Server.SentCountFor(draft.NextMessageId(h.Settings)));
        Assert.Empty(graph.Server.Drafts);
        Assert.Empty(graph.Server.Violations);
    }

    [Fact]
    public async Task A_copy_the_candidate_sent_from_outlook_is_recorded_at_approval_and_not_sent_again()
    {
        await using var h = await CreateAsync(azurite);
        await using var graph = await FakeGraphMailbox.StartAsync(h.Time);
        var draft = await CreateThankYouAsync(h, graph.Transport);
        await graph.SendFromOutlookAsync(Assert.Single(graph.Server.Drafts).Id);

        var (engine, _) = h.NewEngine(graph.Transport);
        await engine.ApplyAsync(UserId, "iv1", new DraftApproved(draft.Id), null, default);

        var recorded = (await h.RecordAsync("iv1")).State.FindDraft(draft.Id)!;
        Assert.Equal(DraftStatus.Sent, recorded.Status);
        Assert.Equal(CopyId(h, draft), recorded.MessageId);
        Assert.Equal(1, graph.Server.SentCountFor(CopyId(h, draft)));
        Assert.Equal(0, graph.Server.SentCountFor(draft.NextMessageId(h.Settings)));
        Assert.Empty(graph.Server.Drafts);
    }

    [Fact]
    public async Task A_draft_skipped_while_its_copy_was_being_made_still_leaves_the_mailbox()
    {
        await using var h = await CreateAsync(azurite);
        await using var graph = await FakeGraphMailbox.StartAsync(h.Time);
        var (gated, creating, draft) = await StartCopyHeldAtTheGateAsync(h, graph);

        // The candidate skips it while the copy is still on its way to the mailbox.
        var (engine, _) = h.NewEngine(graph.Transport);
        await engine.ApplyAsync(UserId, "iv1", new DraftRejected(draft.Id), null, default);
        gated.Release.SetResult();
        await creating;

        Assert.Empty(graph.Server.Drafts);
        Assert.Empty((await h.RecordAsync("iv1")).Outbox.OfType<MirrorDraftEffect>());
        Assert.Empty(graph.Server.Violations);
    }

    [Fact]
    public async Task A_draft_approved_while_its_copy_was_being_made_is_sent_once_as_approved_and_leaves_no_draft()
    {
        await using var h = await CreateAsync(azurite);
        await using var graph = await FakeGraphMailbox.StartAsync(h.Time);
        var (gated, creating, draft) = await StartCopyHeldAtTheGateAsync(h, graph);

        var (engine, _) = h.NewEngine(graph.Transport);
        await engine.ApplyAsync(UserId, "iv1", new DraftApproved(draft.Id, Body: "Approved words."), null, default);
        gated.Release.SetResult();
        await creating;

        Assert.Equal(DraftStatus.Sent, (await h.RecordAsync("iv1")).State.FindDraft(draft.Id)!.Status);
        Assert.Equal("Approved words.", Assert.Single(graph.Server.SentItems, m => m.InternetMessageId == draft.NextMessageId(h.Settings)).BodyContent);
        Assert.Equal(1, graph.Server.SentCountFor(draft.NextMessageId(h.Settings)));
        Assert.Empty(graph.Server.Drafts);
        Assert.Empty((await h.RecordAsync("iv1")).Outbox.OfType<MirrorDraftEffect>());
    }

    [Fact]
    public async Task A_worker_that_outlived_its_claim_does_not_leave_a_stale_copy_behind()
    {
        await using var h = await CreateAsync(azurite);
        await using var graph = await FakeGraphMailbox.StartAsync(h.Time);
        var (gated, creating, draft) = await StartCopyHeldAtTheGateAsync(h, graph);

        // The slow worker's claim runs out; another worker takes the copy over after the candidate skipped the draft,
        // and finishes it (nothing to delete yet). Only then does the slow worker's copy reach the mailbox.
        var (engine, scheduler) = h.NewEngine(graph.Transport);
        await engine.ApplyAsync(UserId, "iv1", new DraftRejected(draft.Id), null, default);
        h.Time.Advance(h.Options.EffectLease + TimeSpan.FromSeconds(1));
        await scheduler.TickAsync(default);
        Assert.Empty((await h.RecordAsync("iv1")).Outbox.OfType<MirrorDraftEffect>());
        gated.Release.SetResult();
        await creating;

        Assert.Empty(graph.Server.Drafts);
        Assert.Empty((await h.RecordAsync("iv1")).Outbox.OfType<MirrorDraftEffect>());
        Assert.Empty(graph.Server.Violations);
    }

    [Fact]
    public async Task A_mailbox_that_refuses_the_copy_costs_the_copy_not_the_draft()
    {
        await using var h = await CreateAsync(azurite);
        await using var graph = await FakeGraphMailbox.StartAsync(h.Time);
        graph.Server.EnqueueFault(FakeGraphRoute.CreateMessage, FakeGraphFault.Error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again."));
        var draft = await CreateThankYouAsync(h, graph.Transport);

        Assert.Empty(graph.Server.Drafts);
        Assert.Empty((await h.RecordAsync("iv1")).Outbox.OfType<MirrorDraftEffect>());

        var (engine, _) = h.NewEngine(graph.Transport);
        await engine.ApplyAsync(UserId, "iv1", new DraftApproved(draft.Id), null, default);
        Assert.Equal(1, graph.Server.SentCountFor(draft.NextMessageId(h.Settings)));
    }

    [Fact]
    public async Task A_mailbox_that_is_unavailable_gets_the_copy_on_a_later_tick()
    {
        await using var h = await CreateAsync(azurite);
        await using var graph = await FakeGraphMailbox.StartAsync(h.Time);
        graph.Server.EnqueueFault(FakeGraphRoute.ListDrafts, FakeGraphFault.Unavailable(retryAfterSeconds: null));
        var draft = await CreateThankYouAsync(h, graph.Transport);
        Assert.Empty(graph.Server.Drafts);
        Assert.Single((await h.RecordAsync("iv1")).Outbox.OfType<MirrorDraftEffect>());

        var (_, scheduler) = h.NewEngine(graph.Transport);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await scheduler.TickAsync(default);

        Assert.Equal(CopyId(h, draft), Assert.Single(graph.Server.Drafts).InternetMessageId);
        Assert.Empty((await h.RecordAsync("iv1")).Outbox.OfType<MirrorDraftEffect>());
    }

    [Fact]
    public async Task A_copy_that_keeps_failing_is_given_up_and_the_draft_still_sends()
    {
        await using var h = await CreateAsync(azurite);
        await using var graph = await FakeGraphMailbox.StartAsync(h.Time);
        var unavailable = new UnavailableDraftMailbox(graph.Transport);
        var draft = await CreateThankYouAsync(h, unavailable);
        var (engine, scheduler) = h.NewEngine(unavailable);
        for (var tick = 0; tick < 10; tick++)
        {
            h.Time.Advance(TimeSpan.FromHours(1));
            await scheduler.TickAsync(default);
        }

        Assert.Equal(8, unavailable.Attempts);
        Assert.Empty((await h.RecordAsync("iv1")).Outbox.OfType<MirrorDraftEffect>());
        await engine.ApplyAsync(UserId, "iv1", new DraftApproved(draft.Id), null, default);
        Assert.Equal(1, graph.Server.SentCountFor(draft.NextMessageId(h.Settings)));
    }

    [Fact]
    public async Task Transports_without_mailbox_drafts_never_queue_a_copy()
    {
        await using var h = await CreateAsync(azurite);
        await CreateThankYouAsync(h, h.NewFileOutbox());

        Assert.NotEmpty(await h.Store.GetHistoryAsync(UserId, "iv1", default));
        Assert.Empty((await h.RecordAsync("iv1")).Outbox);
    }

    /// <summary>Creates the thank-you through a worker whose copy of it is held before it reaches the mailbox.</summary>
    private static async Task<(GatedDraftMailbox Gate, Task Creating, Draft Draft)> StartCopyHeldAtTheGateAsync(WorkflowHarness h, FakeGraphMailbox graph)
    {
        var gated = new GatedDraftMailbox(graph.Transport);
        var (slow, _) = h.NewEngine(gated);
        var creating = slow.ApplyAsync(UserId, "iv1", new ConfirmationReceived("iv1", Details(h.Time.GetUtcNow().AddHours(-3), Ana)), null, default);
        await gated.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return (gated, creating, (await h.RecordAsync("iv1")).State.Drafts.Single(d => d.Kind == DraftKind.ThankYou));
    }

    private static string CopyId(WorkflowHarness h, Draft draft) => DraftMirroring.CopyMessageId(draft, h.Settings);

    private static async Task<Draft> CreateThankYouAsync(WorkflowHarness h, IMailTransport transport)
    {
        var (engine, _) = h.NewEngine(transport);
        var created = await engine.ApplyAsync(UserId, "iv1", new ConfirmationReceived("iv1", Details(h.Time.GetUtcNow().AddHours(-3), Ana)), null, default);
        return created.State!.Drafts.Single(d => d.Kind == DraftKind.ThankYou);
    }
}
