using System.Text;
using System.Text.Json;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Inbound.Understanding;
using FollowUpFlow.Workflow.Persistence;

namespace FollowUpFlow.Workflow.Inbound;

/// <summary>
/// The candidate's answer to a payload the processor could not act on alone (or ignored, or failed on): create the
/// interview, apply the message to one, or dismiss it. The message's ids are then tied to the interview like any
/// routed message's, its deduplication row says what became of it, and its review row goes.
/// </summary>
public sealed class InboundReviews(InboundStore store, InboundIndex index, WorkflowEngine engine, TimeProvider time)
{
    private static readonly HashSet<string> Resolvable = [InboundStatus.NeedsReview, InboundStatus.Ignored, InboundStatus.Failed];

    public async Task<ResolutionResult> ResolveAsync(string userId, string payloadId, InboundResolution resolution, CancellationToken cancellationToken)
    {
        var payload = await store.GetPayloadAsync(userId, payloadId, cancellationToken);
        if (payload is null)
        {
            return new ResolutionResult(ResolutionStatus.PayloadNotFound, null, $"No inbound payload with id '{payloadId}' exists.");
        }

        if (!Resolvable.Contains(payload.Status))
        {
            return new ResolutionResult(ResolutionStatus.NotReviewable, payload.InterviewId,
                $"Payload {payloadId} is {payload.Status}; only payloads that need review, were ignored or failed can be resolved.");
        }

        switch (resolution)
        {
            case DismissResolution:
                return await FinishAsync(userId, payload, ResolutionStatus.Dismissed, null, "Dismissed by the candidate.", cancellationToken);
            case CreateInterviewResolution create:
                var newId = InboundKeys.InterviewFor(payload.DedupeKey ?? InboundKeys.Sha256Hex(Encoding.UTF8.GetBytes(payloadId)));
                return await ApplyAsync(userId, payload, newId, new ConfirmationReceived(newId, create.Details), $"Interview at {create.Details.Company} created by the candidate from this message.", cancellationToken);
            case ApplyToInterviewResolution apply:
                return await ApplyAsync(userId, payload, apply.InterviewId, apply.Event, $"Applied by the candidate to interview {apply.InterviewId}: {EventDescriptions.Describe(apply.Event)}.", cancellationToken);
            default:
                throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "Unknown resolution.");
        }
    }

    private async Task<ResolutionResult> ApplyAsync(string userId, StoredPayload payload, string interviewId, WorkflowEvent workflowEvent, string reason, CancellationToken cancellationToken)
    {
        var result = await engine.ApplyAsync(userId, interviewId, workflowEvent, null, cancellationToken);
        // A confirmation refused with a state found the interview this resolution created on an earlier try.
        var converged = workflowEvent is ConfirmationReceived && result.State is not null;
        if (result.Kind == DecisionKind.Refused && !converged)
        {
            return result.State is null && workflowEvent is not ConfirmationReceived
                ? new ResolutionResult(ResolutionStatus.InterviewNotFound, null, $"No interview with id '{interviewId}' exists.")
                : new ResolutionResult(ResolutionStatus.Refused, interviewId, result.Reason ?? "The interview's state does not allow this.");
        }

        if (References(payload) is { } references)
        {
            await index.RecordAsync(userId, interviewId, [references.MessageId, references.OriginalMessageId], references.CalendarUid, references.CalendarSequence, null, cancellationToken);
        }

        return await FinishAsync(userId, payload, ResolutionStatus.Resolved, interviewId, reason, cancellationToken);
    }

    private async Task<ResolutionResult> FinishAsync(string userId, StoredPayload payload, ResolutionStatus status, string? interviewId, string reason, CancellationToken cancellationToken)
    {
        var stored = status == ResolutionStatus.Dismissed ? InboundStatus.Dismissed : InboundStatus.Resolved;
        await store.RecordResolutionAsync(userId, payload, stored, reason, interviewId, time.GetUtcNow(), cancellationToken);
        return new ResolutionResult(status, interviewId, reason);
    }

    /// <summary>The message's ids from its stored understanding; null when it was never understood.</summary>
    private static EmailReferences? References(StoredPayload payload)
    {
        if (payload.UnderstandingJson is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(payload.UnderstandingJson);
        return document.RootElement.TryGetProperty("references", out var references)
            ? references.Deserialize<EmailReferences>(WorkflowJson.Options)
            : null;
    }
}
