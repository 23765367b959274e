using Microsoft.AspNetCore.Antiforgery;

namespace FollowUpFlow.App.Dashboard;

/// <summary>Pieces of the state-changing forms: each carries the antiforgery token the request guards check.</summary>
internal static class Forms
{
    /// <summary>The hidden token field; also sets the matching cookie, so call it before the response starts.</summary>
    public static Markup TokenField(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var html = new HtmlBuilder();
        html.Append($"""<input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}">""");
        return html.ToMarkup();
    }

    /// <summary>
    /// A form that is only a button: the action is all it says. <paramref name="describedBy"/> names the element that
    /// says what it acts on, so a screen reader tells one draft's "Reject" from the next one's.
    /// </summary>
    public static Markup Button(HttpContext context, string action, string label, string describedBy, string buttonClass = "")
    {
        var html = new HtmlBuilder();
        html.Append($"""<form method="post" action="{action}" class="inline">{TokenField(context)}<button type="submit" class="{buttonClass}" aria-describedby="{describedBy}">{label}</button></form>""");
        return html.ToMarkup();
    }
}
