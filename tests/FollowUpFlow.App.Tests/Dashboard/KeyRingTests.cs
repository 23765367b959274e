using System.Net;
using FollowUpFlow.App.Tests.Support;
using FollowUpFlow.Storage;
using FollowUpFlow.Storage.Tables;
using FollowUpFlow.Testing;

namespace FollowUpFlow.App.Tests.Dashboard;

/// <summary>
/// The keys the forms' antiforgery tokens are made with live in the app's storage, so a form served before a restart
/// (or by another instance) is accepted after it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class KeyRingTests(AzuriteFixture azurite)
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 12, 8, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_form_served_before_a_restart_is_accepted_after_it()
    {
        using var storage = new AppStorage();
        string draftId, token, cookie;
        await using (var before = new AppFactory(azurite, storage, _time))
        {
            var session = new DashboardSession(before);
            await session.CreateInterviewAsync();
            draftId = await session.OnlyPendingDraftIdAsync();
            using var page = await session.Client.GetAsync($"/drafts/{draftId}");
            token = DashboardSession.TokenFrom(await page.Content.ReadAsStringAsync());
            cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("FollowUpFlow.Antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        }

        var keys = new TableServiceClient(StorageAccount.Parse(azurite.ConnectionString)).GetTableClient(storage.TablePrefix + "Keys");
        var stored = await keys.QueryAsync().ToListAsync();
        Assert.Contains(stored, entity => entity.GetString("Xml")?.StartsWith("<key ", StringComparison.Ordinal) == true);

        await using var after = new AppFactory(azurite, storage, _time);
        var client = after.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/drafts/{draftId}/reject")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("Cookie", cookie);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }
}
