using FollowUpFlow.App.Tests.Support;
using FollowUpFlow.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.App.Tests;

/// <summary>A bad setting stops the app at start-up with a message naming it, not at the first request that needs it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StartupValidationTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("FollowUpFlow:Candidate:TimeZone", "Nowhere/Land", "TimeZone")]
    [InlineData("FollowUpFlow:Candidate:Email", "not an address", "Email")]
    [InlineData("FollowUpFlow:Candidate:UserId", "a|b", "UserId")]
    [InlineData("FollowUpFlow:Timeline:ThankYouDelay", "-01:00:00", "negative")]
    [InlineData("FollowUpFlow:Timeline:MorningHour", "25", "MorningHour")]
    [InlineData("FollowUpFlow:Workflow:TablePrefix", "bad-prefix", "TablePrefix")]
    [InlineData("FollowUpFlow:Outbox:Folder", "", "Folder")]
    [InlineData("FollowUpFlow:Inbound:SendGridSecret", "short", "SendGridSecret")]
    [InlineData("FollowUpFlow:Inbound:MaxPayloadBytes", "100", "MaxPayloadBytes")]
    public void An_invalid_setting_stops_the_app_with_its_name(string key, string value, string named)
    {
        using var storage = new AppStorage();
        OptionsValidationException? error = null;
        for (var attempt = 0; attempt < 3 && error is null; attempt++)
        {
            using var app = new AppFactory(azurite, storage, new ManualTimeProvider()).WithWebHostBuilder(b => b.UseSetting(key, value));
            try
            {
                app.CreateClient();
                Assert.Fail("the app started with an invalid setting");
            }
            catch (OptionsValidationException e)
            {
                error = e;
            }
            catch (ObjectDisposedException)
            {
                // WebApplicationFactory's deferred host can ask the failed app's already disposed services for its
                // lifetime before it rethrows the start-up error; the app did stop, so try again for the message.
            }
        }

        Assert.NotNull(error);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
