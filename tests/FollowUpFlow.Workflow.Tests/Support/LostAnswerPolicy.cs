using Azure.Core;
using Azure.Core.Pipeline;

namespace FollowUpFlow.Workflow.Tests.Support;

/// <summary>
/// Lets one entity-group transaction reach storage and then loses its answer, as a network timeout would: the
/// pipeline's retry policy sends the same batch again, which now conflicts with its own first try.
/// </summary>
public sealed class LostAnswerPolicy : HttpPipelinePolicy
{
    private int _armed;

    /// <summary>The next batch's answer is lost.</summary>
    public void LoseNextBatchAnswer() => Interlocked.Exchange(ref _armed, 1);

    public int Lost { get; private set; }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        if (message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal) && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            Lost++;
            throw new IOException("Simulated lost answer: the batch was applied but its response never arrived.");
        }
    }
}
