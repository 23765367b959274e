using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace FollowUpFlow.App.Inbound;

/// <summary>
/// SendGrid cannot add headers to its webhook posts, so the shared secret travels in the webhook URL: as the Basic
/// auth password (https://sendgrid:SECRET@host/api/inbound/sendgrid, preferred: URLs with a query are more often
/// logged along the way) or as ?secret=SECRET.
/// </summary>
internal static class SendGridSecret
{
    public const string QueryParameter = "secret";

    public static bool Matches(HttpRequest request, string expected)
    {
        // Both candidates are compared, always, so the time taken does not tell which one was given.
        var fromQuery = Same(request.Query[QueryParameter].ToString(), expected);
        var fromBasic = Same(BasicPassword(request) ?? "", expected);
        return fromQuery | fromBasic;
    }

    /// <summary>Constant-time comparison; hashing first makes the lengths equal, so not even the length leaks.</summary>
    private static bool Same(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected))) && given.Length > 0;

    private static string? BasicPassword(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
            || !header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return null;
        }

        try
        {
            var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = credentials.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : credentials[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
