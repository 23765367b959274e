using System.Collections.Concurrent;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FollowUpFlow.Benchmarks;

/// <summary>
/// Sits next to the <see cref="FollowUpFlow.Storage.RequestCountingPolicy"/> (also at PerRetry) and sorts each request
/// sent into what it is for: a point read of an interview, the due-index range query, an atomic $batch on the
/// interviews table (with its action count), a due-index $batch, a due-row delete, a queue message. The counting
/// policy gives the totals; this one explains them.
/// </summary>
public sealed class RequestLog(string interviewsTable, string dueTable, string queueName) : HttpPipelineSynchronousPolicy
{
    public const string ReadInterview = "GET interview row";
    public const string QueryDue = "GET due-index range query";
    public const string QueryInterviews = "GET interviews-table query";
    public const string BatchInterviews = "POST $batch interviews table";
    public const string BatchDue = "POST $batch due index";
    public const string DeleteDue = "DELETE due row";
    public const string QueueMessage = "POST research-queue message";
    public const string WriteInterviewsRow = "PUT interviews-table row (outside a $batch)";

    private const string KindProperty = "FollowUpFlow.Benchmarks.Kind";

    private readonly ConcurrentDictionary<string, long> _byKind = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _trace = new();
    private long _interviewActions;
    private long _dueActions;

    /// <summary>Requests by kind (the constants above, or "METHOD path" for anything else).</summary>
    public IReadOnlyDictionary<string, long> ByKind => new Dictionary<string, long>(_byKind, StringComparer.Ordinal);

    /// <summary>Entity operations inside the interviews-table batches (state row, history event, drafts, reply).</summary>
    public long InterviewBatchActions => Interlocked.Read(ref _interviewActions);

    /// <summary>Due rows upserted inside due-index batches.</summary>
    public long DueBatchActions => Interlocked.Read(ref _dueActions);

    /// <summary>When set, each response is also recorded in order, with a short label (see <see cref="Trace"/>).</summary>
    public bool Tracing { get; set; }

    /// <summary>
    /// The requests in the order their responses came (only while <see cref="Tracing"/>): "read" (interview row),
    /// "save[n]" (interviews $batch of n entity ops), "due+n" (due $batch of n rows), "due-1" (due-row delete),
    /// "tick" (due range query), "queue" (research message), "put" (a single interviews-table row, e.g. a research task); a status other than 2xx is appended, e.g. "read 404".
    /// </summary>
    public IReadOnlyList<string> Trace => [.. _trace];

    public long Of(string kind) => _byKind.TryGetValue(kind, out var n) ? n : 0;

    public void Reset()
    {
        _byKind.Clear();
        _trace.Clear();
        Interlocked.Exchange(ref _interviewActions, 0);
        Interlocked.Exchange(ref _dueActions, 0);
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        var (kind, label) = Classify(message.Request);
        _byKind.AddOrUpdate(kind, 1, static (_, n) => n + 1);
        message.SetProperty(KindProperty, label);
    }

    public override void OnReceivedResponse(HttpMessage message)
    {
        if (Tracing && message.TryGetProperty(KindProperty, out var label) && label is string text)
        {
            var status = message.Response.Status;
            _trace.Enqueue(status is >= 200 and < 300 ? text : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{text} {status}"));
        }
    }

    private (string Kind, string Label) Classify(Request request)
    {
        var method = request.Method.Method;
        var path = Uri.UnescapeDataString(request.Uri.ToUri().AbsolutePath);
        var resource = path[(path.IndexOf('/', 1) + 1)..]; // after "/{account}/"

        if (resource.StartsWith(queueName + "/", StringComparison.Ordinal) && method == "POST")
        {
            return (QueueMessage, "queue");
        }

        if (resource == "$batch" && method == "POST")
        {
            var body = ReadBody(request);
            var actions = CountOccurrences(body, "Content-Type: application/http");
            if (body.Contains("/" + dueTable, StringComparison.Ordinal))
            {
                Interlocked.Add(ref _dueActions, actions);
                return (BatchDue, Label($"due+{actions}"));
            }

            if (body.Contains("/" + interviewsTable, StringComparison.Ordinal))
            {
                Interlocked.Add(ref _interviewActions, actions);
                return (BatchInterviews, Label($"save[{actions}]"));
            }
        }

        if (resource.StartsWith(dueTable + "(", StringComparison.Ordinal))
        {
            return method switch
            {
                "DELETE" => (DeleteDue, "due-1"),
                "GET" => (QueryDue, "tick"),
                _ => Other(method, resource),
            };
        }

        if (resource.StartsWith(interviewsTable + "(", StringComparison.Ordinal))
        {
            return method switch
            {
                "GET" when resource.StartsWith(interviewsTable + "()", StringComparison.Ordinal) => (QueryInterviews, "query"),
                "GET" => (ReadInterview, "read"),
                "PUT" or "MERGE" => (WriteInterviewsRow, "put"),
                _ => Other(method, resource),
            };
        }

        return Other(method, resource);
    }

    private static (string Kind, string Label) Other(string method, string resource) => ($"{method} {resource}", $"{method} {resource}");

    private static string Label(FormattableString text) => FormattableString.Invariant(text);

    private static string ReadBody(Request request)
    {
        if (request.Content is null)
        {
            return "";
        }

        using var stream = new MemoryStream();
        request.Content.WriteTo(stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
