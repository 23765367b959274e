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
/// With Graph, a draft waiting for approval waits in the candidate's Outlook Drafts folder too: created with the draft,
/// sent as that very message on approval (edits included), and deleted when skipped, expired or withdrawn. Real Graph
/// transport against the local fake, which checks every request's wire format.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class GraphDraftMirrorTests(AzuriteFixture azurite)
{
    private static readonly Person Ana = new("Ana Silva", "ana@contoso.example");

    [Fact]
    public async Task A_new_draft_waits_in_the_mailbox_under_the_message_id_its_approval_will_send()
    {
        await using var h = await CreateAsync(azurite);
        await using var graph = await GraphMailbox.StartAsync(h.Time);
        var draft = await CreateThankYouAsync(h, graph.Transport);

        var copy = Assert.Single(graph.Server.Drafts);
        Assert.Equal(draft.NextMessageId(h.Settings), copy.InternetMessageId);
        Assert.Equal(draft.Subject, copy.Subject);
        Assert.Equal(draft.Body, copy.BodyContent);
        Assert.Equal(Ana.Email, Assert.Single(copy.ToRecipients).Address);
        Assert.Empty((await h.RecordAsync("iv1")).Outbox.OfType<MirrorDraftEffect>());
        Assert.Equal(0, graph.Server.SentCountFor(copy.InternetMessageId));
        Assert.Empty(graph.Server.Violations);
    }

    [Fact]
    public async Task Approving_an_edited_draft_sends_its_mailbox_copy_updated_and_leaves_no_draft_behind()
    {
        await using var h = await CreateAsync(azurite);
        await using var graph = await GraphMailbox.StartAsync(h.Time);
        var draft = await CreateThankYouAsync(h, graph.Transport);
        var messageId = draft.NextMessageId(h.Settings);

        var (engine, _) = h.NewEngine(graph.Transport);
        await engine.ApplyAsync(UserId, "iv1", new DraftApproved(draft.Id, "Thank you, Ana", "Edited body."), null, default);

        var sent = Assert.Single(graph.Server.SentItems, m => m.InternetMessageId == messageId);
        Assert.Equal("Thank you, Ana", sent.Subject);
        Assert.Equal("Edited body.", sent.BodyContent);
        Assert.Equal(1, graph.Server.SentCountFor(messageId));
        // One draft was ever created for it (the copy); the send updated it. JSON may escape the id's angle brackets.
        Assert.Single(graph.Server.RequestsTo(FakeGraphRoute.CreateMessage), r => r.Body.Contains(messageId.Trim('<', '>'), StringComparison.Ordinal));
        Assert.Single(graph.Server.RequestsTo(FakeGraphRoute.UpdateMessage));
        Assert.Empty(graph.Server.Drafts);
        Assert.Equal(DraftStatus.Sent, (await h.RecordAsync("iv1")).State.FindDraft(draft.Id)!.Status);
        Assert.Empty(graph.Server.Violations);
    }

    [Fact]
    public async Task An_edit_saved_for_later_updates_the_mailbox_copy_in_place()
    {
        await using var h = await CreateAsync(azurite);
        await using var graph = await GraphMailbox.StartAsync(h.Time);
        var draft = await CreateThankYouAsync(h, graph.Transport);
        var copyId = Assert.Single(graph.Server.Drafts).Id;

        var (engine, _) = h.NewEngine(graph.Transport);
        await engine.ApplyAsync(UserId, "iv1", new DraftEdited(draft.Id, "Thank you, Ana", "Saved for later."), null, default);

        var copy = Assert.Single(graph.Server.Drafts);
        Assert.Equal(copyId, copy.Id);
        Assert.Equal("Thank you, Ana", copy.Subject);
        Assert.Equal("Saved for later.", copy.BodyContent);
        Assert.Equal(draft.NextMessageId(h.Settings), copy.InternetMessageId);
        Assert.Equal(0, graph.Server.SentCountFor(copy.InternetMessageId));
        Assert.Empty(graph.Server.Violations);
    }

    [Fact]
    public async Task Skipping_a_draft_deletes_its_mailbox_copy()
    {
        await using var h = await CreateAsync(azurite);
        await using var graph = await GraphMailbox.StartAsync(h.Time);
        var draft = await CreateThankYouAsync(h, graph.Transport);

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
        await using var graph = await GraphMailbox.StartAsync(h.Time);
        var draft = await CreateThankYouAsync(h, graph.Transport);

        var (_, scheduler) = h.NewEngine(graph.Transport);
        h.Time.Advance(h.Settings.ThankYouExpiry + TimeSpan.FromHours(1));
        await scheduler.TickAsync(default);

        Assert.Equal(DraftStatus.Expired, (await h.RecordAsync("iv1")).State.FindDraft(draft.Id)!.Status);
        Assert.DoesNotContain(graph.Server.Drafts, m => m.InternetMessageId == draft.NextMessageId(h.Settings));
        Assert.Empty(graph.Server.Violations);
    }

    [Fact]
    public async Task A_cancelled_interview_withdraws_the_draft_and_its_mailbox_copy()
    {
        await using var h = await CreateAsync(azurite);
        await using var graph = await GraphMailbox.StartAsync(h.Time);
        var draft = await CreateThankYouAsync(h, graph.Transport);

        var (engine, _) = h.NewEngine(graph.Transport);
        await engine.ApplyAsync(UserId, "iv1", new Cancelled("The role was filled internally."), null, default);

        Assert.Equal(DraftStatus.Withdrawn, (await h.RecordAsync("iv1")).State.FindDraft(draft.Id)!.Status);
        Assert.Empty(graph.Server.Drafts);
        Assert.Empty(graph.Server.Violations);
    }

    [Fact]
    public async Task A_refused_send_leaves_one_mailbox_draft_ready_for_the_next_approval()
    {
        await using var h = await CreateAsync(azurite);
        await using var graph = await GraphMailbox.StartAsync(h.Time);
        var draft = await CreateThankYouAsync(h, graph.Transport);
        var (engine, _) = h.NewEngine(graph.Transport);
        graph.Server.EnqueueFault(FakeGraphRoute.SendMessage, FakeGraphFault.Error(400, "ErrorInvalidRecipients", "At least one recipient is not valid."));

        await engine.ApplyAsync(UserId, "iv1", new DraftApproved(draft.Id), null, default);

        var failed = (await h.RecordAsync("iv1")).State.FindDraft(draft.Id)!;
        Assert.Equal(DraftStatus.Failed, failed.Status);
        var copy = Assert.Single(graph.Server.Drafts);
        Assert.Equal(failed.NextMessageId(h.Settings), copy.InternetMessageId);

        await engine.ApplyAsync(UserId, "iv1", new DraftApproved(draft.Id), null, default);

        Assert.Equal(DraftStatus.Sent, (await h.RecordAsync("iv1")).State.FindDraft(draft.Id)!.Status);
        Assert.Equal(1, graph.Server.SentCountFor(failed.NextMessageId(h.Settings)));
        Assert.Equal(0, graph.Server.SentCountFor(draft.NextMessageId(h.Settings)));
        Assert.Empty(graph.Server.Drafts);
    }

    [Fact]
    public async Task A_copy_the_candidate_sent_from_outlook_is_recorded_at_approval_and_not_sent_again()
    {
        await using var h = await CreateAsync(azurite);
        await using var graph = await GraphMailbox.StartAsync(h.Time);
        var draft = await CreateThankYouAsync(h, graph.Transport);
        var messageId = draft.NextMessageId(h.Settings);
        await graph.SendFromOutlookAsync(Assert.Single(graph.Server.Drafts).Id);

        var (engine, _) = h.NewEngine(graph.Transport);
        await engine.ApplyAsync(UserId, "iv1", new DraftApproved(draft.Id), null, default);

        Assert.Equal(DraftStatus.Sent, (await h.RecordAsync("iv1")).State.FindDraft(draft.Id)!.Status);
        Assert.Equal(1, graph.Server.SentCountFor(messageId));
        Assert.Empty(graph.Server.Drafts);
    }

    [Fact]
    public async Task A_draft_skipped_while_its_copy_was_being_made_still_leaves_the_mailbox()
    {
        await using var h = await CreateAsync(azurite);
        await using var graph = await GraphMailbox.StartAsync(h.Time);
        var gated = new GatedDraftMailbox(graph.Transport);
        var (slow, _) = h.NewEngine(gated);
        var creating = slow.ApplyAsync(UserId, "iv1", new ConfirmationReceived("iv1", Details(h.Time.GetUtcNow().AddHours(-3), Ana)), null, default);
        await gated.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var draft = (await h.RecordAsync("iv1")).State.Drafts.Single(d => d.Kind == DraftKind.ThankYou);

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
    public async Task A_draft_approved_while_its_copy_was_being_made_is_sent_once_and_leaves_no_draft()
    {
        await using var h = await CreateAsync(azurite);
        await using var graph = await GraphMailbox.StartAsync(h.Time);
        var gated = new GatedDraftMailbox(graph.Transport);
        var (slow, _) = h.NewEngine(gated);
        var creating = slow.ApplyAsync(UserId, "iv1", new ConfirmationReceived("iv1", Details(h.Time.GetUtcNow().AddHours(-3), Ana)), null, default);
        await gated.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var draft = (await h.RecordAsync("iv1")).State.Drafts.Single(d => d.Kind == DraftKind.ThankYou);

        var (engine, _) = h.NewEngine(graph.Transport);
        await engine.ApplyAsync(UserId, "iv1", new DraftApproved(draft.Id), null, default);
        gated.Release.SetResult();
        await creating;

        Assert.Equal(DraftStatus.Sent, (await h.RecordAsync("iv1")).State.FindDraft(draft.Id)!.Status);
        Assert.Equal(1, graph.Server.SentCountFor(draft.NextMessageId(h.Settings)));
        Assert.Empty(graph.Server.Drafts);
        Assert.Empty((await h.RecordAsync("iv1")).Outbox.OfType<MirrorDraftEffect>());
    }

    [Fact]
    public async Task A_mailbox_that_refuses_drafts_costs_the_copy_not_the_send()
    {
        await using var h = await CreateAsync(azurite);
        await using var graph = await GraphMailbox.StartAsync(h.Time);
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
        await using var graph = await GraphMailbox.StartAsync(h.Time);
        graph.Server.EnqueueFault(FakeGraphRoute.ListMailbox, FakeGraphFault.Unavailable(retryAfterSeconds: null));
        var draft = await CreateThankYouAsync(h, graph.Transport);
        Assert.Single((await h.RecordAsync("iv1")).Outbox.OfType<MirrorDraftEffect>());

        var (_, scheduler) = h.NewEngine(graph.Transport);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await scheduler.TickAsync(default);

        Assert.Equal(draft.NextMessageId(h.Settings), Assert.Single(graph.Server.Drafts).InternetMessageId);
        Assert.Empty((await h.RecordAsync("iv1")).Outbox.OfType<MirrorDraftEffect>());
    }

    [Fact]
    public async Task Transports_without_mailbox_drafts_never_queue_a_copy()
    {
        await using var h = await CreateAsync(azurite);
        await CreateThankYouAsync(h, h.NewFileOutbox());

        var history = await h.Store.GetHistoryAsync(UserId, "iv1", default);
        Assert.NotEmpty(history);
        Assert.Empty((await h.RecordAsync("iv1")).Outbox);
    }

    private static async Task<Draft> CreateThankYouAsync(WorkflowHarness h, IMailTransport transport)
    {
        var (engine, _) = h.NewEngine(transport);
        var created = await engine.ApplyAsync(UserId, "iv1", new ConfirmationReceived("iv1", Details(h.Time.GetUtcNow().AddHours(-3), Ana)), null, default);
        return created.State!.Drafts.Single(d => d.Kind == DraftKind.ThankYou);
    }
}
