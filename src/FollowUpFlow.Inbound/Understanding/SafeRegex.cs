using System.Text.RegularExpressions;

namespace FollowUpFlow.Inbound.Understanding;

/// <summary>
/// Regex use for untrusted text. The patterns are written so that no two of their parts can match the same
/// characters (words are separated by a space that no word contains), so backtracking stays linear; they are
/// compiled, because the finders run them over every message. The time limit is a last guard, far above what
/// any input needs; hitting it means "no more matches", never an exception.
/// </summary>
internal static class SafeRegex
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    public static Regex Create(string pattern, RegexOptions extra = RegexOptions.None) =>
        new(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled | extra, Timeout);

    public static Match? First(Regex regex, string text)
    {
        try
        {
            var match = regex.Match(text);
            return match.Success ? match : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    public static List<Match> Matches(Regex regex, string text)
    {
        var matches = new List<Match>();
        try
        {
            for (var match = regex.Match(text); match.Success; match = match.NextMatch())
            {
                matches.Add(match);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Pathological input: keep what was found before the limit.
        }

        return matches;
    }
}
