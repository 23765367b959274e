using System.Text.RegularExpressions;

namespace FollowUpFlow.Inbound.Understanding;

/// <summary>
/// Regex use for untrusted text: patterns run on the non-backtracking engine, so matching time grows with the
/// input's length only, and results do not depend on how busy the machine is. The time limit is a last guard;
/// hitting it means "no more matches", never an exception.
/// </summary>
internal static class SafeRegex
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    public static Regex Create(string pattern, RegexOptions extra = RegexOptions.None) =>
        new(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking | extra, Timeout);

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
