namespace FollowUpFlow.Workflow.Effects;

public enum EffectOutcomeKind
{
    Done,

    /// <summary>Will never succeed as it is (a refused address); the candidate has to decide.</summary>
    Permanent,

    /// <summary>May succeed later (a timeout, a full disk, a 5xx); the effect stays in the outbox and is retried.</summary>
    Transient,
}

public sealed record EffectOutcome(EffectOutcomeKind Kind, DateTimeOffset? CompletedAt = null, string? Reason = null)
{
    public static EffectOutcome Done(DateTimeOffset at) => new(EffectOutcomeKind.Done, at);

    public static EffectOutcome Permanent(string reason) => new(EffectOutcomeKind.Permanent, Reason: reason);

    public static EffectOutcome Transient(string reason) => new(EffectOutcomeKind.Transient, Reason: reason);
}
