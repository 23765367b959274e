using System.Collections.Immutable;

namespace FollowUpFlow.Workflow.Inbound;

/// <summary>One stored payload: what arrived, and what became of it.</summary>
/// <param name="Source">The source's stored name (<see cref="InboundSources.Name"/>).</param>
/// <param name="ByteSize">Bytes stored (all of them, unless <paramref name="Truncated"/>).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the stored bytes.</param>
/// <param name="Kind">What the message was understood to be (camelCase <c>EmailKind</c>), when it was read.</param>
/// <param name="UnderstandingJson">The understanding as JSON; null when the message was never understood.</param>
/// <param name="DedupeKey">The message's deduplication key, once it was read.</param>
public sealed record StoredPayload(
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
    string? MessageId = null,
    string? Subject = null,
    string? From = null,
    string? InterviewId = null,
    string? Kind = null,
    ImmutableArray<string> Problems = default,
    string? UnderstandingJson = null,
    string? DedupeKey = null,
    DateTimeOffset? UpdatedAt = null);

/// <summary>What processing (or the candidate) decided about a payload; written over the payload row's outcome columns.</summary>
/// <param name="Source">Set when reading the envelope revealed a more precise source.</param>
public sealed record PayloadOutcome(
    string Status,
    string Reason,
    string? InterviewId,
    string? Kind,
    ImmutableArray<string> Problems,
    string? MessageId = null,
    string? Subject = null,
    string? From = null,
    string? UnderstandingJson = null,
    string? DedupeKey = null,
    string? Source = null);

/// <summary>The first payload of a message and what became of it: later copies answer with this.</summary>
public sealed record DedupeEntry(string PayloadId, string Status, string? InterviewId, string? Kind, string Reason);

/// <summary>The interview a calendar event (by UID) belongs to, and the last SEQUENCE applied to it.</summary>
public sealed record CalendarEntry(string InterviewId, int? Sequence);

/// <summary>A payload waiting for the candidate, as the review list shows it.</summary>
public sealed record ReviewItem(string PayloadId, DateTimeOffset ReceivedAt, string? Kind, string? Subject, string? From, string Reason);
