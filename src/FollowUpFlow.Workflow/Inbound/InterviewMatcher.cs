using FollowUpFlow.Core.Model;
using FollowUpFlow.Inbound;
using FollowUpFlow.Inbound.Understanding;
using FollowUpFlow.Workflow.Persistence;

namespace FollowUpFlow.Workflow.Inbound;

/// <summary>Which interview a message is about, or why that cannot be told.</summary>
/// <param name="How">How it was found ("its calendar event", "its thread", ...), for the reason shown.</param>
/// <param name="Problem">Why no single interview was found.</param>
public sealed record InterviewMatch(string? InterviewId, string How, string? Problem)
{
    public static InterviewMatch Found(string interviewId, string how) => new(interviewId, how, null);

    public static InterviewMatch None(string problem) => new(null, "", problem);
}

/// <summary>
/// Finds the interview a follow-up message belongs to: by its calendar event, then by its thread, then by the one open
/// interview at the same company, and (for outcomes) by the recruiter who wrote it. Two candidates are never guessed
/// between: the message goes to review instead.
/// </summary>
public sealed class InterviewMatcher(InterviewStore interviews, InboundIndex index)
{
    /// <summary>References can be long; the most recent ids are the ones that matter.</summary>
    private const int MaxThreadIds = 50;

    public async Task<InterviewMatch> MatchAsync(
        string userId,
        ParsedEmail email,
        CalendarEntry? calendar,
        bool byRecruiter,
        IReadOnlyCollection<string> candidateAddresses,
        CancellationToken cancellationToken)
    {
        if (calendar is not null)
        {
            return InterviewMatch.Found(calendar.InterviewId, "its calendar event");
        }

        var understanding = email.Understanding;
        var threadIds = understanding.References.ThreadIds.IsDefault ? [] : understanding.References.ThreadIds;
        var threads = await index.FindThreadInterviewsAsync(userId, threadIds.Reverse().Take(MaxThreadIds), cancellationToken);
        if (threads.Count == 1)
        {
            return InterviewMatch.Found(threads[0], "its thread");
        }

        if (threads.Count > 1)
        {
            return InterviewMatch.None($"Its thread belongs to {threads.Count} interviews ({string.Join(", ", threads)}).");
        }

        var open = new List<InterviewSummary>();
        await foreach (var summary in interviews.ListAsync(userId, cancellationToken))
        {
            if (summary.Phase is InterviewPhase.Scheduled or InterviewPhase.AwaitingOutcome)
            {
                open.Add(summary);
            }
        }

        var senders = byRecruiter ? Senders(email, candidateAddresses) : [];
        var company = understanding.Company;
        var atCompany = open.Where(i => CompanyNames.Similar(i.Company, company)).ToList();
        if (atCompany.Count == 1)
        {
            return InterviewMatch.Found(atCompany[0].Id, $"the one open interview at {atCompany[0].Company}");
        }

        if (atCompany.Count > 1)
        {
            var byWriter = await WithRecruiterAsync(userId, atCompany, senders, cancellationToken);
            return byWriter.Count == 1
                ? InterviewMatch.Found(byWriter[0].Id, $"its recruiter among the open interviews at {byWriter[0].Company}")
                : InterviewMatch.None($"{atCompany.Count} open interviews are at {company} ({string.Join(", ", atCompany.Select(i => i.Id))}); choose one.");
        }

        if (senders.Count > 0)
        {
            var byWriter = await WithRecruiterAsync(userId, open, senders, cancellationToken);
            if (byWriter.Count == 1)
            {
                return InterviewMatch.Found(byWriter[0].Id, $"its recruiter ({byWriter[0].Company})");
            }

            if (byWriter.Count > 1)
            {
                return InterviewMatch.None($"Its sender is the recruiter of {byWriter.Count} open interviews ({string.Join(", ", byWriter.Select(i => i.Id))}); choose one.");
            }
        }

        var what = string.IsNullOrWhiteSpace(company) ? "it names no company" : $"no open interview is at {company}";
        return InterviewMatch.None($"No interview matches: no known calendar event or thread, and {what}.");
    }

    /// <summary>Who wrote the message (the original's author when forwarded), never the candidate.</summary>
    private static HashSet<string> Senders(ParsedEmail email, IReadOnlyCollection<string> candidateAddresses)
    {
        var understanding = email.Understanding;
        var from = email.Message.From.IsDefault ? [] : email.Message.From.Select(a => a.Address);
        var senders = new[] { understanding.Recruiter?.Email, understanding.References.OriginalSender?.Email }
            .Concat(from)
            .Where(a => !string.IsNullOrWhiteSpace(a))
            .Select(a => a!.Trim())
            .Where(a => !candidateAddresses.Contains(a, StringComparer.OrdinalIgnoreCase));
        return new HashSet<string>(senders, StringComparer.OrdinalIgnoreCase);
    }

    private async Task<List<InterviewSummary>> WithRecruiterAsync(string userId, List<InterviewSummary> among, HashSet<string> senders, CancellationToken cancellationToken)
    {
        var matching = new List<InterviewSummary>();
        if (senders.Count == 0)
        {
            return matching;
        }

        foreach (var summary in among)
        {
            var record = await interviews.GetAsync(userId, summary.Id, cancellationToken);
            if (record?.State.Details.Recruiter?.Email is { } recruiter && senders.Contains(recruiter))
            {
                matching.Add(summary);
            }
        }

        return matching;
    }
}
