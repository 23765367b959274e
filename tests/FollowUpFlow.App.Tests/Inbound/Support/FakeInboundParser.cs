using System.Collections.Concurrent;
using System.Collections.Immutable;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Inbound;
using FollowUpFlow.Inbound.Mime;
using FollowUpFlow.Inbound.Understanding;
using FollowUpFlow.Workflow.Inbound;

namespace FollowUpFlow.App.Tests.Inbound.Support;

/// <summary>
/// Stands in for the real reader in API tests: it reads the header block (Message-ID, Subject, From) itself and
/// returns the understanding a test registered for that Message-ID (or "other"). It keeps every message it was given,
/// so tests can check what an entry point handed on (e.g. the message rebuilt from a SendGrid form).
/// </summary>
public sealed class FakeInboundParser : IInboundParser
{
    private readonly ConcurrentDictionary<string, EmailUnderstanding> _understandings = new(StringComparer.Ordinal);

    public ConcurrentQueue<byte[]> Seen { get; } = new();

    public Exception? Failure { get; set; }

    public static readonly DateTimeOffset Start = new(2026, 12, 10, 14, 0, 0, TimeSpan.Zero);

    public void Understand(string messageId, EmailUnderstanding understanding) => _understandings[messageId] = understanding;

    public static EmailUnderstanding Confirmation(string company = "Contoso", double confidence = 0.95) => new(
        EmailKind.Confirmation,
        company,
        "Senior Engineer",
        Start,
        Start.AddHours(1),
        "Europe/London",
        [new Person("Ana Silva", "ana@contoso.example")],
        new Person("Riley Recruiter", "riley@contoso.example"),
        null,
        null,
        new[] { "kind", "company", "role", "start", "end" }.ToImmutableDictionary(k => k, _ => confidence),
        [],
        new EmailReferences(null, null, [], null, null, null, null, null, null));

    public ParsedEmail Parse(ReadOnlyMemory<byte> raw, ParseOptions options)
    {
        Seen.Enqueue(raw.ToArray());
        if (Failure is not null)
        {
            throw Failure;
        }

        var message = Eml.Read(raw.ToArray());
        var headers = message.Headers.Select(h => new HeaderField(h.Key, h.Value)).ToImmutableArray();
        var messageId = message.Header("Message-ID")?.Trim().Trim('<', '>');
        var understanding = messageId is not null && _understandings.TryGetValue(messageId, out var known)
            ? known
            : Confirmation() with { Kind = EmailKind.Other };
        var mime = new MimeMessage
        {
            Headers = new HeaderList(headers),
            Body = new MimePart { Headers = HeaderList.Empty, ContentType = ContentType.TextPlain },
            MessageId = messageId,
            Subject = message.Header("Subject") is { } subject ? Eml.DecodeWords(subject) : null,
            From = message.Header("From") is { } from ? [Mailbox(from)] : [],
        };
        return new ParsedEmail(mime, understanding with { References = understanding.References with { MessageId = messageId } });
    }

    /// <summary>"Name &lt;address&gt;" or a bare address.</summary>
    private static MailboxAddress Mailbox(string value)
    {
        var open = value.IndexOf('<', StringComparison.Ordinal);
        var close = value.IndexOf('>', StringComparison.Ordinal);
        return open >= 0 && close > open
            ? new MailboxAddress(value[..open].Trim().Trim('"') is { Length: > 0 } name ? name : null, value[(open + 1)..close].Trim())
            : new MailboxAddress(null, value.Trim());
    }
}
