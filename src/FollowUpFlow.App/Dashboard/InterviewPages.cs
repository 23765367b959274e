using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Workflow.Persistence;

namespace FollowUpFlow.App.Dashboard;

/// <summary>What an interview list row shows: the interview's plain columns and how many of its drafts wait for a decision.</summary>
internal sealed record InterviewRow(InterviewSummary Summary, int DraftsWaiting);

/// <summary>/interviews (every interview, newest first) and /interviews/{id} (details, timeline, drafts, replies).</summary>
internal static class InterviewPages
{
    /// <param name="candidateTimeZone">For a row stored before it kept its interview's zone.</param>
    public static HtmlPage List(IReadOnlyList<InterviewRow> rows, string candidateTimeZone)
    {
        var html = new HtmlBuilder();
        if (rows.Count == 0)
        {
            html.Append($"<p>No interviews yet. Forward an interview confirmation to the inbound address and it appears here.</p>");
            return Layout.Page("Interviews", DashboardSection.Interviews, html.ToMarkup());
        }

        html.Append($"""
            <div class="table-wrap"><table>
            <caption>Your interviews, newest first</caption>
            <thead><tr><th scope="col">Company and role</th><th scope="col">When</th><th scope="col">Stage</th><th scope="col">Drafts waiting</th></tr></thead>
            <tbody>
            """);
        foreach (var row in rows)
        {
            var interview = row.Summary;
            html.Append($"""
                <tr>
                <th scope="row"><a href="/interviews/{interview.Id}">{interview.Company}</a><br><span class="meta">{interview.Role}</span></th>
                <td><time datetime="{DashboardTime.Iso(interview.Start)}">{DashboardTime.Format(interview.Start, interview.TimeZone ?? candidateTimeZone)}</time></td>
                <td>{Stage(interview.Phase, interview.CloseReason)}</td>
                <td>{(row.DraftsWaiting == 0 ? Markup.Empty : DraftsLink(row.DraftsWaiting))}{(row.DraftsWaiting == 0 ? "none" : "")}</td>
                </tr>
                """);
        }

        html.Append($"</tbody></table></div>");
        return Layout.Page("Interviews", DashboardSection.Interviews, html.ToMarkup());
    }

    public static HtmlPage Detail(InterviewState state, IReadOnlyList<StoredReply> replies, IReadOnlyList<HistoryEntry> history, string candidateTimeZone)
    {
        var details = state.Details;
        var html = new HtmlBuilder();
        html.Append($"""
            <dl class="facts">
            <dt>Role</dt><dd>{details.Role}</dd>
            <dt>When</dt><dd><time datetime="{DashboardTime.Iso(details.Start)}">{DashboardTime.Format(details.Start, details.TimeZone)}</time> to {DashboardTime.Format(details.End, details.TimeZone)}</dd>
            <dt>Stage</dt><dd>{Stage(state.Phase, state.CloseReason)}</dd>
            <dt>Interviewers</dt><dd>{(details.Interviewers.IsDefaultOrEmpty ? "none named" : string.Join(", ", details.Interviewers.Select(DraftCard.Recipient)))}</dd>
            <dt>Recruiter</dt><dd>{(details.Recruiter is { } recruiter ? DraftCard.Recipient(recruiter) : "none named")}</dd>
            </dl>
            """);

        html.Append($"""<section aria-labelledby="timeline"><h2 id="timeline">Timeline</h2>""");
        if (history.Count == 0)
        {
            html.Append($"<p>No events recorded.</p>");
        }
        else
        {
            html.Append($"""<ol class="timeline">""");
            foreach (var entry in history.OrderBy(e => e.Sequence))
            {
                html.Append($"""<li><time datetime="{DashboardTime.Iso(entry.At)}">{DashboardTime.Format(entry.At, details.TimeZone)}</time> {entry.Summary}""");
                if (!entry.Applied)
                {
                    html.Append($""" <span class="meta">(changed nothing)</span>""");
                }

                if (!string.IsNullOrWhiteSpace(entry.Note))
                {
                    html.Append($""" <span class="meta">{entry.Note}</span>""");
                }

                html.Append($"</li>");
            }

            html.Append($"</ol>");
        }

        html.Append($"""</section><section aria-labelledby="drafts"><h2 id="drafts">Drafts</h2>""");
        var drafts = state.Drafts.IsDefault ? [] : state.Drafts.OrderBy(d => d.CreatedAt).ToList();
        if (drafts.Count == 0)
        {
            html.Append($"<p>No drafts yet.</p>");
        }
        else
        {
            html.Append($"<ul>");
            foreach (var draft in drafts)
            {
                html.Append($"""<li><a href="/drafts/{draft.Id}">{draft.Kind.Label()} to {draft.To.Name}</a>: {DraftCard.StatusText(draft, candidateTimeZone)}</li>""");
            }

            html.Append($"</ul>");
        }

        html.Append($"""</section><section aria-labelledby="replies"><h2 id="replies">Replies</h2>""");
        if (replies.Count == 0)
        {
            html.Append($"<p>No replies yet.</p>");
        }

        foreach (var reply in replies.OrderBy(r => r.ReceivedAt))
        {
            // A reply is mail from outside: shown as text, its HTML (if any) is never rendered.
            html.Append($"""
                <article class="reply" aria-label="Reply from {reply.From}">
                <dl class="message-head">
                <dt>From</dt><dd>{reply.From}</dd>
                <dt>Subject</dt><dd>{reply.Subject}</dd>
                <dt>Received</dt><dd><time datetime="{DashboardTime.Iso(reply.ReceivedAt)}">{DashboardTime.Format(reply.ReceivedAt, details.TimeZone)}</time></dd>
                </dl>
                <div class="message-body">{reply.Body}</div>
                </article>
                """);
        }

        html.Append($"""</section><p><a href="/interviews">All interviews</a></p>""");
        return Layout.Page($"{details.Company}", DashboardSection.Interviews, html.ToMarkup());
    }

    private static string Stage(InterviewPhase phase, CloseReason? closeReason) => phase switch
    {
        InterviewPhase.Scheduled => "Scheduled",
        InterviewPhase.AwaitingOutcome => "Waiting for the outcome",
        InterviewPhase.Rejected => "Rejected: asking for feedback",
        InterviewPhase.AwaitingFeedback => "Waiting for feedback",
        InterviewPhase.Closed when closeReason is { } reason => $"Closed ({reason})",
        InterviewPhase.Closed => "Closed",
        _ => phase.ToString(),
    };

    private static Markup DraftsLink(int count)
    {
        var html = new HtmlBuilder();
        html.Append($"""<a href="/drafts">{count} waiting</a>""");
        return html.ToMarkup();
    }
}
