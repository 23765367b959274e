namespace FollowUpFlow.Storage.Tables;

/// <summary>Where the next page of a query starts (the service's x-ms-continuation-Next* headers).</summary>
public sealed record TableContinuationToken(string NextPartitionKey, string? NextRowKey);

/// <summary>One page of query results and the token for the next page, or null on the last page.</summary>
public sealed record TableQueryPage(IReadOnlyList<TableEntity> Items, TableContinuationToken? ContinuationToken);
