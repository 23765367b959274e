using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Testing.Fakes;
using FollowUpFlow.Workflow;
using FollowUpFlow.Workflow.Effects;
using FollowUpFlow.Workflow.Persistence;
using static FollowUpFlow.Benchmarks.Markdown;

namespace FollowUpFlow.Benchmarks;

/// <summary>
/// One complete happy-path interview, step by step, through the real engine, as in the README's walk-through: the
/// confirmation (the interview ended an hour ago and the thank-you delay is zero, so its timers fire at once), approving one thank-you with an edited
/// body, recording a rejection (which withdraws the other thank-you and queues research), approving the feedback
/// request, and the recruiter's reply, which closes the interview. With <c>--graph</c> the same through the Graph transport
/// on the local fake Graph, where each waiting draft also has a copy in the mailbox's Drafts folder.
/// </summary>
public static class HappyPathScenario
{
    /// <summary>Midday in Europe/London (GMT in December): no night-time deferral of the feedback request.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 8, 12, 0, 0, TimeSpan.Zero);

    private const string InterviewId = "iv-happy";

    private static readonly Person Ana = new("Ana Silva", "ana@contoso.example");
    private static readonly Person Ben = new("Ben Okafor", "ben@contoso.example");
    private static readonly Person Riley = new("Riley Recruiter", "riley@contoso.example");

    public static WorkflowSettings Settings => new()
    {
        Candidate = new CandidateProfile("Alex Morgan", "alex@example.com", "Alex", "Europe/London"),
        ThankYouDelay = TimeSpan.Zero,
    };

    /// <param name="graph">Send through the Graph transport on the local fake Graph instead of the file outbox.</param>
    public static async Task<string> RunAsync(string connectionString, bool graph = false)
    {
        await using var env = await BenchEnvironment.CreateAsync(connectionString, Settings, Start, graph);
        var engine = env.Engine;
        var steps = new List<StepResult>();
        var historySeen = 0;
        var sentSeen = new HashSet<string>(StringComparer.Ordinal);
        env.Log.Tracing = true;
        env.Graph?.Take();

        async Task<WorkflowResult> Step(string name, Func<Task<WorkflowResult>> action)
        {
            var result = await action();
            var trace = env.Log.Trace;
            var sample = env.Take();
            var graphRequests = env.Graph?.Take() ?? [];
            Expect(result.Kind == DecisionKind.Applied, $"{name}: expected Applied, got {result.Kind} ({result.Reason})");
            var history = await env.ProbeStore.GetHistoryAsync(BenchEnvironment.UserId, InterviewId, CancellationToken.None);
            var added = history.Where(h => h.Sequence > historySeen).ToList();
            historySeen = history.Count;
            var newMessages = env.SentMessages().Where(m => sentSeen.Add(m.Key)).ToList();
            steps.Add(new StepResult(name, sample, added, newMessages.Count, trace, newMessages.Select(m => m.Subject).ToList(), graphRequests));
            env.Time.Advance(TimeSpan.FromMinutes(10));
            return result;
        }

        var now = env.Time.GetUtcNow();
        var details = new InterviewDetails("Contoso", "Senior Engineer", now.AddHours(-2), now.AddHours(-1), "Europe/London", [Ana, Ben], Riley);
        var created = await Step("1. Confirmation (create)", () =>
            engine.ApplyAsync(BenchEnvironment.UserId, InterviewId, new ConfirmationReceived(InterviewId, details), null, default));
        var thankYous = created.State!.Drafts.Where(d => d.Kind == DraftKind.ThankYou).ToList();
        Expect(thankYous.Count == 2 && thankYous.All(d => d.Status == DraftStatus.Pending), "expected two pending thank-you drafts after the confirmation");

        var toAna = thankYous.Single(d => d.To == Ana);
        var approved = await Step("2. Approve thank-you (edited)", () =>
            engine.ApplyAsync(BenchEnvironment.UserId, InterviewId, new DraftApproved(toAna.Id, null, "Thank you, Ana - edited by hand."), null, default));
        Expect(approved.State!.FindDraft(toAna.Id)!.Status == DraftStatus.Sent, "the approved thank-you was not sent");

        var rejected = await Step("3. Outcome: rejected", () =>
            engine.ApplyAsync(BenchEnvironment.UserId, InterviewId, new OutcomeRecorded(Outcome.Rejected, new SuccessfulCandidate("Sam Lee", "https://example.com/sam-lee", null)), null, default));
        Expect(rejected.State!.Phase == InterviewPhase.Rejected, "the interview is not rejected");
        Expect(rejected.State.Drafts.Single(d => d.To == Ben && d.Kind == DraftKind.ThankYou).Status == DraftStatus.Withdrawn, "Ben's thank-you was not withdrawn");
        var feedbackRequest = rejected.State.Drafts.Single(d => d.Kind == DraftKind.FeedbackRequest);

        var sent = await Step("4. Approve feedback request", () =>
            engine.ApplyAsync(BenchEnvironment.UserId, InterviewId, new DraftApproved(feedbackRequest.Id), null, default));
        Expect(sent.State!.Phase == InterviewPhase.AwaitingFeedback, "the feedback request was not sent");

        var reply = new StoredReply("r1", InterviewId, Riley.Email!, "Re: feedback", "You were strong on design; practise estimation.", env.Time.GetUtcNow());
        var closed = await Step("5. Reply received (closes)", () =>
            engine.ApplyAsync(BenchEnvironment.UserId, InterviewId, new ReplyReceived(reply.Id, reply.From, reply.Subject, reply.ReceivedAt), reply, default));
        Expect(closed.State!.Phase == InterviewPhase.Closed && closed.State.CloseReason == CloseReason.FeedbackReceived, "the reply did not close the interview");
        Expect(closed.State.Timers.IsEmpty, "timers are left after the close");

        var dueRows = await env.DueRowCountAsync();
        Expect(dueRows == 0, $"{dueRows} due rows are left after the close");
        var research = await env.ProbeQueue.PeekMessagesAsync(10);
        Expect(research.Count == 1, $"expected one research task, found {research.Count}");

        var after = Inv($"\nAfter the close: {dueRows} due rows left, {research.Count} research task queued, ");
        if (env.Graph is { } mailbox)
        {
            after += CheckGraph(mailbox.Server, closed.State, [toAna.Id, feedbackRequest.Id]);
        }
        else
        {
            after += Inv($"{env.SentCount()} .eml files in the outbox. ");
        }

        return Render(steps, env.SentLabel, env.Graph is not null, after);
    }

