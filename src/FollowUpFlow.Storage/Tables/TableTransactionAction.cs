using Azure;

namespace FollowUpFlow.Storage.Tables;

/// <summary>What one action of an entity-group transaction does.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert; fails the batch if the entity exists.</summary>
    Add,

    /// <summary>Insert or merge, whatever the version.</summary>
    UpsertMerge,

    /// <summary>Insert or replace, whatever the version.</summary>
    UpsertReplace,

    /// <summary>Merge into an existing entity whose ETag matches.</summary>
    UpdateMerge,

    /// <summary>Replace an existing entity whose ETag matches.</summary>
    UpdateReplace,

    /// <summary>Delete an existing entity whose ETag matches.</summary>
    Delete,
}

/// <summary>
/// One action of <see cref="TableClient.SubmitTransactionAsync"/>. Update and Delete use <paramref name="ETag"/>,
/// or the entity's own ETag when none is given; pass <see cref="ETag.All"/> to act on any version.
/// </summary>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, ETag ETag = default)
{
    internal bool NeedsETag => ActionType is TableTransactionActionType.UpdateMerge or TableTransactionActionType.UpdateReplace or TableTransactionActionType.Delete;

    internal ETag EffectiveETag => ETag != default ? ETag : Entity.ETag;
}

/// <summary>The new ETag of each action, in the order submitted (default for deletes).</summary>
public sealed record TableTransactionResult(IReadOnlyList<ETag> ETags);
