namespace FollowUpFlow.Storage.Tables;

/// <summary>Merge keeps properties the request does not mention; Replace drops them.</summary>
public enum TableUpdateMode
{
    Merge,
    Replace,
}
