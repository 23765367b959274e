namespace FollowUpFlow.Workflow.Inbound;

/// <summary>Where a stored payload stands. Stored and shown as these strings.</summary>
public static class InboundStatus
{
    /// <summary>Stored; processing has not finished (or was cut short: a retry of the same message finishes it).</summary>
    public const string Received = "received";

    /// <summary>Applied to an interview (created, moved, cancelled, outcome recorded).</summary>
    public const string Processed = "processed";

    /// <summary>The same message arrived before; nothing changed.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>An older version of a calendar event than the one already applied; nothing changed.</summary>
    public const string Stale = "stale";

    /// <summary>Understood too little to act alone: waits for the candidate.</summary>
    public const string NeedsReview = "needs-review";

    /// <summary>Not about an interview; kept and listed, nothing to do.</summary>
    public const string Ignored = "ignored";

    /// <summary>Not accepted (not an email, too large, wrong secret...); kept with the reason.</summary>
    public const string Refused = "refused";

    /// <summary>Processing threw; kept with the error.</summary>
    public const string Failed = "failed";

    /// <summary>The candidate applied it to an interview by hand.</summary>
    public const string Resolved = "resolved";

    /// <summary>The candidate dismissed it.</summary>
    public const string Dismissed = "dismissed";
}
