using System.Collections.Immutable;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>State shared by one read: the limits, how many parts were made, and the problems found, in order.</summary>
internal sealed class ReadContext(MimeLimits limits)
{
    // Hostile input can produce a problem per line; past this many, one more problem says the rest were dropped.
    private const int MaxProblems = 200;

    private readonly List<MimeProblem> problems = [];

    public MimeLimits Limits { get; } = limits;

    public int PartCount { get; set; }

    /// <summary>Set once MaxParts is reached: the reader stops making parts.</summary>
    public bool Stopped { get; set; }

    public int ProblemCount => problems.Count;

    public void Report(string code, string detail)
    {
        if (problems.Count < MaxProblems)
        {
            problems.Add(new MimeProblem(code, detail));
        }
        else if (problems.Count == MaxProblems)
        {
            problems.Add(new MimeProblem(MimeProblemCodes.ProblemsTruncated, $"more than {MaxProblems} problems; the rest were not recorded"));
        }
    }

    public void ExceedLimit(string reason) => Report(MimeProblemCodes.LimitExceeded, reason);

    /// <summary>The problems recorded from <paramref name="start"/> on (what one message, embedded ones included, ran into).</summary>
    public ImmutableArray<MimeProblem> ProblemsSince(int start) =>
        start >= problems.Count ? [] : [.. problems.Skip(start)];

    /// <summary>The first limit hit since <paramref name="start"/>, or null.</summary>
    public string? LimitSince(int start)
    {
        for (var i = start; i < problems.Count; i++)
        {
            if (problems[i].Code == MimeProblemCodes.LimitExceeded)
            {
                return problems[i].Detail;
            }
        }

        return null;
    }
}