    /// <summary>
    /// The mailbox after the close: each approved draft sent exactly once and every message once, no copy sent, every
    /// draft's copy deleted, nothing left in Drafts, and no request Graph would have refused.
    /// </summary>
    private static string CheckGraph(FakeGraphServer server, InterviewState state, IReadOnlyList<string> approved)
    {
        Expect(server.Violations.Count == 0, "the fake Graph saw requests Graph would refuse: " + string.Join("; ", server.Violations));
        foreach (var draftId in approved)
        {
            var messageId = state.FindDraft(draftId)?.MessageId;
            Expect(messageId is not null && server.SentCountFor(messageId) == 1, $"draft {draftId} was sent {(messageId is null ? 0 : server.SentCountFor(messageId))} times through Graph, expected once");
        }

        var sentItems = server.SentItems;
        Expect(server.SentCount == sentItems.Count && sentItems.All(m => server.SentCountFor(m.InternetMessageId) == 1), "a message was sent through Graph more than once");
        var drafts = server.Drafts;
        Expect(drafts.Count == 0, $"{drafts.Count} drafts are left in the mailbox's Drafts folder after the close");
        var deleted = server.Deleted;
        Expect(deleted.Count == state.Drafts.Length, $"{deleted.Count} messages were deleted in the mailbox, expected the {state.Drafts.Length} drafts' copies");
        foreach (var draft in state.Drafts)
        {
            var copyId = DraftMirroring.CopyMessageId(draft, Settings);
            Expect(server.SentCountFor(copyId) == 0, $"the mailbox copy of draft {draft.Id} was sent");
            Expect(deleted.Count(m => m.InternetMessageId == copyId && m.IsDraft) == 1, $"the mailbox copy of draft {draft.Id} was not deleted exactly once");
        }

        return Inv($"{sentItems.Count} messages in the fake Graph's Sent Items (each sent once), {drafts.Count} in Drafts, ") +
            Inv($"{deleted.Count} messages deleted (the copies of the {state.Drafts.Length} drafts), {server.Violations.Count} requests Graph would refuse. ");
    }

