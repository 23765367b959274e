using System.Text;

namespace FollowUpFlow.App.Dashboard;

/// <summary>A dashboard page as a response, with the headers every dashboard page carries.</summary>
internal sealed class HtmlPage(int statusCode, string html) : IResult
{
    /// <summary>No scripts, no frames, no foreign styles, forms post here only: an injected tag could do nothing.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public int StatusCode => statusCode;

    public static void AddSecurityHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        // An approval link is a credential in the URL; no other site may learn it from a Referer header. "same-origin"
        // rather than "no-referrer": under "no-referrer" browsers send "Origin: null" with the dashboard's own form
        // posts, which the request guards rightly refuse as coming from another site.
        response.Headers["Referrer-Policy"] = "same-origin";
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        AddSecurityHeaders(response);
        // Pages carry antiforgery tokens and mail the candidate wrote: nothing for a shared cache to keep.
        response.Headers.CacheControl = "no-store";
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(html, Encoding.UTF8, httpContext.RequestAborted);
    }
}
