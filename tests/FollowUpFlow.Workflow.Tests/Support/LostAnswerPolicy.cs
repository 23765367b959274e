using Azure.Core;
using Azure.Core.Pipeline;

namespace FollowUpFlow.Workflow.Tests.Support;

/// <summary>
/// Lets one write reach storage and then loses its answer, as a network timeout would: the pipeline's retry policy
/// sends the same write again, which now conflicts with its own first try. Armed for the next entity-group
/// transaction or the next single entity insert.
/// </summary>
public sealed class LostAnswerPolicy : HttpPipelinePolicy
{
    private const int Off = 0;
    private const int NextBatch = 1;
    private const int NextInsert = 2;

    private int _armed;

    /// <summary>The next batch's answer is lost.</summary>
    public void LoseNextBatchAnswer() => Interlocked.Exchange(ref _armed, NextBatch);

    /// <summary>The next single insert's answer is lost.</summary>
    public void LoseNextInsertAnswer() => Interlocked.Exchange(ref _armed, NextInsert);

    public int Lost { get; private set; }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        var isBatch = message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal);
        var wanted = isBatch ? NextBatch : message.Request.Method == RequestMethod.Post && message.Response.Status == 204 ? NextInsert : Off;
        if (wanted != Off && Interlocked.CompareExchange(ref _armed, Off, wanted) == wanted)
        {
            Lost++;
            throw new IOException("Simulated lost answer: the write was applied but its response never arrived.");
        }
    }
}
