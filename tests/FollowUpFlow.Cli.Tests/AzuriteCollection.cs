using FollowUpFlow.Testing;

namespace FollowUpFlow.Cli.Tests;

/// <summary>One Azurite for the ingest tests.</summary>
[CollectionDefinition(AzuriteFixture.CollectionName)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
