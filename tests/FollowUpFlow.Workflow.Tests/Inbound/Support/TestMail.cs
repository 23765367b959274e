using System.Collections.Immutable;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Inbound;
using FollowUpFlow.Inbound.Mime;
using FollowUpFlow.Inbound.Understanding;

namespace FollowUpFlow.Workflow.Tests.Inbound.Support;

/// <summary>Hand-built messages as the reader would give them: vary them with <c>with</c>.</summary>
public static class TestMail
{
    public static readonly DateTimeOffset Start = new(2026, 12, 10, 14, 0, 0, TimeSpan.Zero);

    public static readonly Person Recruiter = new("Riley Recruiter", "riley@contoso.example");

    public static readonly Person Ana = new("Ana Silva", "ana@contoso.example");

    /// <summary>Every field certain: the reader was sure of everything.</summary>
    public static ImmutableDictionary<string, double> Certain { get; } = new[] { "kind", "company", "role", "start", "end", "timeZone", "interviewers", "recruiter" }
        .ToImmutableDictionary(k => k, _ => 0.95);

    public static EmailUnderstanding Understanding(EmailKind kind, string? messageId, string? company = "Contoso", DateTimeOffset? start = null) => new(
        kind,
        company,
        "Senior Engineer",
        start ?? Start,
        (start ?? Start).AddHours(1),
        "Europe/London",
        [Ana],
        Recruiter,
        null,
        null,
        Certain,
        [],
        new EmailReferences(messageId, null, [], null, null, null, null, null, null));

    public static ParsedEmail Email(EmailUnderstanding understanding, string subject = "Interview", MailboxAddress? from = null) => new(
        new MimeMessage
        {
            Headers = new HeaderList([new HeaderField("Message-ID", $"<{understanding.References.MessageId}>"), new HeaderField("Subject", subject)]),
            Body = new MimePart { Headers = HeaderList.Empty, ContentType = ContentType.TextPlain },
            MessageId = understanding.References.MessageId,
            Subject = subject,
            From = [from ?? new MailboxAddress("Alex Morgan", "alex@example.com")],
        },
        understanding);

    public static ParsedEmail Confirmation(string messageId, string company = "Contoso", DateTimeOffset? start = null) =>
        Email(Understanding(EmailKind.Confirmation, messageId, company, start), $"Interview confirmation: {company}");

    /// <summary>The same message with its calendar event's identity.</summary>
    public static ParsedEmail WithCalendar(this ParsedEmail email, string uid, int? sequence, string method = "REQUEST") =>
        email with { Understanding = email.Understanding with { References = email.Understanding.References with { CalendarUid = uid, CalendarSequence = sequence, CalendarMethod = method } } };

    /// <summary>The same message as a reply in a thread (In-Reply-To / References).</summary>
    public static ParsedEmail InThread(this ParsedEmail email, params string[] threadIds) =>
        email with { Understanding = email.Understanding with { References = email.Understanding.References with { ThreadIds = [.. threadIds] } } };

    /// <summary>The same message with the reader unsure of these fields.</summary>
    public static ParsedEmail UnsureOf(this ParsedEmail email, params string[] fields) =>
        email with { Understanding = email.Understanding with { Confidence = fields.Aggregate(email.Understanding.Confidence, (c, f) => c.SetItem(f, 0.3)) } };

    public static ParsedEmail WithUnderstanding(this ParsedEmail email, Func<EmailUnderstanding, EmailUnderstanding> change) =>
        email with { Understanding = change(email.Understanding) };
}
