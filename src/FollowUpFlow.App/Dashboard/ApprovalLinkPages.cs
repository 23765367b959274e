using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Workflow.Approvals;
using FollowUpFlow.Workflow.Persistence;

namespace FollowUpFlow.App.Dashboard;

/// <summary>The pages a one-click approval link from the digest leads to.</summary>
internal static class ApprovalLinkPages
{
    private static readonly (string, string) Dashboard = ("/drafts", "Open your drafts in the dashboard");

    /// <summary>The confirmation step: a mail scanner that opens the link sees this page and approves nothing.</summary>
    public static HtmlPage Confirm(HttpContext context, string token, DraftRecord record, string timeZone)
    {
        var html = new HtmlBuilder();
        if (record.Draft.Status is DraftStatus.Pending or DraftStatus.Failed)
        {
            html.Append($"""
                <p class="lead">Check the message below. Nothing is sent until you press the button.</p>
                {DraftCard.Render(context, record, timeZone, headingLevel: 2, withForms: false)}
                <form method="post" action="/approve/{token}">
                {Forms.TokenField(context)}
                <button type="submit" class="primary">Approve and send</button>
                </form>
                <p><a href="/drafts/{record.Draft.Id}">Edit it first in the dashboard</a></p>
                """);
        }
        else
        {
            html.Append($"""
                <p class="lead">There is nothing to approve: this draft is no longer waiting.</p>
                {DraftCard.Render(context, record, timeZone, headingLevel: 2, withForms: false)}
                <p><a href="/drafts/{record.Draft.Id}">Open it in the dashboard</a></p>
                """);
        }

        return Layout.Page("Approve a draft", DashboardSection.None, html.ToMarkup());
    }

    public static HtmlPage Result(HttpContext context, DraftRecord record, string timeZone)
    {
        var title = record.Draft.Status switch
        {
            DraftStatus.Sent => "Sent",
            DraftStatus.Sending => "Approved: being sent",
            DraftStatus.Failed => "Approved, but not sent",
            DraftStatus.Uncertain => "Approved, but the send is uncertain",
            _ => "Approved",
        };
        var html = new HtmlBuilder();
        html.Append($"""
            <p class="lead" role="status">{DraftCard.StatusText(record.Draft, timeZone)}</p>
            {DraftCard.Render(context, record, timeZone, headingLevel: 2, withForms: false)}
            <p><a href="/drafts">All drafts</a></p>
            """);
        return Layout.Page(title, DashboardSection.None, html.ToMarkup());
    }

    /// <summary>A used link opened again: it says so, with where the draft stands now.</summary>
    public static HtmlPage Used(HttpContext context, DraftRecord record, string timeZone)
    {
        var html = new HtmlBuilder();
        html.Append($"""
            <p class="lead">This approval link was already used: each link works once. {DraftCard.StatusText(record.Draft, timeZone)}</p>
            {DraftCard.Render(context, record, timeZone, headingLevel: 2, withForms: false)}
            <p><a href="/drafts/{record.Draft.Id}">Open it in the dashboard</a></p>
            """);
        return Layout.Page("This link was already used", DashboardSection.None, html.ToMarkup());
    }

    public static HtmlPage AlreadyUsed(string draftId) => Layout.Notice(
        StatusCodes.Status409Conflict,
        "This link was already used",
        "This approval link was already used: each link works once. The draft is not sent a second time.",
        ($"/drafts/{Uri.EscapeDataString(draftId)}", "See the draft in the dashboard"),
        Dashboard);

    public static HtmlPage Refused(string draftId, string reason) => Layout.Notice(
        StatusCodes.Status409Conflict,
        "Not approved",
        $"The draft was not approved: {reason}",
        ($"/drafts/{Uri.EscapeDataString(draftId)}", "See the draft in the dashboard"),
        Dashboard);

    public static HtmlPage Invalid(ApprovalLinkVerification verification) => verification.Status switch
    {
        ApprovalLinkStatus.Expired => Layout.Notice(
            StatusCodes.Status410Gone,
            "This link has expired",
            "This approval link has expired, so it can no longer approve anything. The draft may still wait for you in the dashboard.",
            ($"/drafts/{Uri.EscapeDataString(verification.Link!.DraftId)}", "See the draft in the dashboard"),
            Dashboard),
        ApprovalLinkStatus.Forged => Layout.Notice(
            StatusCodes.Status400BadRequest,
            "This link is not valid",
            "This approval link was not issued by this FollowUpFlow, or it was changed on the way. Nothing was approved.",
            Dashboard),
        _ => Layout.Notice(
            StatusCodes.Status400BadRequest,
            "This link is not valid",
            "This is not a complete approval link; it may have been cut when it was copied. Nothing was approved.",
            Dashboard),
    };

    public static HtmlPage Off() => Layout.Notice(
        StatusCodes.Status404NotFound,
        "Approval links are turned off",
        $"Approval links are turned off on this FollowUpFlow (no signing keys are set in {ApprovalLinkOptions.Section}:Keys), so this link cannot approve anything. Approve the draft in the dashboard instead.",
        Dashboard);

    public static HtmlPage DraftGone() => Layout.Notice(
        StatusCodes.Status404NotFound,
        "Draft not found",
        "The draft this link was made for no longer exists. Nothing was approved.",
        Dashboard);
}
