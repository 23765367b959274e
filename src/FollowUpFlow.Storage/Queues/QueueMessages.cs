namespace FollowUpFlow.Storage.Queues;

/// <summary>What the service answers to a put: the message's id and the pop receipt needed to delete or update it.</summary>
public sealed record SendReceipt(string MessageId, string PopReceipt, DateTimeOffset InsertedOn, DateTimeOffset ExpiresOn, DateTimeOffset NextVisibleOn);

/// <summary>A received message: invisible to others until <see cref="NextVisibleOn"/>; delete it with its pop receipt once handled.</summary>
public sealed record QueueMessage(
    string MessageId,
    string PopReceipt,
    string Text,
    long DequeueCount,
    DateTimeOffset InsertedOn,
    DateTimeOffset ExpiresOn,
    DateTimeOffset NextVisibleOn);

/// <summary>A peeked message: read without changing its visibility, so it carries no pop receipt.</summary>
public sealed record PeekedQueueMessage(string MessageId, string Text, long DequeueCount, DateTimeOffset InsertedOn, DateTimeOffset ExpiresOn);
