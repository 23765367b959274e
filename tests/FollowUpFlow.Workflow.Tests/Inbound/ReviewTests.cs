using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Inbound.Understanding;
using FollowUpFlow.Testing;
using FollowUpFlow.Workflow.Inbound;
using FollowUpFlow.Workflow.Tests.Inbound.Support;
using FollowUpFlow.Workflow.Tests.Support;
using static FollowUpFlow.Workflow.Tests.Inbound.Support.InboundHarness;

namespace FollowUpFlow.Workflow.Tests.Inbound;

/// <summary>The candidate resolves what waits for review: create the interview, apply the message to one, or dismiss it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReviewTests(AzuriteFixture azurite)
{
    private static readonly InterviewDetails Details = new("Contoso", "Staff Engineer", TestMail.Start, TestMail.Start.AddHours(1), "Europe/London", [], null);

    [Fact]
    public async Task Creating_the_interview_resolves_the_item_and_its_thread_then_finds_it()
    {
        await using var h = await CreateAsync(azurite);
        var vague = await h.ReceiveAsync("vague", TestMail.Confirmation("vague@contoso.example").UnsureOf("start"));

        var resolved = await h.Reviews.ResolveAsync(UserId, vague.PayloadId, new CreateInterviewResolution(Details), default);
        var again = await h.ReceiveAsync("vague, forwarded again", TestMail.Confirmation("vague@contoso.example").UnsureOf("start"));
        var rejection = await h.ReceiveAsync("rejection", TestMail.Email(TestMail.Understanding(EmailKind.Rejection, "no@contoso.example", company: null)).InThread("vague@contoso.example"));

        Assert.Equal(ResolutionStatus.Resolved, resolved.Status);
        Assert.Equal("Staff Engineer", (await h.Workflow.RecordAsync(resolved.InterviewId!)).State.Details.Role);
        Assert.Empty(await h.ReviewAsync());
        var payload = await h.Store.GetPayloadAsync(UserId, vague.PayloadId, default);
        Assert.Equal((InboundStatus.Resolved, resolved.InterviewId), (payload!.Status, payload.InterviewId));
        Assert.Equal((InboundStatus.Duplicate, resolved.InterviewId), (again.Status, again.InterviewId));
        Assert.Equal((InboundStatus.Processed, resolved.InterviewId), (rejection.Status, rejection.InterviewId));
    }

    [Fact]
    public async Task Applying_the_message_to_an_interview_records_its_event()
    {
        await using var h = await CreateAsync(azurite);
        var created = await h.ReceiveAsync("confirmation", TestMail.Confirmation("c@contoso.example"));
        var unmatched = await h.ReceiveAsync("rejection", TestMail.Email(TestMail.Understanding(EmailKind.Rejection, "r@elsewhere.example", "Elsewhere"))
            .WithUnderstanding(u => u with { Recruiter = null }));

        var resolved = await h.Reviews.ResolveAsync(UserId, unmatched.PayloadId, new ApplyToInterviewResolution(created.InterviewId!, new OutcomeRecorded(Outcome.Rejected)), default);

        Assert.Equal(InboundStatus.NeedsReview, unmatched.Status);
        Assert.Equal((ResolutionStatus.Resolved, created.InterviewId), (resolved.Status, resolved.InterviewId));
        Assert.Equal(InterviewPhase.Rejected, (await h.Workflow.RecordAsync(created.InterviewId!)).State.Phase);
        Assert.Empty(await h.ReviewAsync());
    }

    [Fact]
    public async Task Dismissing_removes_the_item_and_it_cannot_be_resolved_twice()
    {
        await using var h = await CreateAsync(azurite);
        var vague = await h.ReceiveAsync("vague", TestMail.Confirmation("v@contoso.example").UnsureOf("company"));

        var dismissed = await h.Reviews.ResolveAsync(UserId, vague.PayloadId, new DismissResolution(), default);
        var twice = await h.Reviews.ResolveAsync(UserId, vague.PayloadId, new DismissResolution(), default);

        Assert.Equal(ResolutionStatus.Dismissed, dismissed.Status);
        Assert.Equal(ResolutionStatus.NotReviewable, twice.Status);
        Assert.Empty(await h.ReviewAsync());
        Assert.Equal(InboundStatus.Dismissed, (await h.Store.GetPayloadAsync(UserId, vague.PayloadId, default))!.Status);
    }

    [Fact]
    public async Task An_item_applied_to_a_missing_interview_keeps_waiting()
    {
        await using var h = await CreateAsync(azurite);
        var unmatched = await h.ReceiveAsync("rejection", TestMail.Email(TestMail.Understanding(EmailKind.Rejection, "r@elsewhere.example", "Elsewhere")));

        var result = await h.Reviews.ResolveAsync(UserId, unmatched.PayloadId, new ApplyToInterviewResolution("in-nope", new Cancelled(null)), default);

        Assert.Equal(ResolutionStatus.InterviewNotFound, result.Status);
        Assert.Single(await h.ReviewAsync());
    }

    [Fact]
    public async Task A_processed_payload_is_not_a_review_item()
    {
        await using var h = await CreateAsync(azurite);
        var created = await h.ReceiveAsync("confirmation", TestMail.Confirmation("done@contoso.example"));

        var result = await h.Reviews.ResolveAsync(UserId, created.PayloadId, new DismissResolution(), default);

        Assert.Equal(ResolutionStatus.NotReviewable, result.Status);
    }
}
