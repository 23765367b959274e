using System.Text.Json;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Storage.Tables;
using FollowUpFlow.Testing;
using FollowUpFlow.Workflow.Effects;
using FollowUpFlow.Workflow.Persistence;
using FollowUpFlow.Workflow.Scheduling;
using FollowUpFlow.Workflow.Tests.Support;
using static FollowUpFlow.Workflow.Tests.Support.WorkflowHarness;

namespace FollowUpFlow.Workflow.Tests;

/// <summary>What happens when storage, the mailbox or the data misbehave.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RobustnessTests(AzuriteFixture azurite)
{
    private static readonly Person Ana = new("Ana Silva", "ana@contoso.example");

    [Fact]
    public async Task A_batch_whose_answer_was_lost_is_recognised_as_applied_not_as_a_conflict()
    {
        var faults = new LostAnswerPolicy();
        await using var h = await CreateAsync(azurite, faults: faults);
        var (engine, _) = h.NewEngine();

        faults.LoseNextBatchAnswer();
        var created = await engine.ApplyAsync(UserId, "iv1", new ConfirmationReceived("iv1", Details(h.Time.GetUtcNow().AddDays(1), Ana)), null, default);

        Assert.Equal(1, faults.Lost);
        Assert.Equal(DecisionKind.Applied, created.Kind);
        Assert.Single(await h.Store.GetHistoryAsync(UserId, "iv1", default));

        faults.LoseNextBatchAnswer();
        var cancelled = await engine.ApplyAsync(UserId, "iv1", new Cancelled("Position filled"), null, default);

        Assert.Equal(DecisionKind.Applied, cancelled.Kind);
        Assert.Equal(2, (await h.Store.GetHistoryAsync(UserId, "iv1", default)).Count);
    }

    [Fact]
    public async Task A_send_that_keeps_failing_is_reported_to_the_candidate_instead_of_retried_forever()
    {
        await using var h = await CreateAsync(azurite);
        var (setup, _) = h.NewEngine();
        var created = await setup.ApplyAsync(UserId, "iv1", new ConfirmationReceived("iv1", Details(h.Time.GetUtcNow().AddHours(-3), Ana)), null, default);
        var draft = created.State!.Drafts.Single(d => d.Kind == DraftKind.ThankYou);

        var unreachable = new FailingTransport();
        var (engine, scheduler) = h.NewEngine(unreachable);
        var approved = await engine.ApplyAsync(UserId, "iv1", new DraftApproved(draft.Id), null, default);
        Assert.Equal(DraftStatus.Sending, approved.State!.FindDraft(draft.Id)!.Status);
        for (var i = 0; i < 40 && (await h.RecordAsync("iv1")).State.FindDraft(draft.Id)!.Status == DraftStatus.Sending; i++)
        {
            h.Time.Advance(TimeSpan.FromHours(1.1));
            await scheduler.TickAsync(default);
        }

        var final = await h.RecordAsync("iv1");
        Assert.Equal(DraftStatus.Failed, final.State.FindDraft(draft.Id)!.Status);
        Assert.Contains("Gave up after", final.State.FindDraft(draft.Id)!.FailureReason, StringComparison.Ordinal);
        Assert.Equal(WorkflowEngine.MaxSendAttempts, unreachable.Tried.Count(id => id == approved.State.FindDraft(draft.Id)!.MessageId));
        Assert.DoesNotContain(final.Outbox, e => e is SendDraftEffect);
    }

    [Fact]
    public async Task A_due_row_that_keeps_failing_moves_back_and_does_not_block_the_rows_behind_it()
    {
        await using var h = await CreateAsync(azurite);
        var (engine, scheduler) = h.NewEngine();
        await engine.ApplyAsync(UserId, "good", new ConfirmationReceived("good", Details(h.Time.GetUtcNow().AddHours(1), Ana)), null, default);
        await engine.ApplyAsync(UserId, "bad", new ConfirmationReceived("bad", Details(h.Time.GetUtcNow().AddMinutes(30), Ana)), null, default);

        // The "bad" interview's stored state is damaged: reading it throws every time.
        var row = await h.Interviews.GetEntityAsync(UserId, RowKeys.Interview("bad"));
        row["State"] = "{ this is not json";
        await h.Interviews.UpsertEntityAsync(row, TableUpdateMode.Replace);

        h.Time.Advance(TimeSpan.FromHours(3));
        var first = await scheduler.TickAsync(default);
        var second = await scheduler.TickAsync(default);

        Assert.True(first.Failed > 0);
        Assert.Equal(0, second.Due);
        Assert.Equal(InterviewPhase.AwaitingOutcome, (await h.RecordAsync("good")).State.Phase);
        var postponed = await h.DueIndex.GetDueAsync(h.Time.GetUtcNow().AddDays(1), 100, default);
        Assert.All(postponed.Where(p => p.InterviewId == "bad"), p => Assert.Equal(1, p.Attempts));
        Assert.Contains(postponed, p => p.InterviewId == "bad");
    }

    [Fact]
    public async Task A_research_task_with_a_long_non_ascii_profile_is_stored_and_queued_by_reference()
    {
        await using var h = await CreateAsync(azurite);
        var (engine, _) = h.NewEngine();
        await engine.ApplyAsync(UserId, "iv1", new ConfirmationReceived("iv1", Details(h.Time.GetUtcNow().AddHours(-3), Ana)), null, default);
        var profile = string.Concat(Enumerable.Repeat("Développeuse expérimentée, spécialisée en systèmes distribués. ", 320));

        await engine.ApplyAsync(UserId, "iv1", new OutcomeRecorded(Outcome.Rejected, new SuccessfulCandidate("Zoë Müller", null, profile)), null, default);

        var message = Assert.Single(await h.Queue.PeekMessagesAsync(10));
        var reference = JsonSerializer.Deserialize<ResearchTaskReference>(message.Text, WorkflowJson.Options)!;
        var task = await h.Store.GetResearchTaskAsync(reference.UserId, reference.TaskId, default);
        Assert.Equal("iv1", reference.InterviewId);
        Assert.Equal(profile, task!.SuccessfulCandidate!.ProfileText);
        Assert.Empty((await h.RecordAsync("iv1")).Outbox.OfType<QueueResearchEffect>());
    }
}
