using System.Text;
using Azure.Core;
using FollowUpFlow.Storage.Pipeline;

namespace FollowUpFlow.Storage.Auth;

/// <summary>The pieces of a Shared Key string-to-sign that the Table and Queue schemes have in common.</summary>
internal static class SharedKeyCanonicalizer
{
    public static string Header(Request request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : string.Empty;

    /// <summary>
    /// "/" + account + the escaped URI path as sent. Path-style endpoints (Azurite) therefore carry the account
    /// twice ("/devstoreaccount1/devstoreaccount1/Tables"), which is what the service expects.
    /// </summary>
    public static string ResourcePath(Uri uri, string accountName) => "/" + accountName + uri.AbsolutePath;

    /// <summary>Query parameters decoded, names lower-cased, grouped and sorted.</summary>
    public static SortedDictionary<string, List<string>> QueryParameters(Uri uri)
    {
        var result = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var query = uri.Query.TrimStart('?');
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(eq < 0 ? pair : pair[..eq]).ToLowerInvariant();
            var value = eq < 0 ? string.Empty : Decode(pair[(eq + 1)..]);
            if (!result.TryGetValue(name, out var values))
            {
                result[name] = values = [];
            }

            values.Add(value);
        }

        return result;
    }

    /// <summary>Every x-ms-* header as "name:value\n", names lower-cased and sorted ordinally.</summary>
    public static string MsHeaders(Request request)
    {
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in request.Headers)
        {
            if (header.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            {
                headers[header.Name.ToLowerInvariant().TrimEnd()] = header.Value.Trim();
            }
        }

        var sb = new StringBuilder();
        foreach (var (name, value) in headers)
        {
            sb.Append(name).Append(':').Append(value).Append('\n');
        }

        return sb.ToString();
    }

    public static void EnsureDate(Request request)
    {
        if (!request.Headers.TryGetValue(StorageHeaders.Date, out _))
        {
            request.Headers.SetValue(StorageHeaders.Date, StorageHeadersPolicy.FormatDate(DateTimeOffset.UtcNow));
        }
    }

    private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}
