using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Workflow.Persistence;

namespace FollowUpFlow.Workflow.Tests.Support;

internal static class HarnessQueries
{
    public static async Task<InterviewRecord> RecordAsync(this WorkflowHarness harness, string interviewId) =>
        await harness.Store.GetAsync(WorkflowHarness.UserId, interviewId, CancellationToken.None)
        ?? throw new Xunit.Sdk.XunitException($"Interview {interviewId} is not stored.");

    public static async Task<List<DraftRecord>> DraftsAsync(this WorkflowHarness harness, DraftStatus? status)
    {
        var drafts = new List<DraftRecord>();
        await foreach (var draft in harness.Store.ListDraftsAsync(WorkflowHarness.UserId, status, CancellationToken.None))
        {
            drafts.Add(draft);
        }

        return drafts;
    }

    public static async Task<int> DueRowCountAsync(this WorkflowHarness harness)
    {
        var count = 0;
        await foreach (var _ in harness.Due.QueryAsync(null, cancellationToken: CancellationToken.None))
        {
            count++;
        }

        return count;
    }

    /// <summary>How many .eml files carry this draft's id: a sent draft must leave exactly one.</summary>
    public static int FilesForDraft(this WorkflowHarness harness, string draftId) =>
        harness.SentFiles().Count(f => File.ReadAllText(f).Contains($"X-FollowUpFlow-Draft-Id: {draftId}\r\n", StringComparison.Ordinal));

    public static IEnumerable<TimerFired> FiredTimers(this IEnumerable<HistoryEntry> history) =>
        history.Where(h => h.Applied).Select(h => h.Event).OfType<TimerFired>();
}
