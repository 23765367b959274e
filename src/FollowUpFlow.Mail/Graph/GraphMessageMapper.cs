using Microsoft.Graph.Models;

namespace FollowUpFlow.Mail;

/// <summary>Turns an <see cref="OutgoingMessage"/> into Graph's message resource.</summary>
internal static class GraphMessageMapper
{
    /// <summary>Carries the RFC 5322 Message-ID too, for whoever reads the message's headers without Graph's properties.</summary>
    public const string MessageIdHeader = "x-followupflow-message-id";

    // MAPI properties for the threading headers: Graph lets a new message set only X- headers directly.
    private const string InReplyToProperty = "String 0x1042";
    private const string ReferencesProperty = "String 0x1039";

    /// <summary>Everything a new draft carries, the custom headers included (Graph takes them only when a message is created).</summary>
    public static Message ForCreate(OutgoingMessage message)
    {
        var draft = ForUpdate(message);
        draft.InternetMessageId = message.MessageId;
        draft.InternetMessageHeaders = CustomHeaders(message);
        return draft;
    }

    /// <summary>The fields a draft may change (Graph's update list); the id and custom headers stay as created.</summary>
    public static Message ForUpdate(OutgoingMessage message)
    {
        var graphMessage = new Message
        {
            Subject = message.Subject,
            Body = Body(message),
            ToRecipients = message.To.Select(ToRecipient).ToList(),
            CcRecipients = message.Cc.Select(ToRecipient).ToList(),
            ReplyTo = message.ReplyTo is null ? [] : [ToRecipient(message.ReplyTo)],
        };

        // Only when there is one: the SDK writes every property assigned, a null one as JSON null.
        if (ThreadingProperties(message) is { } threading)
        {
            graphMessage.SingleValueExtendedProperties = threading;
        }

        return graphMessage;
    }

    /// <summary>Graph refuses custom headers whose names do not start with X-; such a message can never be sent this way.</summary>
    public static void EnsureSendable(OutgoingMessage message)
    {
        foreach (var header in message.ExtraHeaders)
        {
            if (!header.Name.StartsWith("X-", StringComparison.OrdinalIgnoreCase))
            {
                throw new MailRefusedException(
                    $"Message {message.MessageId}: Microsoft Graph accepts only custom headers named X-…; '{header.Name}' cannot be sent through it.");
            }

            if (header.Name.Equals(MessageIdHeader, StringComparison.OrdinalIgnoreCase))
            {
                throw new MailRefusedException($"Message {message.MessageId}: the header '{MessageIdHeader}' is written by the Graph transport itself.");
            }
        }
    }

    /// <summary>
    /// A Graph message has one body, of contentType text or html: the HTML alternative when the message has one,
    /// otherwise the text. So through Graph, the text body of a message that has an HTML body is not sent.
    /// </summary>
    private static ItemBody Body(OutgoingMessage message) =>
        message.HtmlBody is { } html
            ? new ItemBody { ContentType = BodyType.Html, Content = html }
            : new ItemBody { ContentType = BodyType.Text, Content = message.TextBody };

    private static List<InternetMessageHeader> CustomHeaders(OutgoingMessage message)
    {
        var headers = new List<InternetMessageHeader>(message.ExtraHeaders.Count + 1)
        {
            new() { Name = MessageIdHeader, Value = message.MessageId },
        };
        headers.AddRange(message.ExtraHeaders.Select(h => new InternetMessageHeader { Name = h.Name, Value = h.Value }));
        return headers;
    }

    private static List<SingleValueLegacyExtendedProperty>? ThreadingProperties(OutgoingMessage message)
    {
        if (message.InReplyTo is null && message.References.Count == 0)
        {
            return null;
        }

        var properties = new List<SingleValueLegacyExtendedProperty>(2);
        if (message.InReplyTo is not null)
        {
            properties.Add(new SingleValueLegacyExtendedProperty { Id = InReplyToProperty, Value = message.InReplyTo });
        }

        if (message.References.Count > 0)
        {
            properties.Add(new SingleValueLegacyExtendedProperty { Id = ReferencesProperty, Value = string.Join(' ', message.References) });
        }

        return properties;
    }

    private static Recipient ToRecipient(MailAddress address) => new()
    {
        EmailAddress = new EmailAddress { Address = address.Address, Name = address.DisplayName },
    };
}
