using FollowUpFlow.Inbound.Understanding.Dates;

namespace FollowUpFlow.Inbound.Forwards;

/// <summary>
/// Splits a body into the writer's own words and the older conversation below them
/// ("On … wrote:", "Am … schrieb …:", "Le … a écrit :", "&gt;" lines, an Outlook reply header).
/// </summary>
internal static class QuotedHistory
{
    public static (string Fresh, string Quoted) Split(string body)
    {
        var cut = FindCut(body);
        return cut < 0 ? (body, "") : (body[..cut], body[cut..]);
    }

    private static int FindCut(string body)
    {
        var replyHeader = InlineHeaderBlock.FindFirst(body);
        var lines = TextLines.Split(body);
        foreach (var line in lines)
        {
            if (replyHeader is not null && line.Start >= replyHeader.Start)
            {
                return replyHeader.Start;
            }

            var text = line.Span.Trim();
            if (text.StartsWith('>') || IsAttribution(text))
            {
                return line.Start;
            }
        }

        return replyHeader?.Start ?? -1;
    }

    /// <summary>"On Mon, Dec 7, 2026 at 10:02 AM Sam Lee &lt;sam@x.com&gt; wrote:", "Am … schrieb …:", "Le … a écrit :".</summary>
    private static bool IsAttribution(ReadOnlySpan<char> line)
    {
        if (line.Length is < 10 or > 300 || line[^1] != ':')
        {
            return false;
        }

        var folded = TextFolding.Fold(line);
        var english = folded.EndsWith(" wrote:", StringComparison.Ordinal);
        var german = folded.Contains(" schrieb ", StringComparison.Ordinal) || folded.EndsWith(" schrieb:", StringComparison.Ordinal);
        var french = folded.EndsWith(" a ecrit :", StringComparison.Ordinal) || folded.EndsWith(" a ecrit:", StringComparison.Ordinal);
        return (english && (folded.StartsWith("on ", StringComparison.Ordinal) || folded.Contains('@', StringComparison.Ordinal)))
            || (german && (folded.StartsWith("am ", StringComparison.Ordinal) || folded.Contains('@', StringComparison.Ordinal)))
            || (french && (folded.StartsWith("le ", StringComparison.Ordinal) || folded.Contains('@', StringComparison.Ordinal)));
    }
}
