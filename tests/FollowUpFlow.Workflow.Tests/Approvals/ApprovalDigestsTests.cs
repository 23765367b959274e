using System.Text.RegularExpressions;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Inbound.Mime;
using FollowUpFlow.Testing;
using FollowUpFlow.Workflow.Approvals;
using FollowUpFlow.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static FollowUpFlow.Workflow.Tests.Support.WorkflowHarness;

namespace FollowUpFlow.Workflow.Tests.Approvals;

/// <summary>The note that drafts wait goes out as the digest with a signed approve link per draft, when links are on.</summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class ApprovalDigestsTests(AzuriteFixture azurite)
{
    private static readonly Person Ana = new("Ana Silva", "ana@contoso.example");
    private static readonly Person Ben = new("Ben Okafor", "ben@contoso.example");

    [Fact]
    public async Task The_waiting_note_carries_one_working_link_per_draft_under_its_own_message_id()
    {
        await using var h = await CreateAsync(azurite);
        var signer = new ApprovalLinkSigner([TestKeys.Current], TestKeys.Lifetime, h.Time);
        var digests = Digests(new ApprovalLinkOptions { Keys = [Convert.ToBase64String(TestKeys.Current)] }, signer);
        var (engine, _) = h.NewEngine(digests: digests);

        var created = await engine.ApplyAsync(UserId, "iv1", new ConfirmationReceived("iv1", Details(h.Time.GetUtcNow().AddHours(-3), Ana, Ben)), null, default);

        var drafts = created.State!.Drafts.Where(d => d.Kind == DraftKind.ThankYou).ToList();
        Assert.Equal(2, drafts.Count);
        // Read as a mail client would: long link lines are folded in the file (quoted-printable), not in the message.
        var note = Assert.Single(h.SentFiles().Select(ReadBody), text => text.Contains("/approve/", StringComparison.Ordinal));
        var tokens = ApproveLink().Matches(note).Select(m => m.Groups["token"].Value).ToList();
        Assert.Equal(2, tokens.Count);
        var linked = tokens.Select(t => signer.Verify(t)).ToList();
        Assert.All(linked, v => Assert.True(v.IsValid));
        Assert.Equal(drafts.Select(d => d.Id).Order(), linked.Select(v => v.Link!.DraftId).Order());
        Assert.All(linked, v => Assert.Equal("iv1", v.Link!.InterviewId));
        Assert.Contains("http://127.0.0.1:7071/drafts/" + drafts[0].Id, note, StringComparison.Ordinal);
        var noteFile = Assert.Single(h.SentFiles(), f => ReadBody(f).Contains("/approve/", StringComparison.Ordinal));
        // The note's own id ("{interview}.{notification}"), so a retried note is the same message.
        Assert.Matches(@"^iv1\.n[0-9]+@followupflow\.local$", MimeReader.Parse(File.ReadAllBytes(noteFile)).MessageId);
    }

    [Fact]
    public async Task Without_keys_the_workflow_wording_goes_out_unchanged()
    {
        await using var h = await CreateAsync(azurite);
        var (engine, _) = h.NewEngine(digests: Digests(new ApprovalLinkOptions(), signer: null));

        await engine.ApplyAsync(UserId, "iv1", new ConfirmationReceived("iv1", Details(h.Time.GetUtcNow().AddHours(-3), Ana)), null, default);

        var texts = h.SentFiles().Select(ReadBody).ToList();
        Assert.NotEmpty(texts);
        Assert.DoesNotContain(texts, t => t.Contains("/approve/", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Ana Silva <ana@contoso.example>", StringComparison.Ordinal));
    }

    private static string ReadBody(string path) => MessageText.GetBodyText(MimeReader.Parse(File.ReadAllBytes(path))) ?? "";

    private static ApprovalDigests Digests(ApprovalLinkOptions options, ApprovalLinkSigner? signer)
    {
        var services = new ServiceCollection();
        if (signer is not null)
        {
            services.AddSingleton(signer);
        }

        return new ApprovalDigests(Microsoft.Extensions.Options.Options.Create(options), services.BuildServiceProvider(), new ApprovalUrls(options.PublicBaseUrl!));
    }

    [GeneratedRegex(@"/approve/(?<token>[A-Za-z0-9_\-.]+)")]
    private static partial Regex ApproveLink();
}
