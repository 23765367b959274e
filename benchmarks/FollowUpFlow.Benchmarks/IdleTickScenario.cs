using System.Diagnostics;
using System.Text;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Workflow.Scheduling;
using static FollowUpFlow.Benchmarks.Markdown;

namespace FollowUpFlow.Benchmarks;

/// <summary>
/// The scheduler's tick at scale: many stored interviews whose timers are all in the future, then a tick with nothing
/// due (the due index answers with one range query), then a tick with exactly <see cref="DueCount"/> interviews due, to
/// show that a tick costs in proportion to what is due, not to what is stored.
/// </summary>
public static class IdleTickScenario
{
    public const int DueCount = 10;

    public static readonly DateTimeOffset Start = new(2026, 12, 8, 12, 0, 0, TimeSpan.Zero);

    private static readonly Person Ana = new("Ana Silva", "ana@contoso.example");
    private static readonly Person Riley = new("Riley Recruiter", "riley@contoso.example");

    /// <summary>The default timeline: reflection prompt at end + 30 min, thank-yous at end + 1 h, check-in at end + 7 days.</summary>
    public static WorkflowSettings Settings => new()
    {
        Candidate = new CandidateProfile("Alex Morgan", "alex@example.com", "Alex", "Europe/London"),
    };

    /// <param name="graph">Send through the Graph transport on the local fake Graph instead of the file outbox.</param>
    public static async Task<string> RunAsync(string connectionString, int interviews, int parallelism, bool graph = false)
    {
        await using var env = await BenchEnvironment.CreateAsync(connectionString, Settings, Start, graph);
        var engine = env.Engine;
        var t0 = env.Time.GetUtcNow();

        // Seed: interviews 30+ days ahead, so every timer is weeks away.
        var seeding = Stopwatch.StartNew();
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, interviews), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, ct) =>
        {
            var id = Inv($"bulk-{i:D5}");
            var start = t0.AddDays(30).AddMinutes(i);
            var result = await engine.ApplyAsync(BenchEnvironment.UserId, id, new ConfirmationReceived(id, Details(start)), null, ct);
            Expect(result.Kind == DecisionKind.Applied, $"creating {id}: {result.Kind} ({result.Reason})");
            var n = Interlocked.Increment(ref done);
            if (n % 1000 == 0)
            {
                await Console.Error.WriteLineAsync(Inv($"  seeded {n:N0} / {interviews:N0} ({seeding.Elapsed.TotalSeconds:F0} s)"));
            }
        });
        seeding.Stop();
        var seed = env.Take();

        // The ones that come due first: they start tomorrow, so their reflection prompt (end + 30 min) is due first.
        for (var i = 0; i < DueCount; i++)
        {
            var id = Inv($"soon-{i:D2}");
            var result = await engine.ApplyAsync(BenchEnvironment.UserId, id, new ConfirmationReceived(id, Details(t0.AddDays(1).AddMinutes(i))), null, default);
            Expect(result.Kind == DecisionKind.Applied, $"creating {id}: {result.Kind} ({result.Reason})");
        }

        var soon = env.Take();
        var dueRows = await env.DueRowCountAsync();

        // Nothing due.
        var clock = Stopwatch.StartNew();
        var idle = await env.Scheduler.TickAsync(default);
        var idleTime = clock.Elapsed;
        var idleSample = env.Take();
        Expect(idle.Due == 0, $"the idle tick found {idle.Due} due items");

        // Exactly the soon-* reflection prompts due: end (t0 + 1 d 1 h + i min) + 30 min <= now < thank-you (end + 1 h).
        env.Time.SetUtcNow(t0.AddDays(1).AddHours(1).AddMinutes(45));
        var filesBefore = env.SentCount();
        env.Graph?.Take();
        env.Log.Tracing = true;
        clock.Restart();
        var busy = await env.Scheduler.TickAsync(default);
        var busyTime = clock.Elapsed;
        env.Log.Tracing = false;
        var trace = env.Log.Trace;
        var busySample = env.Take();
        var files = env.SentCount() - filesBefore;
        var graphRequests = env.Graph?.Take();
        Expect(busy.Due == DueCount && busy.Failed == 0, $"the tick found {busy.Due} due items ({busy.Failed} failed), expected {DueCount}");
        for (var i = 0; i < DueCount; i++)
        {
            var record = await env.RecordAsync(Inv($"soon-{i:D2}"));
            Expect(record.State.Timers.All(t => t.Kind != TimerKind.ReflectionPrompt), $"soon-{i:D2} still waits for its reflection prompt");
            Expect(record.Outbox.IsEmpty, $"soon-{i:D2} has effects left in its outbox");
        }

        clock.Restart();
        var after = await env.Scheduler.TickAsync(default);
        var afterTime = clock.Elapsed;
        var afterSample = env.Take();
        Expect(after.Due == 0, $"the tick after found {after.Due} due items");
        var dueRowsAfter = await env.DueRowCountAsync();
        if (env.Graph is { } mailbox)
        {
            Expect(mailbox.Server.Violations.Count == 0, "the fake Graph saw requests Graph would refuse: " + string.Join("; ", mailbox.Server.Violations));
            Expect(mailbox.Server.SentCount == files && mailbox.Server.Drafts.Count == 0, $"expected {files} messages sent once each and no draft left, found {mailbox.Server.SentCount} sends and {mailbox.Server.Drafts.Count} drafts");
        }

        var text = Render(interviews, parallelism, seeding.Elapsed, seed, soon, dueRows, dueRowsAfter, (idleSample, idleTime), (busySample, busyTime), busy, files, env.Graph is null ? ".eml files written" : "messages sent through Graph", (afterSample, afterTime), trace);
        if (graphRequests is not null)
        {
            text += Inv($"\nGraph requests of the tick with {DueCount} due: {graphRequests.Count} (") +
                string.Join(", ", graphRequests.GroupBy(GraphBenchMailbox.RouteName).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => Inv($"{g.Count()} {g.Key}"))) +
                Inv($"); per due item `{string.Join(" ", graphRequests.Take(graphRequests.Count / Math.Max(1, busy.Due)).Select(GraphBenchMailbox.Label))}`.\n");
        }

        return text;
    }

    private static string Render(
        int interviews,
        int parallelism,
        TimeSpan seeding,
        RequestSample seed,
        RequestSample soon,
        int dueRows,
        int dueRowsAfter,
        (RequestSample Sample, TimeSpan Time) idleTick,
        (RequestSample Sample, TimeSpan Time) busyTick,
        TickResult busyResult,
        int files,
        string sentWhat,
        (RequestSample Sample, TimeSpan Time) afterTick,
        IReadOnlyList<string> trace)
    {
        var stored = interviews + DueCount;
        var text = new StringBuilder();
        text.Append(Inv($"## Scheduler tick with {stored:N0} stored interviews\n\n"));
        text.Append(Inv($"Seeding {interviews:N0} interviews through the engine, {parallelism} at a time: {seeding.TotalSeconds:F1} s "));
        text.Append(Inv($"({interviews / seeding.TotalSeconds:F0} interviews/s), {seed.Total:N0} requests ({(double)seed.Total / interviews:F2} per interview: "));
        text.Append(string.Join(", ", seed.ByKind.OrderByDescending(k => k.Value).Select(k => Inv($"{k.Value:N0} {k.Key}"))));
        text.Append(Inv($"). Then {DueCount} interviews that come due first: {soon.Total} requests. Due rows stored: {dueRows:N0}.\n\n"));

        var rows = new List<IReadOnlyList<string>>
        {
            TickRow("Idle tick: nothing due", 0, idleTick, "≤ 2", idleTick.Sample.Total <= 2),
            TickRow(Inv($"Tick with {DueCount} due (reflection prompts)"), busyResult.Due, busyTick, "∝ due items", null),
            TickRow("Next tick: nothing due", 0, afterTick, "≤ 2", afterTick.Sample.Total <= 2),
        };
        text.Append(Table(
            ["Tick", "Due items", "Requests", "Per due item", "GET", "POST", "DELETE", "Wall time (Azurite)", "Target", "Result"],
            rows,
            new HashSet<int> { 1, 2, 3, 4, 5, 6, 7 }));

        var busy = busyTick.Sample;
        text.Append(Inv($"\nThe tick with {DueCount} due, by kind: "));
        text.Append(string.Join(", ", busy.ByKind.OrderByDescending(k => k.Value).ThenBy(k => k.Key, StringComparer.Ordinal).Select(k => Inv($"{k.Value} {k.Key}"))));
        text.Append(Inv($"; interviews $batch entity ops: {busy.InterviewBatchActions}, due rows upserted: {busy.DueBatchActions}; {files} {sentWhat}. "));
        text.Append(Inv($"Due rows after: {dueRowsAfter:N0} (was {dueRows:N0}). "));
        text.Append(Inv($"Retried attempts: {seed.Retries + soon.Retries + idleTick.Sample.Retries + busy.Retries + afterTick.Sample.Retries}.\n"));
        var perItem = (trace.Count - 1) / Math.Max(1, busyResult.Due);
        text.Append(Inv($"\nIts requests in order (the range query, then the first due item; the other {busyResult.Due - 1} repeat it): "));
        text.Append(Inv($"`{string.Join(" ", trace.Take(1 + perItem))}`\n"));
        return text.ToString();
    }

    private static List<string> TickRow(string name, int due, (RequestSample Sample, TimeSpan Time) tick, string target, bool? pass) =>
    [
        name,
        N(due),
        N(tick.Sample.Total),
        due == 0 ? "-" : F((double)tick.Sample.Total / due, "F1"),
        N(tick.Sample.Method("GET")),
        N(tick.Sample.Method("POST")),
        N(tick.Sample.Method("DELETE")),
        Inv($"{tick.Time.TotalMilliseconds:F0} ms"),
        target,
        pass switch { true => "pass", false => "**FAIL**", null => "-" },
    ];

    private static InterviewDetails Details(DateTimeOffset start) =>
        new("Contoso", "Senior Engineer", start, start.AddHours(1), "Europe/London", [Ana], Riley);

    private static void Expect(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Scheduler tick: " + message);
        }
    }
}
