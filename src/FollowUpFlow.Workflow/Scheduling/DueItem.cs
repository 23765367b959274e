using System.Globalization;

namespace FollowUpFlow.Workflow.Scheduling;

public enum DueItemKind
{
    /// <summary>A timer of the interview's state.</summary>
    Timer,

    /// <summary>An outbox effect whose claim runs out then: if it has not run by that time, a tick runs it.</summary>
    Effect,
}

/// <summary>
/// A row of the due index: "at <see cref="DueAt"/>, look at item <see cref="ItemId"/> of this interview". The index is a
/// superset of the real work: rows are written before the state that needs them, and a row whose item is gone from the
/// state is garbage that a tick removes. The interview's state is always the source of truth.
/// </summary>
/// <param name="DueAt">When the row comes due (its key).</param>
/// <param name="ItemDueAt">The item's own due time when the row was postponed after failures; otherwise <paramref name="DueAt"/>.</param>
public sealed record DueItem(
    DateTimeOffset DueAt,
    string UserId,
    string InterviewId,
    DueItemKind Kind,
    string ItemId,
    DateTimeOffset WrittenAt,
    DateTimeOffset? ItemDueAt = null,
    int Attempts = 0)
{
    /// <summary>The timer's DueAt or the effect's ClaimedUntil this row stands for.</summary>
    public DateTimeOffset ItemDue => ItemDueAt ?? DueAt;

    /// <summary>The same item, tried again at <paramref name="until"/>: a row that keeps failing must not hold up the rows behind it.</summary>
    public DueItem Postponed(DateTimeOffset until, DateTimeOffset now) =>
        this with { DueAt = until, ItemDueAt = ItemDue, Attempts = Attempts + 1, WrittenAt = now };

    /// <summary>Sorts by due time first, so "everything due by now" is one range query.</summary>
    public string RowKey => string.Create(
        CultureInfo.InvariantCulture,
        $"{DueAt.UtcTicks:D19}|{UserId}|{InterviewId}|{(Kind == DueItemKind.Timer ? 't' : 'e')}|{ItemId}");

    /// <summary>The first row key after every row due at or before <paramref name="now"/>.</summary>
    public static string UpperBound(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{now.UtcTicks + 1:D19}");
}
