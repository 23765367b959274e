using FollowUpFlow.Core.Model;
using FollowUpFlow.Inbound.Mime;
using FollowUpFlow.Inbound.Understanding;
using FollowUpFlow.Testing;
using FollowUpFlow.Workflow.Inbound;
using FollowUpFlow.Workflow.Tests.Inbound.Support;
using FollowUpFlow.Workflow.Tests.Support;
using static FollowUpFlow.Workflow.Tests.Inbound.Support.InboundHarness;

namespace FollowUpFlow.Workflow.Tests.Inbound;

/// <summary>Each kind of message finds its interview (or says why it cannot) and becomes one workflow event.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RoutingTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Later = TestMail.Start.AddDays(3);

    [Fact]
    public async Task A_confirmation_creates_the_interview_it_describes()
    {
        await using var h = await CreateAsync(azurite);
        var email = TestMail.Confirmation("new@contoso.example").WithUnderstanding(u => u with
        {
            Role = null,
            TimeZone = "America/New_York",
            Interviewers = [TestMail.Ana, new Person("Alex Morgan", "ALEX@example.com")],
        });

        var result = await h.ReceiveAsync("confirmation", email);

        Assert.Equal((InboundStatus.Processed, EmailKind.Confirmation), (result.Status, result.Kind));
        Assert.Contains("\"Interview\"", result.Reason, StringComparison.Ordinal);
        var details = (await h.Workflow.RecordAsync(result.InterviewId!)).State.Details;
        Assert.Equal(("Contoso", ConfirmationDetails.UnstatedRole, "America/New_York"), (details.Company, details.Role, details.TimeZone));
        Assert.Equal((TestMail.Start, TestMail.Start.AddHours(1)), (details.Start, details.End));
        Assert.Equal([TestMail.Ana], details.Interviewers.ToArray());
        Assert.Equal(TestMail.Recruiter, details.Recruiter);
    }

    [Fact]
    public async Task A_confirmation_unsure_of_its_company_waits_for_review()
    {
        await using var h = await CreateAsync(azurite);

        var forwarded = TestMail.Confirmation("vague@example.com").UnsureOf("company")
            .WithUnderstanding(u => u with { References = u.References with { OriginalSender = TestMail.Recruiter, OriginalSubject = "Next steps" } });

        var result = await h.ReceiveAsync("vague", forwarded);

        Assert.Equal(InboundStatus.NeedsReview, result.Status);
        Assert.Contains("company", result.Reason, StringComparison.Ordinal);
        var item = Assert.Single(await h.ReviewAsync());
        Assert.Equal((result.PayloadId, "confirmation"), (item.PayloadId, item.Kind));
        Assert.Equal(("Next steps", "Riley Recruiter <riley@contoso.example>"), (item.Subject, item.From));
        Assert.Equal(InboundStatus.NeedsReview, (await h.Store.GetPayloadAsync(UserId, result.PayloadId, default))!.Status);
        Assert.Empty(await h.Workflow.Store.ListAsync(UserId, default).ToListAsync());
    }

    [Fact]
    public async Task A_reschedule_in_the_thread_of_the_confirmation_moves_that_interview()
    {
        await using var h = await CreateAsync(azurite);
        var created = await h.ReceiveAsync("confirmation", TestMail.Confirmation("thread-root@contoso.example"));
        await h.ReceiveAsync("other company", TestMail.Confirmation("fabrikam@fabrikam.example", "Fabrikam"));
        var reschedule = TestMail.Email(TestMail.Understanding(EmailKind.Reschedule, "move@contoso.example", company: null, start: Later)).InThread("thread-root@contoso.example");

        var result = await h.ReceiveAsync("reschedule", reschedule);

        Assert.Equal((InboundStatus.Processed, created.InterviewId), (result.Status, result.InterviewId));
        Assert.Contains("thread", result.Reason, StringComparison.Ordinal);
        Assert.Equal(Later, (await h.Workflow.RecordAsync(created.InterviewId!)).State.Details.Start);
    }

    [Fact]
    public async Task A_reschedule_naming_the_company_moves_its_one_open_interview()
    {
        await using var h = await CreateAsync(azurite);
        var created = await h.ReceiveAsync("confirmation", TestMail.Confirmation("c1@contoso.example", "Contoso Ltd."));

        var result = await h.ReceiveAsync("reschedule", TestMail.Email(TestMail.Understanding(EmailKind.Reschedule, "r1@contoso.example", "contoso", Later)));

        Assert.Equal((InboundStatus.Processed, created.InterviewId), (result.Status, result.InterviewId));
    }

    [Fact]
    public async Task A_reschedule_with_an_unclear_time_waits_for_review()
    {
        await using var h = await CreateAsync(azurite);
        var created = await h.ReceiveAsync("confirmation", TestMail.Confirmation("c2@contoso.example"));

        var result = await h.ReceiveAsync("reschedule", TestMail.Email(TestMail.Understanding(EmailKind.Reschedule, "r2@contoso.example", start: Later)).UnsureOf("start"));

        Assert.Equal((InboundStatus.NeedsReview, created.InterviewId), (result.Status, result.InterviewId));
        Assert.Equal(TestMail.Start, (await h.Workflow.RecordAsync(created.InterviewId!)).State.Details.Start);
        Assert.Single(await h.ReviewAsync());
    }

    [Fact]
    public async Task A_cancellation_naming_the_company_closes_its_interview()
    {
        await using var h = await CreateAsync(azurite);
        var created = await h.ReceiveAsync("confirmation", TestMail.Confirmation("c3@contoso.example"));

        var result = await h.ReceiveAsync("cancel", TestMail.Email(TestMail.Understanding(EmailKind.Cancellation, "x3@contoso.example"), "Interview cancelled"));

        Assert.Equal((InboundStatus.Processed, created.InterviewId), (result.Status, result.InterviewId));
        var state = (await h.Workflow.RecordAsync(created.InterviewId!)).State;
        Assert.Equal(CloseReason.Cancelled, state.CloseReason);
        var history = await h.Workflow.Store.GetHistoryAsync(UserId, created.InterviewId!, default);
        Assert.Equal("Interview cancelled", Assert.IsType<FollowUpFlow.Core.Events.Cancelled>(history[^1].Event).Reason);
    }

    [Fact]
    public async Task A_rejection_in_the_thread_records_the_outcome()
    {
        await using var h = await CreateAsync(azurite);
        var created = await h.ReceiveAsync("confirmation", TestMail.Confirmation("c4@contoso.example"));
        var rejection = TestMail.Email(TestMail.Understanding(EmailKind.Rejection, "no@contoso.example", company: null)).InThread("c4@contoso.example");

        var result = await h.ReceiveAsync("rejection", rejection);

        Assert.Equal((InboundStatus.Processed, created.InterviewId, EmailKind.Rejection), (result.Status, result.InterviewId, result.Kind));
        Assert.Equal(InterviewPhase.Rejected, (await h.Workflow.RecordAsync(created.InterviewId!)).State.Phase);
    }

    [Fact]
    public async Task An_offer_from_the_recruiter_finds_the_interview_when_the_company_is_worded_otherwise()
    {
        await using var h = await CreateAsync(azurite);
        var created = await h.ReceiveAsync("confirmation", TestMail.Confirmation("c5@contoso.example"));
        await h.ReceiveAsync("other", TestMail.Confirmation("c6@fabrikam.example", "Fabrikam").WithUnderstanding(u => u with { Recruiter = new Person("Pat", "pat@fabrikam.example") }));
        var offer = TestMail.Email(TestMail.Understanding(EmailKind.Offer, "yes@contoso.example", "Litware Holdings"), "Offer", new MailboxAddress("Riley Recruiter", "riley@contoso.example"))
            .WithUnderstanding(u => u with { Recruiter = null });

        var result = await h.ReceiveAsync("offer", offer);

        Assert.Equal((InboundStatus.Processed, created.InterviewId), (result.Status, result.InterviewId));
        Assert.Contains("recruiter", result.Reason, StringComparison.Ordinal);
        Assert.Equal(CloseReason.Offer, (await h.Workflow.RecordAsync(created.InterviewId!)).State.CloseReason);
    }

    [Fact]
    public async Task A_rejection_that_could_be_either_of_two_interviews_at_the_company_waits_for_review()
    {
        await using var h = await CreateAsync(azurite);
        var first = await h.ReceiveAsync("round 1", TestMail.Confirmation("round1@contoso.example"));
        var second = await h.ReceiveAsync("round 2", TestMail.Confirmation("round2@contoso.example", "Contoso Inc", TestMail.Start.AddDays(7)));
        var rejection = TestMail.Email(TestMail.Understanding(EmailKind.Rejection, "sorry@contoso.example"), "Your application", new MailboxAddress(null, "noreply@contoso.example"))
            .WithUnderstanding(u => u with { Recruiter = null });

        var result = await h.ReceiveAsync("rejection", rejection);

        Assert.Equal(InboundStatus.NeedsReview, result.Status);
        Assert.Contains(first.InterviewId!, result.Reason, StringComparison.Ordinal);
        Assert.Contains(second.InterviewId!, result.Reason, StringComparison.Ordinal);
        Assert.Equal(result.PayloadId, Assert.Single(await h.ReviewAsync()).PayloadId);
        Assert.Equal(InterviewPhase.Scheduled, (await h.Workflow.RecordAsync(first.InterviewId!)).State.Phase);
    }

    [Fact]
    public async Task A_rejection_no_interview_matches_waits_for_review()
    {
        await using var h = await CreateAsync(azurite);

        var result = await h.ReceiveAsync("rejection", TestMail.Email(TestMail.Understanding(EmailKind.Rejection, "nobody@northwind.example", "Northwind")));

        Assert.Equal(InboundStatus.NeedsReview, result.Status);
        Assert.Contains("Northwind", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_unsure_whether_it_is_a_rejection_waits_for_review()
    {
        await using var h = await CreateAsync(azurite);
        var created = await h.ReceiveAsync("confirmation", TestMail.Confirmation("c7@contoso.example"));

        var result = await h.ReceiveAsync("maybe", TestMail.Email(TestMail.Understanding(EmailKind.Rejection, "maybe@contoso.example")).UnsureOf("kind"));

        Assert.Equal(InboundStatus.NeedsReview, result.Status);
        Assert.Equal(InterviewPhase.Scheduled, (await h.Workflow.RecordAsync(created.InterviewId!)).State.Phase);
    }

    [Fact]
    public async Task A_message_about_no_interview_is_ignored_but_kept_and_not_a_review_item()
    {
        await using var h = await CreateAsync(azurite);

        var result = await h.ReceiveAsync("newsletter", TestMail.Email(TestMail.Understanding(EmailKind.Other, "news@example.com", company: null), "Weekly digest"));

        Assert.Equal(InboundStatus.Ignored, result.Status);
        Assert.Empty(await h.ReviewAsync());
        Assert.Equal(InboundStatus.Ignored, Assert.Single(await h.Store.ListPayloadsAsync(UserId, 10, default)).Status);
    }
}
