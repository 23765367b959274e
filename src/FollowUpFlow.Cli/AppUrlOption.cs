using System.CommandLine;

namespace FollowUpFlow.Cli;

/// <summary>`--url`: where the running app listens. An absolute http or https address; anything else is a clear usage error.</summary>
internal static class AppUrlOption
{
    public static readonly Uri Default = new("http://127.0.0.1:7071");

    public static Option<Uri> Create() => new("--url")
    {
        Description = "The address of the running app.",
        DefaultValueFactory = _ => Default,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (TryParse(text) is { } uri)
            {
                return uri;
            }

            result.AddError($"--url must be an absolute http or https address such as {Default}, not '{text}'.");
            return null;
        },
    };

    /// <summary>The address with a trailing slash, so relative API paths land under it; null when it is not an http(s) address.</summary>
    public static Uri? TryParse(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? new Uri(uri.AbsoluteUri.EndsWith('/') ? uri.AbsoluteUri : uri.AbsoluteUri + "/")
            : null;
}
