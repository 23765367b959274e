using FollowUpFlow.App.Drafts;
using FollowUpFlow.App.Hosting;
using FollowUpFlow.Core.Events;
using FollowUpFlow.Workflow;
using FollowUpFlow.Workflow.Approvals;
using FollowUpFlow.Workflow.Configuration;
using FollowUpFlow.Workflow.Persistence;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.App.Dashboard;

/// <summary>
/// The digest's one-click links. GET only shows the draft and a button: mail scanners open links, and opening must
/// not approve. POST verifies the token again, spends it (once, atomically), then approves through the workflow.
/// </summary>
internal static class ApprovalLinkEndpoints
{
    public static void Map(RouteGroupBuilder pages, RouteGroupBuilder forms)
    {
        pages.MapGet($"/{ApprovalUrls.ApprovePath}/{{token}}", ShowAsync);
        forms.MapPost($"/{ApprovalUrls.ApprovePath}/{{token}}", ApproveAsync);
    }

    private static async Task<IResult> ShowAsync(string token, HttpContext context, InterviewStore store, UsedApprovalLinks usedLinks, UserContext user, IOptions<CandidateOptions> candidate, CancellationToken cancellationToken)
    {
        var (record, link, refusal) = await ResolveAsync(token, context.RequestServices, store, user, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        return await usedLinks.WasUsedAsync(link!, cancellationToken)
            ? ApprovalLinkPages.Used(context, record!, candidate.Value.TimeZone)
            : ApprovalLinkPages.Confirm(context, token, record!, candidate.Value.TimeZone);
    }

    private static async Task<IResult> ApproveAsync(string token, HttpContext context, InterviewStore store, WorkflowEngine engine, UsedApprovalLinks usedLinks, UserContext user, IOptions<CandidateOptions> candidate, CancellationToken cancellationToken)
    {
        var (record, link, refusal) = await ResolveAsync(token, context.RequestServices, store, user, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (await usedLinks.MarkUsedAsync(link!, cancellationToken) == ApprovalLinkUse.AlreadyUsed)
        {
            return ApprovalLinkPages.AlreadyUsed(link!.DraftId);
        }

        var draftId = record!.Draft.Id;
        var decision = await DraftDecisions.DecideAsync(user.UserId, draftId, new DraftApproved(draftId, null, null), store, engine, cancellationToken);
        return decision.Outcome switch
        {
            DraftDecisionOutcome.Done => ApprovalLinkPages.Result(context, decision.Draft!, candidate.Value.TimeZone),
            DraftDecisionOutcome.Refused => ApprovalLinkPages.Refused(draftId, decision.Reason!),
            _ => ApprovalLinkPages.DraftGone(),
        };
    }

    /// <summary>The draft an authentic, unexpired link of this user names; otherwise the page that says why not.</summary>
    private static async Task<(DraftRecord? Record, ApprovalLink? Link, HtmlPage? Refusal)> ResolveAsync(
        string token, IServiceProvider services, InterviewStore store, UserContext user, CancellationToken cancellationToken)
    {
        // Without keys the signer cannot be built (it throws); ask the options first and say so plainly.
        if (!services.GetRequiredService<IOptions<ApprovalLinkOptions>>().Value.Enabled)
        {
            return (null, null, ApprovalLinkPages.Off());
        }

        var verification = services.GetRequiredService<ApprovalLinkSigner>().Verify(token);
        if (!verification.IsValid)
        {
            return (null, null, ApprovalLinkPages.Invalid(verification));
        }

        var link = verification.Link;
        if (link.UserId != user.UserId || link.Action != ApprovalAction.Approve)
        {
            return (null, null, ApprovalLinkPages.Invalid(ApprovalLinkVerification.Forged));
        }

        var record = await store.GetDraftAsync(user.UserId, link.DraftId, cancellationToken);
        return record is null || record.InterviewId != link.InterviewId
            ? (null, null, ApprovalLinkPages.DraftGone())
            : (record, link, null);
    }
}
