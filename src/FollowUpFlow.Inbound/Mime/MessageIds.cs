using System.Collections.Immutable;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>Message-ID, In-Reply-To and References: ids without angle brackets, whether or not the sender wrote them.</summary>
internal static class MessageIds
{
    private const int MaxIds = 500;

    public static string? ParseSingle(string? value)
    {
        var ids = ParseList(value);
        if (!ids.IsEmpty)
        {
            return ids[0];
        }

        // No brackets and no "@": take the first word as written.
        var bare = value is null ? string.Empty : StripComments(value).Trim();
        var space = bare.IndexOfAny([' ', '\t']);
        bare = space < 0 ? bare : bare[..space];
        return bare.Length == 0 ? null : bare;
    }

    public static ImmutableArray<string> ParseList(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        var ids = ImmutableArray.CreateBuilder<string>();
        var i = 0;
        while (ids.Count < MaxIds)
        {
            var open = value.IndexOf('<', i);
            if (open < 0)
            {
                break;
            }

            var close = value.IndexOf('>', open + 1);
            var end = close < 0 ? value.Length : close;
            var id = string.Concat(value.AsSpan(open + 1, end - open - 1).ToString().Where(c => !char.IsWhiteSpace(c)));
            if (id.Length > 0)
            {
                ids.Add(id);
            }

            i = Math.Min(end + 1, value.Length);
        }

        if (ids.Count == 0)
        {
            foreach (var word in StripComments(value).Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                if (word.Contains('@', StringComparison.Ordinal) && ids.Count < MaxIds)
                {
                    ids.Add(word);
                }
            }
        }

        return ids.ToImmutable();
    }

    private static string StripComments(string value)
    {
        if (!value.Contains('(', StringComparison.Ordinal))
        {
            return value;
        }

        var chars = new List<char>(value.Length);
        var depth = 0;
        foreach (var c in value)
        {
            depth += c == '(' ? 1 : 0;
            if (depth == 0)
            {
                chars.Add(c);
            }

            depth -= c == ')' && depth > 0 ? 1 : 0;
        }

        return new string([.. chars]);
    }
}
