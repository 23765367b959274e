namespace FollowUpFlow.Core.Templates;

/// <summary>The placeholder names templates may use, written {{name}}.</summary>
public static class Placeholders
{
    public const string CandidateName = "candidateName";

    /// <summary>First names, for greetings ("Hi Ana,"): the first word of the name, or what follows the comma in "Silva, Ana".</summary>
    public const string CandidateFirstName = "candidateFirstName";
    public const string InterviewerFirstName = "interviewerFirstName";
    public const string RecruiterFirstName = "recruiterFirstName";
    public const string RecipientFirstName = "recipientFirstName";
    public const string InterviewerName = "interviewerName";
    public const string RecruiterName = "recruiterName";

    /// <summary>Whoever the draft is addressed to (recruiter or interviewer).</summary>
    public const string RecipientName = "recipientName";
    public const string Company = "company";
    public const string Role = "role";

    /// <summary>The interview's start date in its own time zone, e.g. "Tuesday 3 March".</summary>
    public const string InterviewDate = "interviewDate";
    public const string Signature = "signature";

    /// <summary>The subject of the message a reply answers (the nudge answers the feedback request).</summary>
    public const string OriginalSubject = "originalSubject";

    /// <summary>Notifications: the drafts concerned, one per line.</summary>
    public const string Drafts = "drafts";

    /// <summary>Notifications: how many drafts <see cref="Drafts"/> lists.</summary>
    public const string Count = "count";
    public const string DraftSubject = "draftSubject";
    public const string FailureReason = "failureReason";
}
