using FollowUpFlow.Storage;
using FollowUpFlow.Storage.Tables;
using FollowUpFlow.Testing;
using FollowUpFlow.Workflow.Approvals;
using FollowUpFlow.Workflow.Configuration;
using FollowUpFlow.Workflow.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FollowUpFlow.Workflow.Tests.Approvals;

/// <summary>A link works once, however its uses race, and a retried insert is not mistaken for a second use.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class UsedApprovalLinksTests(AzuriteFixture azurite)
{
    private readonly ManualTimeProvider _clock = TestKeys.Clock();

    [Fact]
    public async Task The_first_use_of_a_link_is_first_and_every_later_one_already_used()
    {
        var used = await CreateAsync();
        var link = Sign("in-1", "in-1-d1");

        Assert.Equal(ApprovalLinkUse.FirstUse, await used.MarkUsedAsync(link, default));
        Assert.Equal(ApprovalLinkUse.AlreadyUsed, await used.MarkUsedAsync(link, default));
        Assert.Equal(ApprovalLinkUse.AlreadyUsed, await used.MarkUsedAsync(link, default));
    }

    [Fact]
    public async Task The_use_is_recorded_with_what_the_link_was_for_and_when()
    {
        var used = await CreateAsync();
        var link = Sign("in-1", "in-1-d2");
        _clock.Advance(TimeSpan.FromMinutes(7));

        await used.MarkUsedAsync(link, default);

        var row = await used.Table.GetEntityAsync("default", link.Nonce);
        Assert.Equal("in-1", row.GetString("InterviewId"));
        Assert.Equal("in-1-d2", row.GetString("DraftId"));
        Assert.Equal("Approve", row.GetString("Action"));
        Assert.Equal(TestKeys.Start + TimeSpan.FromMinutes(7), row.GetDateTimeOffset("UsedAt"));
        Assert.Equal(link.ExpiresAt, row.GetDateTimeOffset("ExpiresAt"));
    }

    [Fact]
    public async Task Another_link_to_the_same_draft_and_the_same_nonce_of_another_user_are_separate_uses()
    {
        var used = await CreateAsync();
        var first = Sign("in-1", "in-1-d1");
        var second = Sign("in-1", "in-1-d1");
        var otherUser = first with { UserId = "someone-else" };

        Assert.Equal(ApprovalLinkUse.FirstUse, await used.MarkUsedAsync(first, default));
        Assert.Equal(ApprovalLinkUse.FirstUse, await used.MarkUsedAsync(second, default));
        Assert.Equal(ApprovalLinkUse.FirstUse, await used.MarkUsedAsync(otherUser, default));
        Assert.Equal(ApprovalLinkUse.AlreadyUsed, await used.MarkUsedAsync(otherUser, default));
    }

    [Fact]
    public async Task Two_concurrent_uses_of_one_link_give_exactly_one_first_use()
    {
        var table = await NewTableAsync();
        for (var round = 0; round < 10; round++)
        {
            var link = Sign("in-1", "in-1-d1");
            // Two workers, each with its own client, as two instances of the app would be.
            var a = new UsedApprovalLinks(Client(table.Name), _clock);
            var b = new UsedApprovalLinks(Client(table.Name), _clock);
            using var start = new Barrier(2);

            var uses = await Task.WhenAll(
                Task.Run(() => { start.SignalAndWait(); return a.MarkUsedAsync(link, default); }),
                Task.Run(() => { start.SignalAndWait(); return b.MarkUsedAsync(link, default); }));

            Assert.Equal(1, uses.Count(u => u == ApprovalLinkUse.FirstUse));
            Assert.Equal(1, uses.Count(u => u == ApprovalLinkUse.AlreadyUsed));
        }
    }

    [Fact]
    public async Task Many_concurrent_uses_of_one_link_give_exactly_one_first_use()
    {
        var used = await CreateAsync();
        var link = Sign("in-1", "in-1-d1");

        var uses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => used.MarkUsedAsync(link, default))));

        Assert.Single(uses, u => u == ApprovalLinkUse.FirstUse);
    }

    [Fact]
    public async Task An_insert_retried_after_its_answer_was_lost_is_still_the_first_use()
    {
        var table = await NewTableAsync();
        var faults = new LostAnswerPolicy();
        var used = new UsedApprovalLinks(Client(table.Name, faults), _clock);
        var link = Sign("in-1", "in-1-d1");

        faults.LoseNextInsertAnswer();
        var first = await used.MarkUsedAsync(link, default);
        var second = await used.MarkUsedAsync(link, default);

        Assert.Equal(1, faults.Lost);
        Assert.Equal(ApprovalLinkUse.FirstUse, first);
        Assert.Equal(ApprovalLinkUse.AlreadyUsed, second);
    }

    [Fact]
    public async Task A_missing_table_is_an_error_not_a_first_use()
    {
        var used = new UsedApprovalLinks(Client(AzuriteFixture.UniqueTableName("missing")), _clock);

        var error = await Assert.ThrowsAsync<StorageRequestException>(() => used.MarkUsedAsync(Sign("in-1", "in-1-d1"), default));

        Assert.Equal(StorageErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task A_cancelled_use_throws_and_records_nothing()
    {
        var used = await CreateAsync();
        var link = Sign("in-1", "in-1-d1");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => used.MarkUsedAsync(link, new CancellationToken(canceled: true)));

        Assert.Equal(ApprovalLinkUse.FirstUse, await used.MarkUsedAsync(link, default));
    }

    [Fact]
    public async Task The_app_creates_the_used_links_table_at_start_up_under_its_table_prefix()
    {
        var prefix = "T" + Guid.NewGuid().ToString("N")[..10];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FollowUpFlow:Storage:ConnectionString"] = azurite.ConnectionString,
            ["FollowUpFlow:Workflow:TablePrefix"] = prefix,
            ["FollowUpFlow:Workflow:ResearchQueueName"] = AzuriteFixture.UniqueQueueName("research-"),
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddFollowUpFlowWorkflow();
        await using var provider = services.BuildServiceProvider();
        var used = provider.GetRequiredService<UsedApprovalLinks>();

        Assert.Equal(prefix + "UsedApprovalLinks", used.Table.Name);
        foreach (var hosted in provider.GetServices<IHostedService>().OfType<StorageInitializer>())
        {
            await hosted.StartAsync(default);
        }

        Assert.Equal(ApprovalLinkUse.FirstUse, await used.MarkUsedAsync(Sign("in-1", "in-1-d1"), default));
    }

    private ApprovalLink Sign(string interviewId, string draftId) => TestKeys.Signer(_clock).Sign("default", interviewId, draftId).Link;

    private async Task<UsedApprovalLinks> CreateAsync()
    {
        var table = await NewTableAsync();
        return new UsedApprovalLinks(table, _clock);
    }

    private async Task<TableClient> NewTableAsync()
    {
        var table = Client(AzuriteFixture.UniqueTableName("used"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private TableClient Client(string tableName, Azure.Core.Pipeline.HttpPipelinePolicy? faults = null)
    {
        var options = new StorageClientOptions();
        if (faults is not null)
        {
            // After the retry policy, so the lost answer is retried like a real network failure.
            options.AddPolicy(faults, Azure.Core.HttpPipelinePosition.PerRetry);
        }

        return azurite.CreateFactory(options).GetTableClient(tableName);
    }
}
