namespace FollowUpFlow.Workflow.Effects;

public enum EffectOutcomeKind
{
    Done,

    /// <summary>Will never succeed as it is (a refused address); the candidate has to decide.</summary>
    Permanent,

    /// <summary>May succeed later (a timeout, a full disk, a 5xx); the effect stays in the outbox and is retried.</summary>
    Transient,

    /// <summary>A send may or may not have left and the provider cannot be asked: the candidate decides.</summary>
    Uncertain,
}

/// <param name="MayHaveLeft">For a transient send failure: whether the message may have left anyway (no answer came), so the next attempt must ask first.</param>
/// <param name="ConversationId">For a send that is done: the provider's thread of the message, when it has one.</param>
/// <param name="MessageId">For a send that is done: the Message-ID that left when it is not the effect's own (the candidate sent the mailbox copy).</param>
public sealed record EffectOutcome(EffectOutcomeKind Kind, DateTimeOffset? CompletedAt = null, string? Reason = null, bool MayHaveLeft = false, string? ConversationId = null, string? MessageId = null)
{
    public static EffectOutcome Done(DateTimeOffset at, string? conversationId = null, string? messageId = null) =>
        new(EffectOutcomeKind.Done, at, ConversationId: conversationId, MessageId: messageId);

    public static EffectOutcome Permanent(string reason) => new(EffectOutcomeKind.Permanent, Reason: reason);

    public static EffectOutcome Transient(string reason, bool mayHaveLeft = false) => new(EffectOutcomeKind.Transient, Reason: reason, MayHaveLeft: mayHaveLeft);

    public static EffectOutcome Uncertain(string reason) => new(EffectOutcomeKind.Uncertain, Reason: reason);
}
