using FollowUpFlow.Workflow.Inbound;

namespace FollowUpFlow.App.Dashboard;

/// <summary>/review: forwarded mail FollowUpFlow kept but could not act on, with the reason; read-only.</summary>
internal static class ReviewPage
{
    public static HtmlPage Render(IReadOnlyList<ReviewItem> items, string timeZone)
    {
        var html = new HtmlBuilder();
        if (items.Count == 0)
        {
            html.Append($"<p>Nothing needs review: every forwarded message was understood.</p>");
            return Layout.Page("Needs review", DashboardSection.Review, html.ToMarkup());
        }

        html.Append($"""
            <p>These messages were kept but not acted on. Resolve them with the API or the command line.</p>
            <div class="table-wrap"><table>
            <caption>Forwarded messages that need a look, newest first</caption>
            <thead><tr><th scope="col">Received</th><th scope="col">From and subject</th><th scope="col">Why</th></tr></thead>
            <tbody>
            """);
        foreach (var item in items.OrderByDescending(i => i.ReceivedAt))
        {
            html.Append($"""
                <tr>
                <td><time datetime="{DashboardTime.Iso(item.ReceivedAt)}">{DashboardTime.Format(item.ReceivedAt, timeZone)}</time></td>
                <td>{item.From ?? "(unknown sender)"}<br><span class="meta">{item.Subject ?? "(no subject)"}</span></td>
                <td>{item.Reason}</td>
                </tr>
                """);
        }

        html.Append($"</tbody></table></div>");
        return Layout.Page("Needs review", DashboardSection.Review, html.ToMarkup());
    }
}
