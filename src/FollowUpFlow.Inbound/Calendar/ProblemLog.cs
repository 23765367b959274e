using System.Collections.Immutable;

namespace FollowUpFlow.Inbound.Calendar;

/// <summary>What could not be read, capped so that a junk file cannot grow it without bound.</summary>
internal sealed class ProblemLog
{
    private const int SnippetLength = 60;
    private readonly List<string> problems = [];
    private bool overflowed;

    public void Add(string problem)
    {
        if (problems.Count < CalendarLimits.MaxProblems)
        {
            problems.Add(problem);
        }
        else if (!overflowed)
        {
            overflowed = true;
            problems.Add("Too many problems; the rest are not recorded.");
        }
    }

    public ImmutableArray<string> ToImmutableArray() => [.. problems];

    /// <summary>The start of a value, short enough to quote in a problem.</summary>
    public static string Snippet(string text) =>
        text.Length <= SnippetLength ? text : string.Concat(text.AsSpan(0, SnippetLength), "...");
}
