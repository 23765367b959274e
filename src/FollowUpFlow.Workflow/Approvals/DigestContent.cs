namespace FollowUpFlow.Workflow.Approvals;

/// <summary>What a digest says, every field already one line and cut to size: its text and HTML forms render this.</summary>
/// <param name="NotListed">Drafts beyond the digest's limit, pointed to in the dashboard.</param>
internal sealed record DigestContent(string Greeting, string Lead, IReadOnlyList<DigestSection> Sections, int NotListed, string DraftsUrl);

/// <summary>One pending draft in a digest.</summary>
/// <param name="Title">"1. Thank-you note to Jane Doe &lt;jane@…&gt;"</param>
/// <param name="Where">"Company - Role"</param>
/// <param name="DraftExpires">When the draft itself expires unapproved; null when it does not.</param>
internal sealed record DigestSection(
    string Title,
    string Where,
    string Subject,
    IReadOnlyList<string> Preview,
    string ApproveUrl,
    string EditUrl,
    string LinkExpires,
    string? DraftExpires);
