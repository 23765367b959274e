using System.Collections.Immutable;
using FollowUpFlow.Inbound.Understanding;

namespace FollowUpFlow.Workflow.Inbound;

/// <summary>What became of one inbound payload.</summary>
/// <param name="Status">One of <see cref="InboundStatus"/>.</param>
/// <param name="Refusal">Why it was refused, when <paramref name="Status"/> is "refused".</param>
public sealed record InboundResult(
    string PayloadId,
    string Status,
    string? InterviewId,
    EmailKind? Kind,
    string Reason,
    ImmutableArray<string> Problems,
    InboundRefusalKind? Refusal = null);
