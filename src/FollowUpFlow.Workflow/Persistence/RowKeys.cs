namespace FollowUpFlow.Workflow.Persistence;

/// <summary>
/// Row keys of the interviews table. One partition per user holds all of that user's rows, so that a transition's
/// state, history event, drafts and reply are written in one entity-group transaction.
/// </summary>
public static class RowKeys
{
    public const string InterviewPrefix = "interview|";
    public const string DraftPrefix = "draft|";

    public static string Interview(string interviewId) => InterviewPrefix + interviewId;

    /// <summary>History rows sort by their sequence number within the interview.</summary>
    public static string Event(string interviewId, int sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"event|{interviewId}|{sequence:D6}");

    public static string EventPrefix(string interviewId) => $"event|{interviewId}|";

    public static string Draft(string draftId) => DraftPrefix + draftId;

    public static string Reply(string interviewId, string replyId) => $"reply|{interviewId}|{replyId}";

    public static string ReplyPrefix(string interviewId) => $"reply|{interviewId}|";

    public static string ResearchTask(string taskId) => $"research|{taskId}";

    /// <summary>The smallest key greater than every key starting with <paramref name="prefix"/> ('|' + 1 is '}').</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
