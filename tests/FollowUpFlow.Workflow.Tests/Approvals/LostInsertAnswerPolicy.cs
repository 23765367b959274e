using Azure.Core;
using Azure.Core.Pipeline;

namespace FollowUpFlow.Workflow.Tests.Approvals;

/// <summary>
/// Lets the next entity insert reach storage and then loses its answer, as a network timeout would: the pipeline's
/// retry policy sends the same insert again, which now conflicts with its own first try.
/// </summary>
public sealed class LostInsertAnswerPolicy : HttpPipelinePolicy
{
    private int _armed;

    public void LoseNextInsertAnswer() => Interlocked.Exchange(ref _armed, 1);

    public int Lost { get; private set; }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        if (message.Request.Method == RequestMethod.Post && !message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal)
            && message.Response.Status == 204 && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            Lost++;
            throw new IOException("Simulated lost answer: the insert was applied but its response never arrived.");
        }
    }
}
