using FollowUpFlow.Testing;

namespace FollowUpFlow.Storage.Tests.Support;

/// <summary>One Azurite for every integration test class in this assembly.</summary>
[CollectionDefinition(AzuriteFixture.CollectionName)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
