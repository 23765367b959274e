using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Testing;
using FollowUpFlow.Workflow.Persistence;
using FollowUpFlow.Workflow.Tests.Support;
using static FollowUpFlow.Workflow.Tests.Support.WorkflowHarness;

namespace FollowUpFlow.Workflow.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class WorkflowEngineTests(AzuriteFixture azurite)
{
    private static readonly Person Ana = new("Ana Silva", "ana@contoso.example");
    private static readonly Person Ben = new("Ben Okafor", "ben@contoso.example");
    private static readonly Person NoAddress = new("Chris Unlisted", null);

    [Fact]
    public async Task Happy_path_runs_end_to_end_on_table_storage()
    {
        await using var h = await CreateAsync(azurite);
        var (engine, _) = h.NewEngine();

        // The interview ended two hours ago and the thank-you delay is zero: drafts exist as soon as it is stored.
        var created = await engine.ApplyAsync(UserId, "iv1", new ConfirmationReceived("iv1", Details(h.Time.GetUtcNow().AddHours(-3), Ana, Ben, NoAddress)), null, default);
        Assert.Equal(DecisionKind.Applied, created.Kind);
        var thankYous = created.State!.Drafts.Where(d => d.Kind == DraftKind.ThankYou).ToList();
        Assert.Equal(["ana@contoso.example", "ben@contoso.example"], thankYous.Select(d => d.To.Email).Order());
        Assert.All(thankYous, d => Assert.Equal(DraftStatus.Pending, d.Status));
        Assert.Equal(2, (await h.DraftsAsync(DraftStatus.Pending)).Count);
        Assert.DoesNotContain(h.SentFiles(), f => File.ReadAllText(f).Contains("X-FollowUpFlow-Draft-Id", StringComparison.Ordinal));

        var toAna = thankYous.Single(d => d.To == Ana);
        var approved = await engine.ApplyAsync(UserId, "iv1", new DraftApproved(toAna.Id, null, "Thank you, Ana - edited by hand."), null, default);
        Assert.Equal(DraftStatus.Sent, approved.State!.FindDraft(toAna.Id)!.Status);
        Assert.Equal(1, h.FilesForDraft(toAna.Id));
        Assert.Contains(h.SentFiles(), f => File.ReadAllText(f).Contains("Thank you, Ana - edited by hand.", StringComparison.Ordinal));

        var rejected = await engine.ApplyAsync(UserId, "iv1", new OutcomeRecorded(Outcome.Rejected, new SuccessfulCandidate("Sam Lee", null, null)), null, default);
        Assert.Equal(InterviewPhase.Rejected, rejected.State!.Phase);
        var feedbackRequest = rejected.State.Drafts.Single(d => d.Kind == DraftKind.FeedbackRequest);
        Assert.Equal(DraftStatus.Withdrawn, rejected.State.Drafts.Single(d => d.To == Ben).Status);
        var research = Assert.Single(await h.Queue.PeekMessagesAsync(10));
        var reference = System.Text.Json.JsonSerializer.Deserialize<FollowUpFlow.Workflow.Effects.ResearchTaskReference>(research.Text, WorkflowJson.Options)!;
        Assert.Equal("Sam Lee", (await h.Store.GetResearchTaskAsync(UserId, reference.TaskId, default))!.SuccessfulCandidate!.Name);

        var sent = await engine.ApplyAsync(UserId, "iv1", new DraftApproved(feedbackRequest.Id), null, default);
        Assert.Equal(InterviewPhase.AwaitingFeedback, sent.State!.Phase);
        Assert.Contains(sent.State.Timers, t => t.Kind == TimerKind.FeedbackNudge);
        Assert.Equal(1, h.FilesForDraft(feedbackRequest.Id));

        var reply = new StoredReply("r1", "iv1", "riley@contoso.example", "Re: feedback", "You were strong on design; practise estimation.", h.Time.GetUtcNow());
        var replied = await engine.ApplyAsync(UserId, "iv1", new ReplyReceived("r1", reply.From, reply.Subject, reply.ReceivedAt), reply, default);
        Assert.Equal(InterviewPhase.Closed, replied.State!.Phase);
        Assert.Equal(CloseReason.FeedbackReceived, replied.State.CloseReason);
        Assert.Empty(replied.State.Timers);

        var stored = await h.Store.GetRepliesAsync(UserId, "iv1", default);
        Assert.Equal(reply.Body, Assert.Single(stored).Body);
        var history = await h.Store.GetHistoryAsync(UserId, "iv1", default);
        Assert.Equal(Enumerable.Range(1, history.Count), history.Select(e => e.Sequence));
        Assert.Contains(history, e => e.Event is ConfirmationReceived);
        Assert.Contains(history, e => e.Event is OutcomeRecorded);
        Assert.Contains(history, e => e.Event is ReplyReceived);
        Assert.Equal(2, history.Count(e => e.Event is SendSucceeded));
        Assert.Equal(0, await h.DueRowCountAsync());
    }

