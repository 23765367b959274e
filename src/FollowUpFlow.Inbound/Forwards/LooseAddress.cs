using System.Text.RegularExpressions;
using FollowUpFlow.Inbound.Mime;

namespace FollowUpFlow.Inbound.Forwards;

/// <summary>
/// Reads the addresses mail programs print in forwarded headers: "Sam Lee &lt;sam@x.com&gt;",
/// "Sam Lee [mailto:sam@x.com]", "\"Lee, Sam\" &lt;sam@x.com&gt;", a bare address, or a bare name.
/// </summary>
internal static partial class LooseAddress
{
    public static MailboxAddress? ParseOne(string? value)
    {
        var all = ParseList(value);
        return all.Count > 0 ? all[0] : null;
    }

    public static IReadOnlyList<MailboxAddress> ParseList(string? value)
    {
        var result = new List<MailboxAddress>();
        if (string.IsNullOrWhiteSpace(value))
        {
            return result;
        }

        var matches = Address().Matches(value);
        if (matches.Count == 0)
        {
            // Outlook lists people without addresses as "Alex Morgan; Sam Lee".
            foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var name = CleanName(part);
                if (name.Length > 0)
                {
                    result.Add(new MailboxAddress(name, ""));
                }
            }

            return result;
        }

        var previousEnd = 0;
        foreach (Match match in matches)
        {
            var before = value[previousEnd..match.Index];
            var email = match.Groups["email"].Value.Trim();
            var name = CleanName(before);
            result.Add(new MailboxAddress(name.Length > 0 && !name.Equals(email, StringComparison.OrdinalIgnoreCase) ? name : null, email));
            previousEnd = match.Index + match.Length;
        }

        return result;
    }

    private static string CleanName(string text)
    {
        var name = text.Trim().TrimStart(',', ';').Trim().Trim('"', '\'', ' ', '<', '>', '[', ']', '(', ')', ',', ';').Trim();
        if (name.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return "";
        }

        // "Lee, Sam" is how Outlook prints a directory name.
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0 && name.IndexOf(',', comma + 1) < 0 && !name[..comma].Trim().Contains(' ', StringComparison.Ordinal))
        {
            name = $"{name[(comma + 1)..].Trim()} {name[..comma].Trim()}";
        }

        return name;
    }

    [GeneratedRegex(@"[<\[(]?(?:mailto:)?(?<email>[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})[>\])]?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Address();
}