    private static string Render(List<StepResult> steps, string sentLabel, bool graph, string after)
    {
        var methods = steps.SelectMany(s => s.Sample.ByMethod.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var headers = new List<string> { "Step", "Requests" };
        headers.AddRange(methods);
        headers.AddRange(["Interview reads", "Interviews $batch (entity ops)", "Due $batch (rows)", "Due-row DELETEs", "Single-row PUTs", "Queue POSTs", "History events", sentLabel]);
        if (graph)
        {
            headers.Add("Graph requests");
        }

        IReadOnlyList<string> Row(string name, IReadOnlyList<RequestSample> samples, int history, int files, int graphRequests)
        {
            long Sum(Func<RequestSample, long> f) => samples.Sum(f);
            var row = new List<string> { name, N(Sum(s => s.Total)) };
            row.AddRange(methods.Select(m => N(Sum(s => s.Method(m)))));
            row.Add(N(Sum(s => s.Kind(RequestLog.ReadInterview))));
            row.Add(Inv($"{Sum(s => s.Kind(RequestLog.BatchInterviews))} ({Sum(s => s.InterviewBatchActions)})"));
            row.Add(Inv($"{Sum(s => s.Kind(RequestLog.BatchDue))} ({Sum(s => s.DueBatchActions)})"));
            row.Add(N(Sum(s => s.Kind(RequestLog.DeleteDue))));
            row.Add(N(Sum(s => s.Kind(RequestLog.WriteInterviewsRow))));
            row.Add(N(Sum(s => s.Kind(RequestLog.QueueMessage))));
            row.Add(N(history));
            row.Add(N(files));
            if (graph)
            {
                row.Add(N(graphRequests));
            }

            return row;
        }

        var rows = steps.Select(s => Row(s.Name, [s.Sample], s.History.Count, s.Files, s.Graph.Count)).ToList();
        rows.Add(Row("**Total**", steps.Select(s => s.Sample).ToList(), steps.Sum(s => s.History.Count), steps.Sum(s => s.Files), steps.Sum(s => s.Graph.Count)));
        var right = Enumerable.Range(1, headers.Count - 1).ToHashSet();

        var other = steps.SelectMany(s => s.Sample.ByKind.Keys)
            .Where(k => k is not (RequestLog.ReadInterview or RequestLog.BatchInterviews or RequestLog.BatchDue or RequestLog.DeleteDue or RequestLog.WriteInterviewsRow or RequestLog.QueueMessage))
            .Distinct().ToList();

        var text = new System.Text.StringBuilder();
        text.Append(graph
            ? "## Happy path: one interview, confirmation to reply, through Graph (local fake)\n\n"
            : "## Happy path: one interview, confirmation to reply\n\n");
        text.Append(Table(headers, rows, right));
        if (other.Count > 0)
        {
            text.Append(Inv($"\nOther requests: {string.Join(", ", other)}\n"));
        }

        if (graph)
        {
            text.Append("\nGraph requests by route, as the fake Graph received them:\n\n");
            text.Append(GraphTable(steps));
        }

        text.Append("\nWhat each step did: its history events, the messages it wrote, and its requests in order ");
        text.Append("(read = interview row GET, save[n] = interviews-table $batch of n entity ops, due+n = due-index $batch of n rows, ");
        text.Append("due-1 = due-row DELETE, put = single interviews-table row PUT, queue = research-queue POST; a non-2xx status follows the label):\n\n");
        foreach (var step in steps)
        {
            text.Append(Inv($"- **{step.Name}**: events {string.Join(", ", step.History.Select(Describe))}"));
            text.Append(step.Subjects.Count == 0 ? "; no message" : Inv($"; messages: {string.Join("; ", step.Subjects.Select(s => '"' + s + '"'))}"));
            text.Append(Inv($"\n  `{string.Join(" ", step.Trace)}`\n"));
            if (graph)
            {
                text.Append(step.Graph.Count == 0 ? "  Graph: none\n" : Inv($"  Graph: `{string.Join(" ", step.Graph.Select(GraphBenchMailbox.Label))}`\n"));
            }
        }

        text.Append(after);
        text.Append(Inv($"Retried attempts among the counted requests: {steps.Sum(s => s.Sample.Retries)}.\n"));
        return text.ToString();
    }

    /// <summary>One row per step, one column per Graph route used, in the order of the fake's route list.</summary>
    private static string GraphTable(List<StepResult> steps)
    {
        var routes = steps.SelectMany(s => s.Graph).OrderBy(r => r.Route ?? (FakeGraphRoute)int.MaxValue).Select(GraphBenchMailbox.RouteName).Distinct().ToList();
        var headers = new List<string> { "Step", "Graph requests" };
        headers.AddRange(routes);

        IReadOnlyList<string> Row(string name, IReadOnlyList<FakeGraphRequest> requests)
        {
            var row = new List<string> { name, N(requests.Count) };
            row.AddRange(routes.Select(route => N(requests.Count(r => GraphBenchMailbox.RouteName(r) == route))));
            return row;
        }

        var rows = steps.Select(s => Row(s.Name, s.Graph)).ToList();
        rows.Add(Row("**Total**", steps.SelectMany(s => s.Graph).ToList()));
        return Table(headers, rows, Enumerable.Range(1, headers.Count - 1).ToHashSet());
    }

    private static string Describe(HistoryEntry entry)
    {
        var name = entry.Event switch
        {
            TimerFired fired => Inv($"TimerFired({fired.Kind})"),
            OutcomeRecorded outcome => Inv($"OutcomeRecorded({outcome.Outcome})"),
            { } e => e.GetType().Name,
        };
        return entry.Applied ? name : name + " (ignored)";
    }

    private static void Expect(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Happy path: " + message);
        }
    }

    private sealed record StepResult(
        string Name,
        RequestSample Sample,
        IReadOnlyList<HistoryEntry> History,
        int Files,
        IReadOnlyList<string> Trace,
        IReadOnlyList<string> Subjects,
        IReadOnlyList<FakeGraphRequest> Graph);
}
