namespace FollowUpFlow.App.Dashboard;

internal enum DashboardSection
{
    None,
    Interviews,
    Drafts,
    Review,
}

/// <summary>The frame around every page: language, viewport, the one style sheet, the navigation and the main landmark.</summary>
internal static class Layout
{
    public const string StyleSheetPath = "/dashboard.css";

    public static HtmlPage Page(string title, DashboardSection current, Markup content, int statusCode = StatusCodes.Status200OK)
    {
        var html = new HtmlBuilder();
        html.Append($"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} · FollowUpFlow</title>
            <link rel="stylesheet" href="{StyleSheetPath}">
            </head>
            <body>
            <header class="site">
            <p class="brand"><a href="/interviews">FollowUpFlow</a></p>
            <nav aria-label="Main">
            <ul>
            {NavLink("/interviews", "Interviews", current == DashboardSection.Interviews)}
            {NavLink("/drafts", "Drafts", current == DashboardSection.Drafts)}
            {NavLink("/review", "Needs review", current == DashboardSection.Review)}
            </ul>
            </nav>
            </header>
            <main id="main">
            <h1>{title}</h1>
            {content}
            </main>
            </body>
            </html>
            """);
        return new HtmlPage(statusCode, html.ToString());
    }

    /// <summary>A page that says one thing (a result, a refusal, a broken link) and where to go next.</summary>
    public static HtmlPage Notice(int statusCode, string title, string sentence, params (string Href, string Text)[] links)
    {
        var html = new HtmlBuilder();
        html.Append($"""<p class="lead">{sentence}</p>""");
        if (links.Length > 0)
        {
            html.Append($"""<ul class="next">""");
            foreach (var (href, text) in links)
            {
                html.Append($"""<li><a href="{href}">{text}</a></li>""");
            }

            html.Append($"</ul>");
        }

        return Page(title, DashboardSection.None, html.ToMarkup(), statusCode);
    }

    private static Markup NavLink(string href, string text, bool current)
    {
        var html = new HtmlBuilder();
        if (current)
        {
            html.Append($"""<li><a href="{href}" aria-current="page">{text}</a></li>""");
        }
        else
        {
            html.Append($"""<li><a href="{href}">{text}</a></li>""");
        }

        return html.ToMarkup();
    }
}
