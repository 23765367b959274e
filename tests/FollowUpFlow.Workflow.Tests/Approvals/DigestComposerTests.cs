using System.Collections.Immutable;
using System.Net;
using System.Text.RegularExpressions;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Inbound.Mime;
using FollowUpFlow.Mail;
using FollowUpFlow.Testing;
using FollowUpFlow.Workflow.Approvals;
using FollowUpFlow.Workflow.Persistence;

namespace FollowUpFlow.Workflow.Tests.Approvals;

public sealed partial class DigestComposerTests
{
    private const string UserId = "default";

    private static readonly WorkflowSettings Settings = new()
    {
        // New York, so times in the digest visibly differ from UTC (December: UTC-5).
        Candidate = new CandidateProfile("Alex Morgan", "alex@example.com", "Alex", "America/New_York"),
        MessageIdDomain = "followupflow.test",
    };

    private static readonly ApprovalUrls Urls = new(new Uri("https://followupflow.example.com/app/"));

    private readonly ManualTimeProvider _clock = TestKeys.Clock();

    [Fact]
    public void The_digest_goes_from_followupflow_to_the_candidate_with_a_subject_that_counts_the_drafts()
    {
        var message = DigestComposer.Compose(Entries(Pending("in-a", 1), Pending("in-b", 1)), Settings, Urls, TestKeys.Start);

        Assert.Equal(new MailAddress("FollowUpFlow", "alex@example.com"), message.From);
        Assert.Equal([new MailAddress("Alex Morgan", "alex@example.com")], message.To);
        Assert.Equal("FollowUpFlow: 2 drafts wait for your approval", message.Subject);
        Assert.Equal(TestKeys.Start, message.Date);
        Assert.Equal(TimeSpan.FromHours(-5), message.Date.Offset);
        Assert.Contains(new MessageHeader("Auto-Submitted", "auto-generated"), message.ExtraHeaders);
        Assert.Equal("FollowUpFlow: 1 draft waits for your approval", DigestComposer.Compose(Entries(Pending("in-a", 1)), Settings, Urls, TestKeys.Start).Subject);
    }

    [Fact]
    public void Each_draft_has_one_section_whose_approve_link_verifies_back_to_that_draft_and_whose_edit_link_opens_it()
    {
        var drafts = new[] { Pending("in-a", 1), Pending("in-a", 2), Pending("in-b", 5) };
        var signer = TestKeys.Signer(_clock);

        var message = DigestComposer.Compose(Entries(signer, drafts), Settings, Urls, TestKeys.Start);

        var sections = Sections(message.TextBody);
        Assert.Equal(drafts.Length, sections.Count);
        for (var i = 0; i < drafts.Length; i++)
        {
            var approveLinks = ApproveLink().Matches(sections[i]);
            var editLinks = EditLink().Matches(sections[i]);
            var approve = Assert.Single(approveLinks);
            var edit = Assert.Single(editLinks);
            var verified = signer.Verify(approve.Groups["token"].Value);
            Assert.Equal(ApprovalLinkStatus.Valid, verified.Status);
            Assert.Equal((UserId, drafts[i].InterviewId, drafts[i].Draft.Id), (verified.Link!.UserId, verified.Link.InterviewId, verified.Link.DraftId));
            Assert.Equal(drafts[i].Draft.Id, edit.Groups["id"].Value);
            Assert.Contains($"Subject: {drafts[i].Draft.Subject}", sections[i], StringComparison.Ordinal);
        }

        Assert.Equal(drafts.Length, ApproveLink().Count(message.TextBody));
    }

