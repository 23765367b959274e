using System.Globalization;
using FollowUpFlow.App.Contracts;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Workflow.Persistence;

namespace FollowUpFlow.App.Dashboard;

/// <summary>One draft, whole (to, subject, full body as text), with the decisions still open to the candidate.</summary>
internal static class DraftCard
{
    /// <param name="rejectedEdit">An edit that was not accepted: the form is shown open, with the typed text and why.</param>
    /// <param name="title">The heading, when the card is the page's own draft (the page's title names it already).</param>
    public static Markup Render(HttpContext context, DraftRecord record, string timeZone, int headingLevel, bool withForms, RejectedEdit? rejectedEdit = null, string? title = null)
    {
        var draft = record.Draft;
        var id = draft.Id;
        var heading = Math.Clamp(headingLevel, 2, 4).ToString(CultureInfo.InvariantCulture);
        var name = new HtmlBuilder();
        if (title is null)
        {
            name.Append($"""<a href="/drafts/{id}">{draft.Kind.Label()} to {draft.To.Name}</a>""");
        }
        else
        {
            // On the draft's own page: no link to the page it is on.
            name.Append($"{title}");
        }

        var html = new HtmlBuilder();
        html.Append($"""
            <article class="draft" aria-labelledby="draft-{id}-title">
            <h{heading} id="draft-{id}-title">{name.ToMarkup()}</h{heading}>
            <p class="meta">{record.Company} · {record.Role} · <a href="/interviews/{record.InterviewId}">the interview</a></p>
            <p class="status status-{draft.Status.ToString().ToLowerInvariant()}">{StatusText(draft, timeZone)}</p>
            <dl class="message-head">
            <dt>To</dt><dd>{Recipient(draft.To)}</dd>
            <dt>Subject</dt><dd>{draft.Subject}</dd>
            </dl>
            <div class="message-body">{draft.Body}</div>
            """);
        if (withForms && draft.IsOpen())
        {
            html.Append($"{Decisions(context, draft, rejectedEdit)}");
        }

        html.Append($"</article>");
        return html.ToMarkup();
    }

    public static string StatusText(Draft draft, string timeZone) => draft.Status switch
    {
        DraftStatus.Pending when draft.ExpiresAt is { } expires => $"Waiting for your approval (expires {DashboardTime.Format(expires, timeZone)}).",
        DraftStatus.Pending => "Waiting for your approval.",
        DraftStatus.Sending => "Approved; being sent.",
        DraftStatus.Sent when draft.SentAt is { } sent => $"Sent {DashboardTime.Format(sent, timeZone)}.",
        DraftStatus.Sent => "Sent.",
        DraftStatus.Rejected => "Rejected: it will not be sent.",
        DraftStatus.Expired => "Expired before it was approved: it will not be sent.",
        DraftStatus.Withdrawn => "Withdrawn: no longer needed, it will not be sent.",
        DraftStatus.Failed => $"Could not be sent: {draft.FailureReason ?? "the mail provider refused it"}. You may approve it again.",
        DraftStatus.Uncertain => $"May or may not have been sent: {draft.FailureReason ?? "the send was interrupted"}. Look in your sent mail, then tell FollowUpFlow.",
        _ => draft.Status.ToString(),
    };

    public static string Recipient(Person to) => to.HasEmail ? $"{to.Name} <{to.Email}>" : $"{to.Name} (no address)";

    private static Markup Decisions(HttpContext context, Draft draft, RejectedEdit? rejectedEdit)
    {
        var id = draft.Id;
        var action = $"/drafts/{Uri.EscapeDataString(id)}";
        var title = $"draft-{id}-title";
        var html = new HtmlBuilder();
        html.Append($"""<div class="actions">""");
        if (draft.Status == DraftStatus.Uncertain)
        {
            html.Append($"{Forms.Button(context, action + "/mark-sent", "It was sent", title, "primary")}");
            html.Append($"{Forms.Button(context, action + "/approve", "Send again", title)}");
        }
        else
        {
            html.Append($"{Forms.Button(context, action + "/approve", "Approve and send as it is", title, "primary")}");
        }

        html.Append($"{Forms.Button(context, action + "/reject", "Reject: do not send", title, "danger")}");
        html.Append($"</div>");

        // A refused edit comes back open, with what was typed (nothing is lost) and the reason next to it.
        var open = rejectedEdit is null ? Markup.Empty : new Markup(" open");
        var problem = Markup.Empty;
        var described = Markup.Empty;
        if (rejectedEdit is not null)
        {
            var error = new HtmlBuilder();
            error.Append($"""<p class="form-error" id="edit-error-{id}" role="alert">{rejectedEdit.Problem}</p>""");
            problem = error.ToMarkup();
            var attribute = new HtmlBuilder();
            attribute.Append($" aria-describedby=\"edit-error-{id}\" aria-invalid=\"true\"");
            described = attribute.ToMarkup();
        }

        // The newline after <textarea> is eaten by the HTML parser, so a body that starts with a blank line keeps it.
        html.Append($"""
            <details class="edit"{open}>
            <summary>Edit</summary>
            <form method="post" action="{action}/approve">
            {Forms.TokenField(context)}
            {problem}
            <input type="hidden" name="edited" value="1">
            <label for="subject-{id}">Subject</label>
            <input id="subject-{id}" name="subject" type="text" value="{rejectedEdit?.Subject ?? draft.Subject}" maxlength="{RequestLimits.MaxSubject}" required{described}>
            <label for="body-{id}">Message</label>
            <textarea id="body-{id}" name="body" rows="12" maxlength="{RequestLimits.MaxDraftBody}" required{described}>
            {rejectedEdit?.Body ?? draft.Body}</textarea>
            <div class="actions">
            <button type="submit" class="primary">Approve and send with these changes</button>
            <button type="submit" formaction="{action}/save">Save for later</button>
            </div>
            </form>
            </details>
            """);
        return html.ToMarkup();
    }
}

/// <summary>An edit the candidate typed that was not accepted, shown again with the reason.</summary>
internal sealed record RejectedEdit(string Subject, string Body, string Problem);
