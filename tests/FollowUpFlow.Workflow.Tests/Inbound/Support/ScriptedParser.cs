using System.Collections.Concurrent;
using System.Text;
using FollowUpFlow.Inbound;
using FollowUpFlow.Inbound.Mime;
using FollowUpFlow.Workflow.Inbound;

namespace FollowUpFlow.Workflow.Tests.Inbound.Support;

/// <summary>
/// Stands in for the real reader: each registered message's bytes read as the hand-built <see cref="ParsedEmail"/>
/// registered with them; anything else reads as not an email. <see cref="Failure"/> makes every read throw.
/// </summary>
public sealed class ScriptedParser : IInboundParser
{
    private readonly ConcurrentDictionary<string, ParsedEmail> _emails = new(StringComparer.Ordinal);

    public int Calls { get; private set; }

    public Exception? Failure { get; set; }

    /// <summary>Registers <paramref name="email"/> as what <paramref name="raw"/> reads as; returns the bytes.</summary>
    public byte[] Register(string raw, ParsedEmail email)
    {
        _emails[raw] = email;
        return Encoding.UTF8.GetBytes(raw);
    }

    public ParsedEmail Parse(ReadOnlyMemory<byte> raw, ParseOptions options)
    {
        Calls++;
        if (Failure is not null)
        {
            throw Failure;
        }

        return _emails.TryGetValue(Encoding.UTF8.GetString(raw.Span), out var email) ? email : NotAnEmail;
    }

    public static ParsedEmail NotAnEmail { get; } = new(
        new MimeMessage
        {
            Headers = HeaderList.Empty,
            Body = new MimePart { Headers = HeaderList.Empty, ContentType = ContentType.TextPlain },
            Problems = [new MimeProblem("no-headers", "the input has no header fields")],
        },
        TestMail.Understanding(FollowUpFlow.Inbound.Understanding.EmailKind.Other, null));
}
