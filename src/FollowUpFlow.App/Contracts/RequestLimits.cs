namespace FollowUpFlow.App.Contracts;

/// <summary>Every input has a size limit, refused with a clear error rather than truncated.</summary>
internal static class RequestLimits
{
    public const int MaxBodyBytes = 1024 * 1024;
    public const int MaxName = 200;
    public const int MaxPeople = 25;
    public const int MaxSubject = 300;
    public const int MaxDraftBody = 20_000;
    public const int MaxReplyBody = 400_000;
    public const int MaxProfileText = 20_000;
    public static readonly TimeSpan MaxInterviewLength = TimeSpan.FromHours(24);
}
