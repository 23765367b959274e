using System.Net;
using System.Text.Json.Nodes;
using FollowUpFlow.App.Tests.Support;
using FollowUpFlow.Testing;

namespace FollowUpFlow.App.Tests;

/// <summary>The README's walk-through, step by step, over HTTP, against Azurite, including a restart in the middle.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WalkthroughTests(AzuriteFixture azurite)
{
    // Midday in London: a rejection now is drafted at once, not deferred to the next morning.
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 12, 8, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_whole_flow_works_over_http_and_survives_a_restart()
    {
        using var storage = new AppStorage();
        string interviewId;
        string feedbackDraftId;
        await using (var app = new AppFactory(azurite, storage, _time))
        {
            var client = app.CreateClient();
            var created = await client.PostJsonAsync("/api/interviews", new
            {
                company = "Contoso",
                role = "Senior Engineer",
                start = "2026-12-08T09:00:00+00:00",
                end = "2026-12-08T10:00:00+00:00",
                timeZone = "Europe/London",
                interviewers = new[] { new { name = "Ana Silva", email = "ana@contoso.example" }, new { name = "Ben Okafor", email = "ben@contoso.example" } },
                recruiter = new { name = "Riley Recruiter", email = "riley@contoso.example" },
            }, HttpStatusCode.Created);
            interviewId = created.Str("id");

            var pending = (await client.GetJsonAsync("/api/drafts?status=pending")).AsArray();
            Assert.Equal(2, pending.Count);
            Assert.All(pending, d => Assert.Equal("thankYou", d!["draft"].Str("kind")));
            var toAna = pending.Single(d => d!["draft"]!["to"].Str("email") == "ana@contoso.example")!["draft"].Str("id");

            var approved = await client.PostJsonAsync($"/api/drafts/{toAna}/approve", new { body = "Dear Ana, thank you - edited." }, HttpStatusCode.OK);
            Assert.Equal("sent", approved["draft"].Str("status"));
            Assert.Contains(storage.SentFiles(), f => File.ReadAllText(f).Contains("Dear Ana, thank you - edited.", StringComparison.Ordinal));

            var outcome = await client.PostJsonAsync($"/api/interviews/{interviewId}/outcome", new { outcome = "rejected" }, HttpStatusCode.OK);
            Assert.Equal("rejected", outcome.Str("phase"));
            var feedback = (await client.GetJsonAsync("/api/drafts?status=pending")).AsArray();
            feedbackDraftId = Assert.Single(feedback)!["draft"].Str("id");
            Assert.Equal("feedbackRequest", feedback[0]!["draft"].Str("kind"));
        }

        // Restart: a new app over the same storage carries on where the first stopped, and re-sends nothing.
        var filesBeforeRestart = storage.SentFiles().Length;
        await using (var app = new AppFactory(azurite, storage, _time))
        {
            var client = app.CreateClient();
            await client.PostRawJsonAsync("/Tick", """{"Data":{"timer":{}},"Metadata":{}}""", HttpStatusCode.OK);
            Assert.Equal(filesBeforeRestart, storage.SentFiles().Length);

            await client.PostJsonAsync($"/api/drafts/{feedbackDraftId}/approve", new { }, HttpStatusCode.OK);
            Assert.Equal(filesBeforeRestart + 1, storage.SentFiles().Length);

            await client.PostJsonAsync($"/api/interviews/{interviewId}/replies", new
            {
                from = "riley@contoso.example",
                subject = "Re: Feedback",
                body = "Your system design was strong; practise estimation questions.",
                receivedAt = "2026-12-08T12:30:00+00:00",
            }, HttpStatusCode.Created);

            var interview = await client.GetJsonAsync($"/api/interviews/{interviewId}");
            Assert.Equal("closed", interview.Str("phase"));
            Assert.Equal("Your system design was strong; practise estimation questions.", interview["replies"]![0].Str("body"));
            Assert.Empty(interview["pendingTimers"]!.AsArray());
            var history = interview["history"]!.AsArray().Select(e => e!["event"].Str("type")).ToList();
            Assert.Equal("confirmationReceived", history[0]);
            Assert.Contains("outcomeRecorded", history);
            Assert.Contains("replyReceived", history);
            Assert.Equal(2, history.Count(t => t == "sendSucceeded"));
            Assert.Equal(2, history.Count(t => t == "draftApproved"));
        }
    }
}