    [Fact]
    public async Task Refused_events_write_nothing()
    {
        await using var h = await CreateAsync(azurite);
        var (engine, _) = h.NewEngine();
        await engine.ApplyAsync(UserId, "iv1", new ConfirmationReceived("iv1", Details(h.Time.GetUtcNow().AddDays(1), Ana)), null, default);
        var before = await h.RecordAsync("iv1");

        var refused = await engine.ApplyAsync(UserId, "iv1", new DraftApproved("iv1-d99"), null, default);
        var missing = await engine.ApplyAsync(UserId, "nope", new OutcomeRecorded(Outcome.Offer), null, default);

        Assert.Equal(DecisionKind.Refused, refused.Kind);
        Assert.False(string.IsNullOrWhiteSpace(refused.Reason));
        Assert.Equal(DecisionKind.Refused, missing.Kind);
        Assert.Null(missing.State);
        Assert.Equal(before.ETag, (await h.RecordAsync("iv1")).ETag);
    }

    [Fact]
    public async Task A_second_confirmation_with_the_same_id_is_refused()
    {
        await using var h = await CreateAsync(azurite);
        var (engine, _) = h.NewEngine();
        var details = Details(h.Time.GetUtcNow().AddDays(1), Ana);
        await engine.ApplyAsync(UserId, "iv1", new ConfirmationReceived("iv1", details), null, default);

        var again = await engine.ApplyAsync(UserId, "iv1", new ConfirmationReceived("iv1", details), null, default);

        Assert.Equal(DecisionKind.Refused, again.Kind);
        Assert.Single(await h.Store.GetHistoryAsync(UserId, "iv1", default));
    }

    [Fact]
    public async Task Timers_fire_from_the_scheduler_when_they_come_due()
    {
        await using var h = await CreateAsync(azurite);
        var (engine, scheduler) = h.NewEngine();
        await engine.ApplyAsync(UserId, "iv1", new ConfirmationReceived("iv1", Details(h.Time.GetUtcNow().AddHours(2), Ana)), null, default);
        Assert.Equal(0, (await scheduler.TickAsync(default)).Due);

        h.Time.Advance(TimeSpan.FromHours(3.6));
        var tick = await scheduler.TickAsync(default);

        Assert.True(tick.Due >= 2, $"expected the reflection and thank-you timers, got {tick.Due}");
        var record = await h.RecordAsync("iv1");
        Assert.Equal(InterviewPhase.AwaitingOutcome, record.State.Phase);
        Assert.Single(record.State.Drafts, d => d.Kind == DraftKind.ThankYou);
        Assert.Empty(record.Outbox);
        Assert.Equal(0, (await scheduler.TickAsync(default)).Due);
    }

    [Fact]
    public async Task A_long_reply_is_stored_whole()
    {
        await using var h = await CreateAsync(azurite);
        var (engine, _) = h.NewEngine();
        await engine.ApplyAsync(UserId, "iv1", new ConfirmationReceived("iv1", Details(h.Time.GetUtcNow().AddDays(-1), Ana)), null, default);
        var body = string.Concat(Enumerable.Repeat("Feedback paragraph with ünïcödé and 🙂 emoji. ", 5_000));

        var reply = new StoredReply("r1", "iv1", "ana@contoso.example", "Re: thanks", body, h.Time.GetUtcNow());
        await engine.ApplyAsync(UserId, "iv1", new ReplyReceived("r1", reply.From, reply.Subject, reply.ReceivedAt), reply, default);

        Assert.Equal(body, Assert.Single(await h.Store.GetRepliesAsync(UserId, "iv1", default)).Body);
    }
}
