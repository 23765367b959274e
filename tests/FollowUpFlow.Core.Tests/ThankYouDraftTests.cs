using FollowUpFlow.Core.Commands;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Tests.Support;

namespace FollowUpFlow.Core.Tests;

/// <summary>Who gets a thank-you: each interviewer with an address, once, and never the candidate.</summary>
public sealed class ThankYouDraftTests
{
    [Fact]
    public void One_draft_per_distinct_address_in_panel_order_and_never_to_the_candidate()
    {
        Person[] panel =
        [
            new("Ana Silva", "ana@acme.example"),
            new("Ana S.", " ANA@Acme.Example "),
            new("Lee Chan", null),
            new("Kim Wu", "  "),
            new("Sam (me)", "Sam@Candidate.Example"),
            new("Ben Okafor", "ben@acme.example"),
        ];
        var driver = WorkflowDriver.Confirmed(TestData.Details(interviewers: [.. panel]));

        var thanks = driver.Fire(TimerKind.ThankYouDrafts);

        var drafts = thanks.Of<CreateDraft>().Select(c => c.Draft).ToList();
        Assert.Equal(["ana@acme.example", "ben@acme.example"], drafts.Select(d => d.To.Email));
        Assert.Equal(["Ana Silva", "Ben Okafor"], drafts.Select(d => d.To.Name));
        Assert.All(drafts, d => Assert.Equal(DraftStatus.Pending, d.Status));
        Assert.Equal(drafts, thanks.AppliedState().Drafts);
    }

    [Fact]
    public void Each_draft_greets_its_interviewer_and_names_the_role_and_company()
    {
        var driver = WorkflowDriver.Confirmed();

        var drafts = driver.Fire(TimerKind.ThankYouDrafts).AppliedState().Drafts;

        var ana = drafts.Single(d => d.To.Email == TestData.Ana.Email);
        Assert.StartsWith("Hi Ana,", ana.Body, StringComparison.Ordinal);
        Assert.Contains("Platform Engineer", ana.Body, StringComparison.Ordinal);
        Assert.Contains("Acme", ana.Body, StringComparison.Ordinal);
        Assert.Contains("Tuesday 10 March", ana.Body, StringComparison.Ordinal);
        Assert.EndsWith(TestData.Candidate.Signature, ana.Body, StringComparison.Ordinal);
        Assert.StartsWith("Hi Ben,", drafts.Single(d => d.To.Email == TestData.Ben.Email).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void No_interviewer_with_an_address_means_no_drafts_and_a_note_saying_so()
    {
        var driver = WorkflowDriver.Confirmed(TestData.Details(interviewers: [new Person("Lee Chan", null)]));

        var thanks = driver.Fire(TimerKind.ThankYouDrafts);

        var state = thanks.AppliedState();
        Assert.Equal(InterviewPhase.AwaitingOutcome, state.Phase);
        Assert.Empty(state.Drafts);
        Assert.DoesNotContain(state.Timers, t => t.Kind is TimerKind.ApprovalReminder or TimerKind.ThankYouExpiry);
        var note = Assert.Single(thanks.Notifications());
        Assert.Equal(NotificationKind.Information, note.Kind);
        Assert.Contains("no thank-you drafts", note.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_come_from_the_state_sequence()
    {
        var driver = WorkflowDriver.Confirmed();
        driver.Fire(TimerKind.ReflectionPrompt);

        var thanks = driver.Fire(TimerKind.ThankYouDrafts);

        // t1–t3 at confirmation, n4 the reflection prompt, d5/d6 the drafts, t7/t8 their timers, n9 the digest.
        Assert.Equal(["iv1-d5", "iv1-d6"], thanks.Of<CreateDraft>().Select(c => c.Draft.Id));
        Assert.Equal(["t7", "t8"], thanks.Scheduled().Select(t => t.Id));
        Assert.Equal("n9", Assert.Single(thanks.Notifications()).Id);
        Assert.Equal("n4", Assert.Single(driver.Log[1].Notifications()).Id);
        Assert.Equal(10, thanks.AppliedState().NextSequence);
    }
}
