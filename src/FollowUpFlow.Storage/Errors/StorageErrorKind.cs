namespace FollowUpFlow.Storage;

/// <summary>What kind of failure a storage request met, so callers branch on meaning, not on codes.</summary>
public enum StorageErrorKind
{
    Other,
    NotFound,
    Conflict,
    PreconditionFailed,
    TooLarge,
    Throttled,
}