    [Fact]
    public void Links_survive_being_written_as_mail_and_read_back()
    {
        var signer = TestKeys.Signer(_clock);
        var drafts = new[] { Pending("in-a", 1, company: "Zürich Versicherung"), Pending("in-b", 2) };
        var message = DigestComposer.Compose(Entries(signer, drafts), Settings, Urls, TestKeys.Start);

        var read = MimeReader.Parse(RfcMessageWriter.WriteBytes(message));

        Assert.Empty(read.Problems);
        Assert.Equal(message.MessageId, $"<{read.MessageId}>");
        Assert.Equal(message.Subject, read.Subject);
        Assert.Equal(TestKeys.Start, read.Date);
        Assert.Equal("alex@example.com", Assert.Single(read.To).Address);
        Assert.Equal("alex@example.com", Assert.Single(read.From).Address);
        Assert.Equal("multipart/alternative", $"{read.Body.ContentType.MediaType}/{read.Body.ContentType.SubType}");
        var (text, html) = (Assert.Single(read.Body.Children, p => p.ContentType.SubType == "plain").Text!, Assert.Single(read.Body.Children, p => p.ContentType.SubType == "html").Text!);
        Assert.Equal(message.TextBody.ReplaceLineEndings("\r\n"), text.ReplaceLineEndings("\r\n"));
        Assert.Equal(message.HtmlBody!.ReplaceLineEndings("\r\n"), html.ReplaceLineEndings("\r\n"));
        Assert.Contains("Zürich Versicherung", text, StringComparison.Ordinal);
        Assert.Contains("Zürich Versicherung", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var ids = ApproveLink().Matches(text).Select(m => signer.Verify(m.Groups["token"].Value)).Select(v => v.IsValid ? v.Link.DraftId : null);
        Assert.Equal(drafts.Select(d => d.Draft.Id), ids);
    }

    [Fact]
    public void The_html_alternative_says_what_the_text_says_with_the_same_links_to_tap()
    {
        var signer = TestKeys.Signer(_clock);
        var drafts = new[] { Pending("in-a", 1), Pending("in-b", 2, company: "Zürich Versicherung") };
        var message = DigestComposer.Compose(Entries(signer, drafts), Settings, Urls, TestKeys.Start);

        var html = message.HtmlBody!;
        var approve = Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value)).Where(u => ApproveLink().IsMatch(u)).ToList();
        var edit = Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value)).Where(u => EditLink().IsMatch(u)).ToList();
        Assert.Equal(ApproveLink().Matches(message.TextBody).Select(m => m.Value), approve);
        Assert.Equal(EditLink().Matches(message.TextBody).Select(m => m.Value), edit);
        Assert.Equal(drafts.Select(d => d.Draft.Id), approve.Select(u => signer.Verify(ApproveLink().Match(u).Groups["token"].Value).Link!.DraftId));

        // Read as text, the HTML has every line of the text form's words (the links are buttons there).
        var words = Regex.Replace(FollowUpFlow.Inbound.Html.HtmlText.ToText(html), @"\s+", " ");
        foreach (var line in message.TextBody.Split('\n').Select(l => l.Trim().TrimStart('>').Trim()).Where(l => l.Length > 0 && !l.Contains("https://", StringComparison.Ordinal) && l != "--"))
        {
            Assert.Contains(Regex.Replace(line, @"\s+", " "), words, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_value_in_the_html_alternative_is_encoded()
    {
        var draft = Pending("in-a", 1, body: "<img src=x onerror=alert(1)> & \"quoted\"", company: "<script>alert('x')</script> & Sons");

        var html = DigestComposer.Compose(Entries(draft), Settings, Urls, TestKeys.Start).HtmlBody!;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Sons", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot;", html, StringComparison.Ordinal);
        Assert.Equal(2, Href().Count(html));
    }

    [Fact]
    public void Each_section_says_until_when_its_link_works_and_when_the_draft_expires_in_the_candidates_zone()
    {
        var draft = Pending("in-a", 1) is var d ? d with { Draft = d.Draft with { ExpiresAt = new DateTimeOffset(2026, 12, 9, 17, 30, 0, TimeSpan.Zero) } } : null!;

        var text = DigestComposer.Compose(Entries(draft), Settings, Urls, TestKeys.Start).TextBody;

        // Signed at 12:00 UTC on 8 December with a 48-hour lifetime: 07:00 in New York on the 10th.
        Assert.Contains("The approve link works until Thu 10 Dec 2026 07:00 (America/New_York).", text, StringComparison.Ordinal);
        Assert.Contains("the draft itself expires at Wed 9 Dec 2026 12:30 (America/New_York).", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_shows_the_company_role_recipient_and_the_first_lines_of_the_body()
    {
        var draft = Pending("in-a", 1, body: "Dear Jane,\n\n  Thank you for today.  \nI enjoyed the system design part.\nIt was fun.\nBest,\nAlex");

        var section = Sections(DigestComposer.Compose(Entries(draft), Settings, Urls, TestKeys.Start).TextBody).Single();

        Assert.StartsWith("Thank-you note to Jane Doe <jane@contoso.example>", section, StringComparison.Ordinal);
        Assert.Contains("Contoso - Senior Engineer", section, StringComparison.Ordinal);
        Assert.Contains("   > Dear Jane,\n   > Thank you for today.\n   > I enjoyed the system design part.\n   > …\n", section, StringComparison.Ordinal);
        Assert.DoesNotContain("It was fun", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_lines_are_shortened_without_splitting_a_surrogate_pair_and_line_breaks_in_fields_cannot_break_the_layout()
    {
        // The 160th character is the first half of an emoji: cutting there would leave half a character.
        var longLine = new string('x', DigestComposer.MaxPreviewLineLength - 1) + "😀 and more";
        var draft = Pending("in-a", 1, body: longLine, company: "Evil\r\nApprove and send as it is: https://attacker.example/approve/x");

        var text = DigestComposer.Compose(Entries(draft), Settings, Urls, TestKeys.Start).TextBody;

        Assert.Contains("   > " + new string('x', DigestComposer.MaxPreviewLineLength - 1) + "…\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\nApprove and send as it is: https://attacker", text, StringComparison.Ordinal);
        Assert.Single(ApproveLink().Matches(text));
    }

    [Fact]
    public void The_message_id_is_the_same_for_a_retried_digest_whatever_its_tokens_and_order()
    {
        var drafts = new[] { Pending("in-a", 1), Pending("in-b", 2) };

        var first = DigestComposer.Compose(Entries(drafts), Settings, Urls, TestKeys.Start);
        _clock.Advance(TimeSpan.FromMinutes(3));
        var retried = DigestComposer.Compose(Entries(drafts.Reverse().ToArray()), Settings, Urls, TestKeys.Start);

        Assert.NotEqual(first.TextBody, retried.TextBody);
        Assert.Equal(first.MessageId, retried.MessageId);
        Assert.True(MessageIds.IsValid(first.MessageId));
        Assert.EndsWith("@followupflow.test>", first.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_time_or_another_set_of_drafts_is_another_message()
    {
        var drafts = new[] { Pending("in-a", 1), Pending("in-b", 2) };
        var id = DigestComposer.Compose(Entries(drafts), Settings, Urls, TestKeys.Start).MessageId;

        Assert.NotEqual(id, DigestComposer.Compose(Entries(drafts), Settings, Urls, TestKeys.Start.AddHours(18)).MessageId);
        Assert.NotEqual(id, DigestComposer.Compose(Entries(drafts[0]), Settings, Urls, TestKeys.Start).MessageId);
        Assert.NotEqual(id, DigestComposer.DigestMessageId("someone-else", drafts.Select(d => d.Draft.Id), TestKeys.Start, "followupflow.test"));
    }

    [Fact]
    public void Sections_are_listed_oldest_draft_first()
    {
        var older = Pending("in-z", 1, createdAt: TestKeys.Start.AddHours(-5));
        var newer = Pending("in-a", 1, createdAt: TestKeys.Start.AddHours(-1));

        var sections = Sections(DigestComposer.Compose(Entries(newer, older), Settings, Urls, TestKeys.Start).TextBody);

        Assert.Contains("/drafts/in-z-d1", sections[0], StringComparison.Ordinal);
        Assert.Contains("/drafts/in-a-d1", sections[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_digest_lists_at_most_fifty_drafts_and_points_to_the_dashboard_for_the_rest()
    {
        var drafts = Enumerable.Range(1, DigestComposer.MaxDrafts + 3).Select(i => Pending("in-a", i)).ToArray();

        var text = DigestComposer.Compose(Entries(drafts), Settings, Urls, TestKeys.Start).TextBody;

        Assert.Equal(DigestComposer.MaxDrafts, ApproveLink().Count(text));
        Assert.Contains("3 more drafts wait in the dashboard: https://followupflow.example.com/app/drafts\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_are_built_under_the_base_url_with_or_without_a_trailing_slash()
    {
        Assert.Equal("http://127.0.0.1:7071/approve/abc.def", new ApprovalUrls(new Uri("http://127.0.0.1:7071")).Approve("abc.def"));
        Assert.Equal("http://127.0.0.1:7071/drafts/in-1-d1", new ApprovalUrls(new Uri("http://127.0.0.1:7071/")).EditDraft("in-1-d1"));
        Assert.Equal("https://example.com/app/approve/t", new ApprovalUrls(new Uri("https://example.com/app")).Approve("t"));
    }

    [Fact]
    public void A_draft_that_is_not_pending_a_link_for_another_draft_or_no_draft_at_all_is_refused()
    {
        var signer = TestKeys.Signer(_clock);
        var pending = Pending("in-a", 1);
        var sent = pending with { Draft = pending.Draft with { Status = DraftStatus.Sent } };
        var otherLink = signer.Sign(UserId, "in-a", "in-a-d2");
        var otherUser = signer.Sign("someone-else", "in-b", "in-b-d1");

        Assert.Throws<ArgumentException>(() => DigestComposer.Compose([], Settings, Urls, TestKeys.Start));
        Assert.Throws<ArgumentException>(() => DigestComposer.Compose(Entries(sent), Settings, Urls, TestKeys.Start));
        Assert.Throws<ArgumentException>(() => DigestComposer.Compose([new DigestEntry(pending, otherLink)], Settings, Urls, TestKeys.Start));
        Assert.Throws<ArgumentException>(() => DigestComposer.Compose([Entries(pending)[0], new DigestEntry(Pending("in-b", 1), otherUser)], Settings, Urls, TestKeys.Start));
    }

    [Fact]
    public void Neither_the_drafts_words_nor_the_tokens_appear_in_the_digests_text_form()
    {
        var entry = Entries(Pending("in-a", 1, body: "My private words about the interview."))[0];
        var message = DigestComposer.Compose([entry], Settings, Urls, TestKeys.Start);

        foreach (var text in new[] { entry.ToString(), message.ToString() })
        {
            Assert.DoesNotContain("private words", text, StringComparison.Ordinal);
            Assert.DoesNotContain(entry.Draft.Draft.Subject, text, StringComparison.Ordinal);
            Assert.DoesNotContain(entry.Approval.Token, text, StringComparison.Ordinal);
        }

        Assert.Contains("in-a-d1", entry.ToString(), StringComparison.Ordinal);
    }

    private DigestEntry[] Entries(params DraftRecord[] drafts) => Entries(TestKeys.Signer(_clock), drafts);

    private static DigestEntry[] Entries(ApprovalLinkSigner signer, params DraftRecord[] drafts) =>
        [.. drafts.Select(d => new DigestEntry(d, signer.Sign(UserId, d.InterviewId, d.Draft.Id)))];

    private static DraftRecord Pending(string interviewId, int sequence, string body = "Dear Jane,\nThank you for today.\nAlex", string company = "Contoso", DateTimeOffset? createdAt = null) =>
        new(interviewId, company, "Senior Engineer", new Draft(
            $"{interviewId}-d{sequence}",
            DraftKind.ThankYou,
            new Person("Jane Doe", "jane@contoso.example"),
            $"Thank you for today ({interviewId} #{sequence})",
            body,
            DraftStatus.Pending,
            (createdAt ?? TestKeys.Start.AddHours(-1)).AddSeconds(sequence)));

    /// <summary>The numbered sections of a digest body, each from its "N. " line to the next.</summary>
    private static List<string> Sections(string body) =>
        [.. SectionStart().Split(body).Skip(1)];

    [GeneratedRegex(@"https://followupflow\.example\.com/app/approve/(?<token>[A-Za-z0-9_.-]+)")]
    private static partial Regex ApproveLink();

    [GeneratedRegex(@"https://followupflow\.example\.com/app/drafts/(?<id>[A-Za-z0-9_.-]+)")]
    private static partial Regex EditLink();

    [GeneratedRegex("href=\"(?<url>[^\"]+)\"")]
    private static partial Regex Href();

    [GeneratedRegex(@"^\d+\. ", RegexOptions.Multiline)]
    private static partial Regex SectionStart();
}
