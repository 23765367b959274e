namespace FollowUpFlow.App.Dashboard;

/// <summary>The dashboard's one style sheet, embedded in the assembly so the app needs no web root to serve it.</summary>
internal static class StyleSheet
{
    private static readonly Lazy<byte[]> Content = new(Load);

    public static IResult Serve(HttpResponse response)
    {
        HtmlPage.AddSecurityHeaders(response);
        response.Headers.CacheControl = "private, max-age=300";
        return TypedResults.Bytes(Content.Value, "text/css; charset=utf-8");
    }

    private static byte[] Load()
    {
        using var stream = typeof(StyleSheet).Assembly.GetManifestResourceStream("FollowUpFlow.App.Dashboard.dashboard.css")
            ?? throw new InvalidOperationException("The dashboard style sheet is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
