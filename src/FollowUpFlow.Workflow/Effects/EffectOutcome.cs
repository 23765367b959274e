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
public sealed record EffectOutcome(EffectOutcomeKind Kind, DateTimeOffset? CompletedAt = null, string? Reason = null, bool MayHaveLeft = false)
{
    public static EffectOutcome Done(DateTimeOffset at) => new(EffectOutcomeKind.Done, at);

    public static EffectOutcome Permanent(string reason) => new(EffectOutcomeKind.Permanent, Reason: reason);

    public static EffectOutcome Transient(string reason, bool mayHaveLeft = false) => new(EffectOutcomeKind.Transient, Reason: reason, MayHaveLeft: mayHaveLeft);

    public static EffectOutcome Uncertain(string reason) => new(EffectOutcomeKind.Uncertain, Reason: reason);
}
