using System.Collections.Immutable;
using System.Text;

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
        var bare = value is null ? ReadOnlySpan<char>.Empty : StripComments(value).AsSpan().Trim();
        var space = bare.IndexOfAny(' ', '\t');
        bare = space < 0 ? bare : bare[..space];
        return bare.IsEmpty ? null : bare.ToString();
    }

    public static ImmutableArray<string> ParseList(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        var ids = ImmutableArray.CreateBuilder<string>();
        var rest = value.AsSpan();
        while (ids.Count < MaxIds)
        {
            var open = rest.IndexOf('<');
            if (open < 0)
            {
                break;
            }

            rest = rest[(open + 1)..];
            var close = rest.IndexOf('>');
            var id = close < 0 ? rest : rest[..close];
            rest = close < 0 ? [] : rest[(close + 1)..];
            if (WithoutWhiteSpace(id) is { Length: > 0 } clean)
            {
                ids.Add(clean);
            }
        }

        if (ids.Count == 0)
        {
            var words = StripComments(value).AsSpan();
            foreach (var range in words.SplitAny(" \t,"))
            {
                var word = words[range];
                if (word.Contains('@') && ids.Count < MaxIds)
                {
                    ids.Add(word.ToString());
                }
            }
        }

        return ids.ToImmutable();
    }

    // Folding can split a long id across lines.
    private static string WithoutWhiteSpace(ReadOnlySpan<char> id)
    {
        var trimmed = id.Trim();
        if (!trimmed.ContainsAny(" \t"))
        {
            return trimmed.ToString();
        }

        var builder = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string StripComments(string value)
    {
        if (!value.Contains('(', StringComparison.Ordinal))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        var depth = 0;
        foreach (var c in value)
        {
            depth += c == '(' ? 1 : 0;
            if (depth == 0)
            {
                builder.Append(c);
            }

            depth -= c == ')' && depth > 0 ? 1 : 0;
        }

        return builder.ToString();
    }
}
