using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Workflow.Persistence;

namespace FollowUpFlow.App.Dashboard;

/// <summary>/drafts (what waits for a decision, then what is settled) and /drafts/{id} (one draft: the digest's edit link).</summary>
internal static class DraftPages
{
    public static HtmlPage List(HttpContext context, IReadOnlyList<DraftRecord> drafts, string timeZone, string? done)
    {
        var waiting = drafts.Where(d => d.Draft.IsOpen()).OrderBy(d => d.Draft.CreatedAt).ToList();
        var settled = drafts.Where(d => !d.Draft.IsOpen()).OrderByDescending(d => d.Draft.SentAt ?? d.Draft.CreatedAt).ToList();
        var html = new HtmlBuilder();
        html.Append($"{Notice(done, null)}");
        html.Append($"""<section aria-labelledby="waiting"><h2 id="waiting">Waiting for your decision ({waiting.Count})</h2>""");
        if (waiting.Count == 0)
        {
            html.Append($"<p>Nothing waits for you. New drafts appear here after an interview and after an outcome.</p>");
        }

        foreach (var record in waiting)
        {
            html.Append($"{DraftCard.Render(context, record, timeZone, headingLevel: 3, withForms: true)}");
        }

        html.Append($"""</section><section aria-labelledby="settled"><h2 id="settled">Sent, rejected, expired and withdrawn ({settled.Count})</h2>""");
        if (settled.Count == 0)
        {
            html.Append($"<p>No draft has been settled yet.</p>");
        }

        foreach (var record in settled)
        {
            html.Append($"{DraftCard.Render(context, record, timeZone, headingLevel: 3, withForms: false)}");
        }

        html.Append($"</section>");
        return Layout.Page("Drafts", DashboardSection.Drafts, html.ToMarkup());
    }

    /// <param name="rejectedEdit">An edit that was not accepted: the page is answered 400 with the edit shown again.</param>
    public static HtmlPage One(HttpContext context, DraftRecord record, string timeZone, string? done, RejectedEdit? rejectedEdit = null)
    {
        var html = new HtmlBuilder();
        html.Append($"{Notice(done, record.Draft)}");
        html.Append($"{DraftCard.Render(context, record, timeZone, headingLevel: 2, withForms: true, rejectedEdit, title: "The message")}");
        html.Append($"""<p><a href="/drafts">All drafts</a></p>""");
        return Layout.Page(
            $"{record.Draft.Kind.Label()} to {record.Draft.To.Name}",
            DashboardSection.Drafts,
            html.ToMarkup(),
            rejectedEdit is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// What the last form did, from a fixed word in the query string (never free text from the URL, which anyone can
    /// craft); with the draft at hand the sentence also says where the send stands.
    /// </summary>
    private static Markup Notice(string? done, Draft? draft)
    {
        var sentence = done switch
        {
            "approved" => draft?.Status switch
            {
                DraftStatus.Sent => "Approved and sent.",
                DraftStatus.Sending => "Approved; the send is under way.",
                DraftStatus.Failed => "Approved, but the send failed; see below.",
                DraftStatus.Uncertain => "Approved, but whether it left is unknown; see below.",
                _ => "Approved.",
            },
            "rejected" => "Rejected: the draft will not be sent.",
            "saved" => "Saved. It waits for your approval as it now reads.",
            "unchanged" => "Nothing was changed.",
            "marked-sent" => "Recorded as sent.",
            _ => null,
        };
        if (sentence is null)
        {
            return Markup.Empty;
        }

        var html = new HtmlBuilder();
        html.Append($"""<p class="flash" role="status">{sentence}</p>""");
        return html.ToMarkup();
    }
}
