using System.Collections.Immutable;
using FollowUpFlow.Inbound.Mime;

namespace FollowUpFlow.Inbound.Forwards;

/// <summary>
/// Peels forwards off a message: inline blocks as Gmail, Outlook (plain and HTML), Apple Mail and
/// Thunderbird write them, attached originals, and forwards of forwards. The last layer is the original.
/// </summary>
public static class ForwardUnwrapper
{
    private const int MaxLayers = 8;

    /// <summary>
    /// Recruiting emails say what matters in their first pages; text beyond this is kept (the payload is stored whole)
    /// but not read for understanding, so a huge body cannot make reading slow.
    /// </summary>
    public const int MaxBodyChars = 64 * 1024;

    public static ImmutableArray<ForwardedLayer> Unwrap(MimeMessage message, IReadOnlyCollection<string> candidateAddresses, string defaultTimeZone)
    {
        ArgumentNullException.ThrowIfNull(message);
        var layers = ImmutableArray.CreateBuilder<ForwardedLayer>();
        var context = new UnwrapContext(candidateAddresses, defaultTimeZone, layers);
        AddMimeLayer(message, ForwardStyle.None, context);
        return layers.ToImmutable();
    }

    private sealed record UnwrapContext(IReadOnlyCollection<string> Candidates, string DefaultTimeZone, ImmutableArray<ForwardedLayer>.Builder Layers)
    {
        public bool IsCandidate(MailboxAddress? address) =>
            address is not null && Candidates.Any(c => c.Equals(address.Address, StringComparison.OrdinalIgnoreCase));
    }

    private static void AddMimeLayer(MimeMessage message, ForwardStyle style, UnwrapContext context)
    {
        var body = MessageText.GetBodyText(message) ?? "";
        if (body.Length > MaxBodyChars)
        {
            body = body[..MaxBodyChars];
        }

        var from = message.From.FirstOrDefault() ?? message.Sender;
        var threadIds = ThreadIds(message);
        var looksForwarded = ForwardSubjects.HasForwardPrefix(message.Subject) || context.IsCandidate(from);
        var attached = context.Layers.Count < MaxLayers - 1 ? FirstAttachedMessage(message.Body) : null;
        var block = InlineHeaderBlock.FindFirst(body);

        if (attached is not null && (looksForwarded || block is null || string.IsNullOrWhiteSpace(body[..block.Start])))
        {
            context.Layers.Add(Layer(style, message, from, threadIds, body, ""));
            AddMimeLayer(attached, ForwardStyle.Attached, context);
            return;
        }

        if (block is not null && (looksForwarded || block.HasForwardMarker) && context.Layers.Count < MaxLayers - 1)
        {
            context.Layers.Add(Layer(style, message, from, threadIds, body[..block.Start], ""));
            AddInlineLayer(body, block, message.Date, context);
            return;
        }

        var (fresh, quoted) = QuotedHistory.Split(body);
        context.Layers.Add(Layer(style, message, from, threadIds, fresh, quoted));
    }

    private static void AddInlineLayer(string text, InlineHeaderBlock block, DateTimeOffset? outerDate, UnwrapContext context)
    {
        while (true)
        {
            var remainder = text[block.BodyStart..];
            if (block.IsQuoted)
            {
                remainder = Unquote(remainder);
            }

            var from = LooseAddress.ParseOne(block["from"]);
            var subject = block["subject"];
            var date = ForwardDates.Parse(block["date"], outerDate, context.DefaultTimeZone);
            var next = InlineHeaderBlock.FindFirst(remainder);
            var forwardsAgain = next is not null && context.Layers.Count < MaxLayers - 1
                && (next.HasForwardMarker || ForwardSubjects.HasForwardPrefix(subject));

            string fresh, quoted;
            if (forwardsAgain)
            {
                (fresh, quoted) = (remainder[..next!.Start], "");
            }
            else
            {
                (fresh, quoted) = QuotedHistory.Split(remainder);
            }

            context.Layers.Add(new ForwardedLayer(
                ForwardStyle.Inline,
                from,
                [.. LooseAddress.ParseList(block["to"])],
                [.. LooseAddress.ParseList(block["cc"])],
                LooseAddress.ParseOne(block["reply-to"]),
                subject,
                date,
                MessageId: null,
                ThreadIds: [],
                fresh,
                quoted));

            if (!forwardsAgain)
            {
                return;
            }

            text = remainder;
            block = next!;
            outerDate = date ?? outerDate;
        }
    }

    private static ForwardedLayer Layer(ForwardStyle style, MimeMessage message, MailboxAddress? from, ImmutableArray<string> threadIds, string body, string quoted) =>
        new(style, from, message.To, message.Cc, message.ReplyTo.FirstOrDefault(), message.Subject, message.Date, message.MessageId, threadIds, body, quoted);

    private static ImmutableArray<string> ThreadIds(MimeMessage message)
    {
        var ids = ImmutableArray.CreateBuilder<string>();
        if (message.InReplyTo is { Length: > 0 } inReplyTo)
        {
            ids.Add(inReplyTo);
        }

        foreach (var reference in message.References)
        {
            if (!ids.Contains(reference))
            {
                ids.Add(reference);
            }
        }

        return ids.ToImmutable();
    }

    /// <summary>The first message/rfc822 part of this message's own tree (not inside another embedded message).</summary>
    private static MimeMessage? FirstAttachedMessage(MimePart part)
    {
        if (part.EmbeddedMessage is not null)
        {
            return part.EmbeddedMessage;
        }

        foreach (var child in part.Children)
        {
            var found = FirstAttachedMessage(child);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static string Unquote(string text) =>
        string.Join('\n', TextLines.Split(text).Select(l => StripOneQuoteLevel(l.Text)));

    private static string StripOneQuoteLevel(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith('>') ? trimmed[1..].TrimStart(' ') : line;
    }
}
