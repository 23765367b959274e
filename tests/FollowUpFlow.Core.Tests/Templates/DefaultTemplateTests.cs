using System.Text.RegularExpressions;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Templates;
using FollowUpFlow.Core.Tests.Support;

namespace FollowUpFlow.Core.Tests.Templates;

/// <summary>The built-in wording: every placeholder known, no "null", and the tone the design asks for.</summary>
public sealed partial class DefaultTemplateTests
{
    public static TheoryData<string> TemplateNames() =>
        [.. typeof(DraftTemplates).GetProperties().Where(p => p.PropertyType == typeof(MessageTemplate)).Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Every_default_template_fills_completely_even_with_missing_names(string name)
    {
        var template = (MessageTemplate)typeof(DraftTemplates).GetProperty(name)!.GetValue(DraftTemplates.Default)!;
        var state = WorkflowDriver.Confirmed(TestData.Details(interviewers: [new Person("", "x@acme.example")], recruiter: new Person(" ", null))).Current;
        var values = TemplateValues.For(state, TestData.Settings with { Candidate = TestData.Candidate with { Signature = "" } }, new Person("", "x@acme.example"));
        foreach (var extra in new[] { Placeholders.Drafts, Placeholders.Count, Placeholders.DraftSubject, Placeholders.FailureReason, Placeholders.OriginalSubject })
        {
            values[extra] = null;
        }

        var message = DraftComposer.Compose(template, values);

        Assert.False(string.IsNullOrWhiteSpace(message.Subject));
        Assert.False(string.IsNullOrWhiteSpace(message.Body));
        Assert.DoesNotContain("{{", message.Subject + message.Body, StringComparison.Ordinal);
        Assert.DoesNotMatch(NullWord(), message.Subject + message.Body);
        Assert.DoesNotContain("Hi ,", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_signature_falls_back_to_the_candidate_name()
    {
        var state = WorkflowDriver.Confirmed().Current;

        var values = TemplateValues.For(state, TestData.Settings with { Candidate = TestData.Candidate with { Signature = " " } });

        Assert.Equal("Sam Carter", values[Placeholders.Signature]);
    }

    [Fact]
    public void The_interview_date_is_written_in_the_interview_time_zone()
    {
        // 23:30 on Monday in New York is already Tuesday in UTC.
        var start = TestData.Local("America/New_York", 2026, 3, 9, 23, 30);
        var state = WorkflowDriver.Confirmed(TestData.Details(start: start, timeZone: "America/New_York")).Current;

        Assert.Equal("Monday 9 March", TemplateValues.For(state, TestData.Settings)[Placeholders.InterviewDate]);
    }

    [Fact]
    public void The_feedback_request_asks_for_one_or_two_concrete_points()
    {
        var body = DraftTemplates.Default.FeedbackRequest.Body;

        Assert.Contains("one or two concrete points", body, StringComparison.Ordinal);
        Assert.DoesNotMatch(Grovelling(), body);
    }

    [Fact]
    public void The_nudge_is_two_sentences()
    {
        var body = DraftTemplates.Default.FeedbackNudge.Body;
        var message = body[(body.IndexOf('\n', StringComparison.Ordinal) + 1)..body.IndexOf("Best regards", StringComparison.Ordinal)].Trim();

        Assert.Equal(2, Sentence().Count(message));
        Assert.StartsWith("Re: ", DraftTemplates.Default.FeedbackNudge.Subject, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DraftKinds))]
    public void Drafts_are_short_and_signed(DraftKind kind)
    {
        var template = DraftTemplates.Default.For(kind);

        Assert.True(template.Body.Split(' ').Length < 120, $"{kind} is too long");
        Assert.EndsWith("{{signature}}", template.Body, StringComparison.Ordinal);
        Assert.DoesNotMatch(Grovelling(), template.Body);
    }

    public static TheoryData<DraftKind> DraftKinds() => [.. Enum.GetValues<DraftKind>()];

    [GeneratedRegex(@"\bnull\b", RegexOptions.IgnoreCase)]
    private static partial Regex NullWord();

    [GeneratedRegex(@"\b(sorry to bother|humbly|beg|desperate|so sorry)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Grovelling();

    [GeneratedRegex(@"[.!?](\s|$)")]
    private static partial Regex Sentence();
}
