using System.Text.RegularExpressions;

namespace FollowUpFlow.Inbound.Forwards;

/// <summary>
/// Splits a body into the writer's own words and the older conversation below them
/// ("On … wrote:", "Am … schrieb …:", "Le … a écrit :", "&gt;" lines, an Outlook reply header).
/// </summary>
internal static partial class QuotedHistory
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

            var text = line.Text.Trim();
            if (text.StartsWith('>') || Attribution().IsMatch(text))
            {
                return line.Start;
            }
        }

        return replyHeader?.Start ?? -1;
    }

    [GeneratedRegex(
        @"^(?:on\s.{4,200}\swrote:|am\s.{4,200}\sschrieb\s.{1,200}:|le\s.{4,200}\sa\s(?:é|e)crit\s?:|.{4,200}<[^>\s]+@[^>\s]+>\s(?:wrote|schrieb|a\s(?:é|e)crit)\s?:)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Attribution();
}
