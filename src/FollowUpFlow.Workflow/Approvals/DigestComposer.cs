using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FollowUpFlow.Core.Workflow.Timing;
using FollowUpFlow.Mail;

namespace FollowUpFlow.Workflow.Approvals;

/// <summary>
/// Builds the digest email to the candidate: one section per pending draft, each with a signed one-click approve
/// link and a link to edit it in the dashboard. Pure: the links come signed, the time comes in.
/// </summary>
public static class DigestComposer
{
    /// <summary>Most drafts listed in one digest; the rest are pointed to in the dashboard (keeps the mail readable and bounded).</summary>
    public const int MaxDrafts = 50;

    /// <summary>How much of each draft's body is shown: enough to recognise it, not to read it all.</summary>
    public const int PreviewLines = 3;

    public const int MaxPreviewLineLength = 160;

    internal const string LinksWorkOnce = "Each approve link sends the draft exactly as shown in the dashboard and works once.";
    internal const string NotExpected = "If you did not expect this email, you can ignore it: nothing is sent without your approval.";

    private const int MaxFieldLength = 200;
    private const string Ellipsis = "…";

    /// <param name="entries">Pending drafts of one user, each with the link signed for it.</param>
    /// <param name="digestTime">
    /// The time the digest is for (e.g. its timer's due time), not the clock at a retry: the Message-ID derives from it
    /// and from the drafts listed, so a digest composed again after a crash is recognised as the same message.
    /// </param>
    public static OutgoingMessage Compose(IReadOnlyList<DigestEntry> entries, WorkflowSettings settings, ApprovalUrls urls, DateTimeOffset digestTime)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(urls);
        if (entries.Count == 0)
        {
            throw new ArgumentException("A digest needs at least one pending draft.", nameof(entries));
        }

        var userId = entries[0].Approval.Link.UserId;
        foreach (var entry in entries)
        {
            RequireConsistent(entry, userId);
        }

