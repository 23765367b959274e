using FollowUpFlow.Testing;

namespace FollowUpFlow.App.BrowserTests.Support;

/// <summary>Every browser test shares one Azurite and one Chromium; each starts its own app.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<AzuriteFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
