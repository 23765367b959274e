using System.Collections.Immutable;
using System.Text.Json;
using FollowUpFlow.Workflow.Inbound;

namespace FollowUpFlow.App.Inbound;

/// <summary>A payload in the list: what arrived, and what became of it.</summary>
public sealed record InboundSummaryView(
    string PayloadId,
    DateTimeOffset ReceivedAt,
    string Source,
    long ByteSize,
    bool Truncated,
    string Status,
    string Reason,
    string? Kind,
    string? InterviewId,
    string? Subject,
    string? From)
{
    public static InboundSummaryView Of(StoredPayload p) =>
        new(p.PayloadId, p.ReceivedAt, p.Source, p.ByteSize, p.Truncated, p.Status, p.Reason, p.Kind, p.InterviewId, p.Subject, p.From);
}

/// <summary>One payload in full, but for its bytes (GET .../raw): the understanding as JSON, and every problem met.</summary>
public sealed record InboundPayloadView(
    string PayloadId,
    DateTimeOffset ReceivedAt,
    string Source,
    long ByteSize,
    string Sha256,
    bool Truncated,
    long? DeclaredLength,
    string? ContentType,
    string Status,
    string Reason,
    string? Kind,
    string? InterviewId,
    string? MessageId,
    string? Subject,
    string? From,
    ImmutableArray<string> Problems,
    JsonElement? Understanding,
    DateTimeOffset? UpdatedAt)
{
    public static InboundPayloadView Of(StoredPayload p)
    {
        JsonElement? understanding = null;
        if (p.UnderstandingJson is { } json)
        {
            using var document = JsonDocument.Parse(json);
            understanding = document.RootElement.Clone();
        }

        return new(p.PayloadId, p.ReceivedAt, p.Source, p.ByteSize, p.Sha256, p.Truncated, p.DeclaredLength, p.ContentType, p.Status, p.Reason,
            p.Kind, p.InterviewId, p.MessageId, p.Subject, p.From, p.Problems.IsDefault ? [] : p.Problems, understanding, p.UpdatedAt);
    }
}