        var candidate = settings.Candidate;
        var zone = TimeZones.Resolve(candidate.TimeZone, null);
        var ordered = entries.OrderBy(e => e.Draft.Draft.CreatedAt).ThenBy(e => e.Draft.Draft.Id, StringComparer.Ordinal).ToList();
        var content = Content(candidate, ordered, urls, zone);
        return new OutgoingMessage
        {
            From = new MailAddress("FollowUpFlow", candidate.Email),
            To = [new MailAddress(candidate.Name, candidate.Email)],
            Subject = ordered.Count == 1 ? "FollowUpFlow: 1 draft waits for your approval" : $"FollowUpFlow: {ordered.Count} drafts wait for your approval",
            TextBody = Text(content),
            HtmlBody = DigestHtml.Render(content),
            MessageId = DigestMessageId(userId, ordered.Select(e => e.Draft.Draft.Id), digestTime, settings.MessageIdDomain),
            Date = TimeZoneInfo.ConvertTime(digestTime, zone),
            // RFC 3834: made by a machine, so out-of-office replies leave it alone.
            ExtraHeaders = [new MessageHeader("Auto-Submitted", "auto-generated")],
        };
    }

    /// <summary>Fixed by the user, the digest's time and the set of drafts (in any order); the random tokens play no part.</summary>
    public static string DigestMessageId(string userId, IEnumerable<string> draftIds, DateTimeOffset digestTime, string domain)
    {
        var text = new StringBuilder(userId).Append('\n').Append(digestTime.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        foreach (var id in draftIds.Order(StringComparer.Ordinal))
        {
            text.Append('\n').Append(id);
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return MessageIds.Create("digest." + Convert.ToHexStringLower(hash.AsSpan(0, 16)), domain);
    }

    private static void RequireConsistent(DigestEntry entry, string userId)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var (draft, link) = (entry.Draft, entry.Approval.Link);
        if (draft.Draft.Status != DraftStatus.Pending)
        {
            throw new ArgumentException($"Draft '{draft.Draft.Id}' is {draft.Draft.Status}, not pending: it has nothing to approve.", nameof(entry));
        }

        if (link.UserId != userId || link.InterviewId != draft.InterviewId || link.DraftId != draft.Draft.Id || link.Action != ApprovalAction.Approve)
        {
            throw new ArgumentException($"The approval link given for draft '{draft.Draft.Id}' was signed for another draft, user or action.", nameof(entry));
        }
    }

    /// <summary>What the digest says, cut to size once, so its text and its HTML say the same.</summary>
    private static DigestContent Content(CandidateProfile candidate, List<DigestEntry> ordered, ApprovalUrls urls, TimeZoneInfo zone)
    {
        var firstName = OneLine(candidate.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "", MaxFieldLength);
        var sections = ordered.Take(MaxDrafts).Select((entry, i) => Section(i + 1, entry, urls, zone)).ToList();
        return new DigestContent(
            firstName.Length > 0 ? $"Hello {firstName}," : "Hello,",
            (ordered.Count == 1 ? "A draft waits for your approval." : $"{ordered.Count} drafts wait for your approval.") + " Nothing is sent until you approve it.",
            sections,
            ordered.Count - sections.Count,
            urls.Drafts());
    }

    private static DigestSection Section(int number, DigestEntry entry, ApprovalUrls urls, TimeZoneInfo zone)
    {
        var (record, signed) = (entry.Draft, entry.Approval);
        var draft = record.Draft;
        return new DigestSection(
            $"{number.ToString(CultureInfo.InvariantCulture)}. {KindName(draft.Kind)} to {Recipient(draft.To)}",
            $"{OneLine(record.Company, MaxFieldLength)} - {OneLine(record.Role, MaxFieldLength)}",
            OneLine(draft.Subject, MaxFieldLength),
            Preview(draft.Body),
            urls.Approve(signed.Token),
            urls.EditDraft(draft.Id),
            LocalTime(signed.Link.ExpiresAt, zone),
            draft.ExpiresAt is { } draftExpiry ? LocalTime(draftExpiry, zone) : null);
    }

    private static string Text(DigestContent content)
    {
        var text = new StringBuilder();
        text.Append(content.Greeting).Append("\n\n").Append(content.Lead).Append('\n');
        foreach (var section in content.Sections)
        {
            text.Append('\n');
            text.Append(section.Title).Append('\n');
            text.Append("   ").Append(section.Where).Append('\n');
            text.Append("   Subject: ").Append(section.Subject).Append('\n');
            foreach (var line in section.Preview)
            {
                text.Append("   > ").Append(line).Append('\n');
            }

            text.Append('\n');
            text.Append("   Approve and send as it is: ").Append(section.ApproveUrl).Append('\n');
            text.Append("   Edit it first:             ").Append(section.EditUrl).Append('\n');
            text.Append("   The approve link works until ").Append(section.LinkExpires).Append(".\n");
            if (section.DraftExpires is { } draftExpires)
            {
                text.Append("   Unapproved, the draft itself expires at ").Append(draftExpires).Append(".\n");
            }
        }

        if (content.NotListed > 0)
        {
            text.Append('\n').Append(content.NotListed).Append(" more drafts wait in the dashboard: ").Append(content.DraftsUrl).Append('\n');
        }

        text.Append('\n').Append(LinksWorkOnce).Append('\n');
        text.Append(NotExpected).Append('\n');
        text.Append("\n-- \nFollowUpFlow\n");
        return text.ToString();
    }

    private static string KindName(DraftKind kind) => kind switch
    {
        DraftKind.ThankYou => "Thank-you note",
        DraftKind.StatusCheckIn => "Status check-in",
        DraftKind.FeedbackRequest => "Feedback request",
        DraftKind.FeedbackNudge => "Feedback reminder",
        _ => "Draft",
    };

    private static string Recipient(Person to)
    {
        var name = OneLine(to.Name, MaxFieldLength);
        return to.HasEmail ? (name.Length > 0 ? $"{name} <{OneLine(to.Email!, MaxFieldLength)}>" : OneLine(to.Email!, MaxFieldLength)) : name;
    }

    private static string LocalTime(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + $" ({zone.Id})";

    /// <summary>The first non-blank lines of the body, each shortened; an ellipsis line says there is more.</summary>
    private static List<string> Preview(string body)
    {
        var lines = new List<string>(PreviewLines + 1);
        foreach (var line in body.AsSpan().EnumerateLines())
        {
            if (line.IsWhiteSpace())
            {
                continue;
            }

            if (lines.Count == PreviewLines)
            {
                lines.Add(Ellipsis);
                break;
            }

            lines.Add(OneLine(line.ToString(), MaxPreviewLineLength));
        }

        return lines;
    }

    /// <summary>
    /// One trimmed line with control characters as spaces (so a value cannot break the digest's layout), cut at
    /// <paramref name="max"/> without splitting a surrogate pair.
    /// </summary>
    private static string OneLine(string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var chars = value.Trim().Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c).ToArray();
        var line = new string(chars);
        if (line.Length <= max)
        {
            return line;
        }

        var cut = char.IsHighSurrogate(line[max - 1]) ? max - 1 : max;
        return string.Concat(line.AsSpan(0, cut).TrimEnd(), Ellipsis);
    }
}
